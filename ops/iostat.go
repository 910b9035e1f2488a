package ops

import (
	"fmt"
	"strings"
)

// iostatFields is name, alloc, free, read/write operations and read/write
// bandwidth; `-l` adds latency columns after them (iostat_latency.go).
const iostatFields = 7

// ParseIOStat parses `zpool iostat -vHp` and `zpool iostat -vlHp`; with
// -l each row's Latency is set, without it Latency is nil. Scripted output has no
// indentation and no separator between pools, so depth comes from
// structure: with pools (the vdev trees from zpool status) each row takes
// its depth from the tree and a row naming a pool starts that pool;
// without them the first row is the only pool and depth is inferred from
// vdev names (mirror-N, raidz2-N… are interior, the rest leaves). Blank
// lines (class separators) and the space-padded class rows some releases
// print are skipped.
func ParseIOStat(b []byte, pools []Pool) ([]VdevIO, error) {
	trees := map[string]map[string]int{}
	for _, p := range pools {
		depths := map[string]int{}
		var walk func(v Vdev, d int)
		walk = func(v Vdev, d int) {
			if _, dup := depths[v.Name]; !dup {
				depths[v.Name] = d
			}
			for _, c := range v.Children {
				walk(c, d+1)
			}
		}
		walk(p.Root, 0)
		trees[p.Name] = depths
	}
	var out []VdevIO
	var pool string
	var depths map[string]int
	interior := -1 // depth of the last interior vdev seen, for inference
	for i, line := range strings.Split(string(b), "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" {
			interior = -1
			continue
		}
		if !strings.Contains(line, "\t") {
			// "special   -  -  …": a space-padded class label, not a vdev.
			if w, _ := nextField(line); classHeaders[w] != "" {
				continue
			}
			return nil, fmt.Errorf("zpool iostat line %d: not tab-separated: %q", i+1, line)
		}
		f := strings.Split(line, "\t")
		if len(f) < iostatFields {
			return nil, fmt.Errorf("zpool iostat line %d: %d fields, want %d: %q", i+1, len(f), iostatFields, line)
		}
		row := VdevIO{Name: f[0]}
		for j, dst := range []*uint64{&row.Alloc, &row.Free, &row.ReadOps, &row.WriteOps, &row.ReadBytes, &row.WriteBytes} {
			v, err := parseDashUint(f[j+1])
			if err != nil {
				return nil, fmt.Errorf("zpool iostat line %d column %d: %w", i+1, j+2, err)
			}
			*dst = v
		}
		if len(f) > iostatFields {
			lat, err := parseLatency(f[iostatFields:])
			if err != nil {
				return nil, fmt.Errorf("zpool iostat line %d: %w", i+1, err)
			}
			row.Latency = lat
		}
		if row.Name == "" {
			return nil, fmt.Errorf("zpool iostat line %d: empty name", i+1)
		}
		_, inTree := depths[row.Name]
		if t, isPool := trees[row.Name]; pool == "" || isPool && (!inTree || depths[row.Name] == 0) {
			pool, depths, interior = row.Name, t, -1
			row.Pool, row.Depth = pool, 0
			out = append(out, row)
			continue
		}
		row.Pool = pool
		if d, ok := depths[row.Name]; ok {
			row.Depth = d
		} else {
			row.Depth, interior = inferDepth(row.Name, interior)
		}
		out = append(out, row)
	}
	return out, nil
}

// inferDepth places a row without a known tree: interior vdevs are
// top-level (replacing/spare nest one deeper inside another interior),
// leaves sit below the last interior vdev or are top-level themselves.
func inferDepth(name string, interior int) (depth, newInterior int) {
	if m := reInterior.FindStringSubmatch(name); m != nil {
		if (m[1] == "replacing" || m[1] == "spare") && interior >= 1 {
			return interior + 1, interior + 1
		}
		return 1, 1
	}
	if interior >= 1 {
		return interior + 1, interior
	}
	return 1, interior
}
