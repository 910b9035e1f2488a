package ops

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// jsonClassKeys are the pool-level keys of `zpool status -j` that hold
// top-level vdevs of each class, in the order the text output prints the
// classes (normal, dedup, special, logs, cache, spares).
var jsonClassKeys = []struct{ key, class string }{
	{"dedup", ClassDedup},
	{"special", ClassSpecial},
	{"logs", ClassLog},
	{"l2cache", ClassCache},
	{"spares", ClassSpare},
}

type jsonStatus struct {
	Pools json.RawMessage `json:"pools"`
}

type jsonPool struct {
	Name       string          `json:"name"`
	State      string          `json:"state"`
	Status     string          `json:"status"`
	Action     string          `json:"action"`
	MsgID      string          `json:"msgid"`
	MoreInfo   string          `json:"moreinfo"`
	ScanStats  *jsonScan       `json:"scan_stats"`
	Vdevs      json.RawMessage `json:"vdevs"`
	ErrorCount *jnum           `json:"error_count"`
	ErrList    json.RawMessage `json:"errlist"`
}

// ParsePoolStatusJSON parses `zpool status -v -j --json-int` (OpenZFS >=
// 2.3; string-valued output without --json-int is accepted too). It gives
// the same []Pool as ParsePoolStatusText for the same state, except where
// only one form has a figure: exact scan bytes and Vdev.Path exist only
// here, Scan.Text only in text, and Rate/ETA need the reading time (see
// ParsePoolStatusJSONAt).
func ParsePoolStatusJSON(b []byte) ([]Pool, error) {
	return ParsePoolStatusJSONAt(b, time.Time{})
}

// ParsePoolStatusJSONAt is ParsePoolStatusJSON that also derives the
// issue rate and ETA of a running scan as zpool status does, from the
// elapsed time at now (the host's clock; a skewed local clock skews the
// rate). A zero now leaves Rate and ETA unset.
func ParsePoolStatusJSONAt(b []byte, now time.Time) ([]Pool, error) {
	var doc jsonStatus
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("zpool status JSON: %w", err)
	}
	members, err := orderedObject(doc.Pools)
	if err != nil {
		return nil, fmt.Errorf("zpool status JSON pools: %w", err)
	}
	pools := make([]Pool, 0, len(members))
	for _, m := range members {
		p, err := parseJSONPool(m.Key, m.Value, now)
		if err != nil {
			return nil, fmt.Errorf("zpool status JSON pool %q: %w", m.Key, err)
		}
		pools = append(pools, p)
	}
	return pools, nil
}

func parseJSONPool(key string, raw json.RawMessage, now time.Time) (Pool, error) {
	var jp jsonPool
	if err := json.Unmarshal(raw, &jp); err != nil {
		return Pool{}, err
	}
	p := Pool{Name: jp.Name, State: jp.State, Fragmentation: -1, Capacity: -1}
	if p.Name == "" {
		p.Name = key
	}
	p.Status = joinPara(strings.Split(jp.Status, "\n"))
	p.Action = joinPara(strings.Split(jp.Action, "\n"))
	p.See = jp.MoreInfo
	if p.See == "" && jp.MsgID != "" {
		p.See = "https://openzfs.github.io/openzfs-docs/msg/" + jp.MsgID
	}
	p.Scan = Scan{State: ScanNone}
	scanning := false
	if jp.ScanStats != nil {
		p.Scan = jp.ScanStats.scan(now)
		scanning = strings.EqualFold(jp.ScanStats.State, "SCANNING")
	}
	nc := noteContext{scanning: scanning, resilver: p.Scan.Function == "resilver"}

	roots, err := parseJSONVdevs(jp.Vdevs, ClassNormal, nc, 0)
	if err != nil {
		return p, err
	}
	if len(roots) != 1 {
		return p, fmt.Errorf("expected one root vdev, got %d", len(roots))
	}
	root := roots[0]
	root.Type = "root"
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		return p, err
	}
	for _, ck := range jsonClassKeys {
		top, err := parseJSONVdevs(fields[ck.key], ck.class, nc, 1)
		if err != nil {
			return p, fmt.Errorf("%s: %w", ck.key, err)
		}
		root.Children = append(root.Children, top...)
	}
	p.Root = root
	return p, parseJSONErrors(&p, jp)
}

// parseJSONErrors fills Errors, ErrorCount and ErrorFiles with the
// sentences the text output prints, so both parsers agree.
func parseJSONErrors(p *Pool, jp jsonPool) error {
	if jp.ErrorCount == nil {
		return nil
	}
	p.ErrorCount = uint64(*jp.ErrorCount)
	if len(jp.ErrList) > 0 && string(jp.ErrList) != "null" {
		var files []string
		if err := json.Unmarshal(jp.ErrList, &files); err != nil {
			// zpool puts strerror() here when it cannot read the log.
			var msg string
			if json.Unmarshal(jp.ErrList, &msg) != nil {
				return fmt.Errorf("errlist: %w", err)
			}
			p.Errors = fmt.Sprintf("%d data errors; the file list could not be read: %s", p.ErrorCount, msg)
			return nil
		}
		p.Errors = permanentErrors
		p.ErrorFiles = append([]string{}, files...)
		return nil
	}
	if p.ErrorCount == 0 {
		p.Errors = "No known data errors"
	} else {
		p.Errors = fmt.Sprintf("%d data errors, use '-v' for a list", p.ErrorCount)
	}
	return nil
}
