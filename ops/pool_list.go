package ops

import (
	"encoding/json"
	"fmt"
	"strings"
)

// ParsePoolListText parses `zpool list -Hp -o name,size,allocated,free,
// fragmentation,capacity,dedupratio,health` (poolListProps). A line with
// the wrong number of fields is an error, not a guess. Only the list
// fields of each Pool are set; MergePoolList joins them with the status.
func ParsePoolListText(b []byte) ([]Pool, error) {
	var pools []Pool
	for i, line := range strings.Split(string(b), "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != len(poolListProps) {
			return nil, fmt.Errorf("zpool list line %d: %d fields, want %d: %q", i+1, len(f), len(poolListProps), line)
		}
		p, err := poolFromList(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7])
		if err != nil {
			return nil, fmt.Errorf("zpool list line %d: %w", i+1, err)
		}
		pools = append(pools, p)
	}
	return pools, nil
}

func poolFromList(name, size, alloc, free, frag, capacity, dedup, health string) (Pool, error) {
	p := Pool{Name: name, State: health}
	var err error
	if p.Size, err = parseDashUint(size); err != nil {
		return p, fmt.Errorf("size %q: %w", size, err)
	}
	if p.Alloc, err = parseDashUint(alloc); err != nil {
		return p, fmt.Errorf("allocated %q: %w", alloc, err)
	}
	if p.Free, err = parseDashUint(free); err != nil {
		return p, fmt.Errorf("free %q: %w", free, err)
	}
	if p.Fragmentation, err = parseDashPercent(frag); err != nil {
		return p, err
	}
	if p.Capacity, err = parseDashPercent(capacity); err != nil {
		return p, err
	}
	if p.DedupRatio, err = parseRatio(dedup); err != nil {
		return p, err
	}
	if name == "" {
		return p, fmt.Errorf("empty pool name")
	}
	return p, nil
}

// jsonPools is the envelope of `zpool list -j`.
type jsonPools struct {
	Pools json.RawMessage `json:"pools"`
}

type jsonListPool struct {
	Name       string                      `json:"name"`
	State      string                      `json:"state"`
	Properties map[string]jsonPropertyItem `json:"properties"`
}

// jsonPropertyItem is one {"value": …, "source": …} of zfs/zpool -j.
type jsonPropertyItem struct {
	Value jstring `json:"value"`
}

// ParsePoolListJSON parses `zpool list -j --json-int [-o …]`, giving the
// same values as ParsePoolListText.
func ParsePoolListJSON(b []byte) ([]Pool, error) {
	var doc jsonPools
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("zpool list JSON: %w", err)
	}
	members, err := orderedObject(doc.Pools)
	if err != nil {
		return nil, fmt.Errorf("zpool list JSON pools: %w", err)
	}
	var pools []Pool
	for _, m := range members {
		var jp jsonListPool
		if err := json.Unmarshal(m.Value, &jp); err != nil {
			return nil, fmt.Errorf("zpool list JSON pool %q: %w", m.Key, err)
		}
		if jp.Name == "" {
			jp.Name = m.Key
		}
		prop := func(name string) string {
			if v, ok := jp.Properties[name]; ok {
				return string(v.Value)
			}
			return "-"
		}
		health := prop("health")
		if health == "-" {
			health = jp.State
		}
		p, err := poolFromList(jp.Name, prop("size"), prop("allocated"), prop("free"),
			prop("fragmentation"), prop("capacity"), prop("dedupratio"), health)
		if err != nil {
			return nil, fmt.Errorf("zpool list JSON pool %q: %w", m.Key, err)
		}
		pools = append(pools, p)
	}
	return pools, nil
}

// MergePoolList copies the capacity figures of list into the pools of
// status with the same name. Status decides which pools exist: a pool
// imported or exported between the two commands is not invented.
func MergePoolList(status, list []Pool) []Pool {
	byName := make(map[string]Pool, len(list))
	for _, p := range list {
		byName[p.Name] = p
	}
	out := make([]Pool, len(status))
	for i, p := range status {
		if l, ok := byName[p.Name]; ok {
			p.Size, p.Alloc, p.Free = l.Size, l.Alloc, l.Free
			p.Fragmentation, p.Capacity, p.DedupRatio = l.Fragmentation, l.Capacity, l.DedupRatio
		}
		out[i] = p
	}
	return out
}
