package pool

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/themes"
	"github.com/opsdeck/opsdeck/ui/format"
)

// ioAt is the narrowest pane that shows per-vdev I/O beside the tree;
// below it the tree alone fits.
const ioAt = 120

// ioCaption says what the figures are: `zpool iostat` without an interval
// prints averages over the time since the pool was imported (the vdev's
// vs_timestamp), not current rates. They are integers, so two reads cannot
// be differenced into a live rate either: the import time is unknown and
// the truncation error grows with it.
const ioCaption = "I/O per second, averaged since pool import"

// ioColumns are the column headers and widths of the I/O block; the two
// waits (total_wait: queue plus disk) come only with `zpool iostat -l`.
var ioColumns = []struct {
	head  string
	width int
}{
	{"OPS R", 6}, {"OPS W", 6}, {"BW R", 7}, {"BW W", 7}, {"WAIT R", 7}, {"WAIT W", 7},
}

// ioTable is the I/O of one pool's vdevs, as drawn beside its tree.
type ioTable struct {
	rows    []ops.VdevIO
	latency bool // some row has -l figures
}

// poolIO is the iostat rows of the named pool.
func poolIO(all []ops.VdevIO, pool string) ioTable {
	var t ioTable
	for _, r := range all {
		if r.Pool == pool {
			t.rows = append(t.rows, r)
			t.latency = t.latency || r.Latency != nil
		}
	}
	return t
}

// width is how many cells the block adds to a tree line.
func (t ioTable) width() int {
	n := 0
	for i, c := range ioColumns {
		if i >= 4 && !t.latency {
			break
		}
		n += 1 + c.width
	}
	return n
}

// cells renders the block's cells for row (nil: the header).
func (t ioTable) cells(r *ops.VdevIO) string {
	var vals []string
	switch {
	case r == nil:
		for _, c := range ioColumns {
			vals = append(vals, c.head)
		}
	default:
		vals = []string{fmt.Sprint(r.ReadOps), fmt.Sprint(r.WriteOps), format.Bytes(r.ReadBytes), format.Bytes(r.WriteBytes), "-", "-"}
		if l := r.Latency; l != nil {
			vals[4], vals[5] = latency(l.TotalRead), latency(l.TotalWrite)
		}
	}
	var b strings.Builder
	for i, c := range ioColumns {
		if i >= 4 && !t.latency {
			break
		}
		fmt.Fprintf(&b, " %*s", c.width, vals[i])
	}
	return b.String()
}

// beside appends the I/O block to the lines tree.Render drew (header
// first). A tree line is matched to its iostat row by the vdev name that
// starts it, in order, so a name that appears twice (a disk being
// replaced by itself) still pairs up; class labels and spares, which
// iostat does not list, get no figures. Tree lines are padded to one
// width so the columns align.
func (t ioTable) beside(tree []string, s *themes.Styles) []string {
	treeW := 0
	for _, l := range tree {
		treeW = max(treeW, ansi.StringWidth(l))
	}
	pad := func(l string) string { return l + strings.Repeat(" ", treeW-ansi.StringWidth(l)) }
	out := make([]string, 0, len(tree)+1)
	out = append(out, strings.Repeat(" ", treeW)+" "+s.Muted.Render(ioCaption))
	next := 0
	for i, l := range tree {
		if i == 0 {
			out = append(out, pad(l)+s.TableHeader.Render(t.cells(nil)))
			continue
		}
		f := strings.Fields(ansi.Strip(l))
		r := -1
		if len(f) > 0 {
			r = t.find(f[0], next)
		}
		if r < 0 {
			out = append(out, l)
			continue
		}
		next = r + 1
		out = append(out, pad(l)+t.cells(&t.rows[r]))
	}
	return out
}

// find is the index of the row named name at or after from, else the
// first one anywhere, else -1.
func (t ioTable) find(name string, from int) int {
	for _, start := range []int{from, 0} {
		for i := start; i < len(t.rows); i++ {
			if t.rows[i].Name == name {
				return i
			}
		}
	}
	return -1
}

// latency is a wait in nanoseconds in the unit that keeps it short, "-"
// for none (ZFS's own "-").
func latency(ns uint64) string {
	switch {
	case ns == 0:
		return "-"
	case ns < 1_000:
		return fmt.Sprintf("%dns", ns)
	case ns < 10_000:
		return fmt.Sprintf("%.1fµs", float64(ns)/1e3)
	case ns < 1_000_000:
		return fmt.Sprintf("%.0fµs", float64(ns)/1e3)
	case ns < 100_000_000:
		return fmt.Sprintf("%.1fms", float64(ns)/1e6)
	case ns < 1_000_000_000:
		return fmt.Sprintf("%.0fms", float64(ns)/1e6)
	}
	return fmt.Sprintf("%.2fs", float64(ns)/1e9)
}
