package monitor

import (
	"fmt"
	"sort"

	"github.com/opsdeck/opsdeck/ops/monitor"
	"github.com/opsdeck/opsdeck/ui/format"
)

// nodeLines draws node_exporter's section: whether the zfs collector
// runs, each pool's state and the ARC.
func (p *Pane) nodeLines(ne monitor.NodeExporterStatus) []string {
	s := p.env.Styles
	out := []string{p.serviceLine(ne.Service, "")}
	if !ne.Service.Reachable {
		return out
	}
	if ne.Error != "" {
		return append(out, s.Warn.Render("  ! "+ne.Error))
	}
	z := ne.ZFS
	switch {
	case !z.CollectorKnown:
		out = append(out, s.Warn.Render("  zfs collector: not reporting (disabled?)"))
	case !z.CollectorRunning:
		out = append(out, s.Crit.Render("  zfs collector: failing (no ZFS on this kernel?)"))
	default:
		out = append(out, "  zfs collector: running")
	}
	names := make([]string, 0, len(z.Pools))
	for n := range z.Pools {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		line := fmt.Sprintf("    pool %-12s %s", n, z.Pools[n])
		if z.Pools[n] != "online" {
			line = s.Crit.Render(line)
		}
		out = append(out, line)
	}
	if z.HasARC {
		arc := "  ARC " + format.Bytes(uint64(max(0, z.ARCSize)))
		if r, ok := z.ARCHitRatio(); ok {
			arc += fmt.Sprintf(", hit ratio %.1f%% since boot", r*100)
		}
		out = append(out, arc)
	}
	return out
}
