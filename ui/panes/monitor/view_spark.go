package monitor

import (
	"fmt"
	"maps"
	"math"
	"slices"

	"github.com/opsdeck/opsdeck/ops/monitor"
	"github.com/opsdeck/opsdeck/ui/components/sparkline"
	"github.com/opsdeck/opsdeck/ui/format"
)

// sparkLines draws the last hour from Prometheus: the ARC hit ratio and
// the network throughput, each with its newest value.
func (p *Pane) sparkLines(sp monitor.Sparklines) []string {
	s := p.env.Styles
	out := []string{s.Title.Render("Last hour") + " " + s.Muted.Render("(Prometheus query_range, 1 min steps)")}
	// The label and the newest value take about 30 cells; an hour is 61
	// points, more cells would only pad.
	w := max(10, min(p.width-30, 61))
	row := func(name string, vals []float64, last func(float64) string) {
		v, ok := newest(vals)
		if !ok {
			out = append(out, fmt.Sprintf("  %-13s %s", name, s.Muted.Render("no data")))
			return
		}
		out = append(out, fmt.Sprintf("  %-13s %s %s", name, sparkline.Render(s, vals, w), last(v)))
	}
	row("ARC hit ratio", sp.ARCHitRatio, func(v float64) string { return format.Percent(v * 100) })
	rate := func(v float64) string { return format.Rate(uint64(max(0, v))) }
	row("net receive", sp.NetRx, rate)
	row("net transmit", sp.NetTx, rate)
	// Only exporters that know pool sizes have a capacity metric; without
	// one there is no row rather than a "no data" per pool.
	pools := slices.Sorted(maps.Keys(sp.PoolCapacity))
	for _, pool := range pools {
		row("cap "+pool, sp.PoolCapacity[pool], func(v float64) string { return format.Percent(v) })
	}
	return append(out, p.problemLines(sp.Errors)...)
}

// newest is the last real value of vals; Prometheus leaves NaN gaps.
func newest(vals []float64) (float64, bool) {
	for i := len(vals) - 1; i >= 0; i-- {
		if !math.IsNaN(vals[i]) && !math.IsInf(vals[i], 0) {
			return vals[i], true
		}
	}
	return 0, false
}
