package ops

import (
	"fmt"
	"strconv"
	"strings"
)

// arcRequired are the arcstats rows the ARC summary needs; both 2.1 and
// 2.3 have them (the rows that differ between releases are not used).
var arcRequired = []string{"size", "c", "c_max", "c_min", "hits", "misses"}

// ParseARCStats parses /proc/spl/kstat/zfs/arcstats: a kstat header line,
// a "name type data" line, then one "name type value" row per statistic.
// A missing required row is an error.
func ParseARCStats(b []byte) (ARC, error) {
	vals := map[string]uint64{}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) != 3 || f[0] == "name" {
			continue
		}
		// Type 4 is KSTAT_DATA_UINT64, the type of every row we read.
		if f[1] != "4" {
			continue
		}
		v, err := strconv.ParseUint(f[2], 10, 64)
		if err != nil {
			return ARC{}, fmt.Errorf("arcstats %s: %w", f[0], err)
		}
		vals[f[0]] = v
	}
	for _, k := range arcRequired {
		if _, ok := vals[k]; !ok {
			return ARC{}, fmt.Errorf("arcstats: no %q row", k)
		}
	}
	a := ARC{
		Size: vals["size"], Target: vals["c"], Max: vals["c_max"], Min: vals["c_min"],
		Hits: vals["hits"], Misses: vals["misses"],
	}
	if total := float64(a.Hits) + float64(a.Misses); total > 0 {
		a.HitRatio = float64(a.Hits) / total
	}
	return a, nil
}
