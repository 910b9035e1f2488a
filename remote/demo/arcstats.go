package demo

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
)

//go:embed templates/arcstats
var arcstatsTemplate string

// arcFigures maps the kstat names the model owns to its fields.
func arcFigures(a ARC) map[string]uint64 {
	return map[string]uint64{
		"hits": a.Hits, "misses": a.Misses, "size": a.Size, "c": a.C,
		"c_min": a.CMin, "c_max": a.CMax, "data_size": a.DataSize,
		"metadata_size": a.MetaSize, "mru_size": a.MRUSize, "mfu_size": a.MFUSize,
	}
}

// arcstatsText renders /proc/spl/kstat/zfs/arcstats: the real capture's
// lines, with the model's figures in place of the captured ones. The
// kstat layout is "%-32s%-5u%llu" after the two header lines.
func arcstatsText(a ARC) string {
	figures := arcFigures(a)
	var b strings.Builder
	lines := strings.SplitAfter(arcstatsTemplate, "\n")
	for i, line := range lines {
		fields := strings.Fields(line)
		if i < 2 || len(fields) != 3 {
			b.WriteString(line)
			continue
		}
		v, ok := figures[fields[0]]
		if !ok {
			b.WriteString(line)
			continue
		}
		typ, err := strconv.Atoi(fields[1])
		if err != nil {
			b.WriteString(line)
			continue
		}
		fmt.Fprintf(&b, "%-32s%-5d%d\n", fields[0], typ, v)
	}
	return b.String()
}

// arcFromTemplate reads the model's figures back from the template, so a
// scenario can start from the captured values and change a few.
func arcFromTemplate() ARC {
	got := map[string]uint64{}
	for _, line := range strings.Split(arcstatsTemplate, "\n") {
		f := strings.Fields(line)
		if len(f) == 3 {
			if v, err := strconv.ParseUint(f[2], 10, 64); err == nil {
				got[f[0]] = v
			}
		}
	}
	return ARC{Hits: got["hits"], Misses: got["misses"], Size: got["size"], C: got["c"],
		CMin: got["c_min"], CMax: got["c_max"], DataSize: got["data_size"],
		MetaSize: got["metadata_size"], MRUSize: got["mru_size"], MFUSize: got["mfu_size"]}
}
