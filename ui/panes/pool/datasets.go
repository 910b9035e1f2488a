package pool

import (
	"strings"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ui/components/table"
	"github.com/opsdeck/opsdeck/ui/format"
)

var datasetColumns = []table.Column{
	{Title: "NAME"},
	{Title: "USED", Width: 6, Numeric: true},
	{Title: "AVAIL", Width: 6, Numeric: true},
	{Title: "REFER", Width: 6, Numeric: true},
	{Title: "RATIO", Width: 6, Numeric: true},
	{Title: "COMPRESS", Width: 8},
	{Title: "RECSZ", Width: 6, Numeric: true},
	{Title: "MOUNTPOINT", Width: 0},
}

// narrowColumns is how many columns fit below wide layouts: name, used,
// avail, refer, ratio.
const narrowColumns = 5

// datasetRows are the table rows of pool's datasets (all of them when
// pool is empty).
func datasetRows(ds []ops.Dataset, pool string) []table.Row {
	var rows []table.Row
	for _, d := range ds {
		if pool != "" && d.Name != pool && !strings.HasPrefix(d.Name, pool+"/") {
			continue
		}
		rec := "-"
		if d.Recordsize > 0 {
			rec = format.Bytes(d.Recordsize)
		}
		rows = append(rows, table.Row{
			Cells: []string{d.Name, format.Bytes(d.Used), format.Bytes(d.Avail), format.Bytes(d.Refer),
				format.Ratio(d.CompressRatio), d.Compression, rec, d.Mountpoint},
			Num: []float64{0, float64(d.Used), float64(d.Avail), float64(d.Refer),
				d.CompressRatio, 0, float64(d.Recordsize), 0},
		})
	}
	return rows
}
