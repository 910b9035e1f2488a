package network

import (
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ui/layout"
)

// findingLines lists the findings, most severe first as ops sorted them,
// each with its evidence and fix.
func (p *Pane) findingLines(st *ops.NetworkStatus) []string {
	s := p.env.Styles
	out := []string{s.Title.Render("Findings")}
	if len(st.Findings) == 0 {
		return append(out, s.OK.Render("  none — nothing wrong found"))
	}
	w := max(10, p.width-6)
	for _, f := range st.Findings {
		style := p.severityStyle(f.Severity)
		out = append(out, "  "+style.Render("["+strings.ToUpper(f.Severity)+"] "+f.Summary))
		for _, l := range layout.Wrap(f.Evidence, w) {
			out = append(out, "    "+l)
		}
		for i, l := range layout.Wrap("fix: "+f.Fix, w) {
			if i > 0 {
				l = "     " + l
			}
			out = append(out, "    "+s.Accent.Render(l))
		}
	}
	return out
}

// findingSummaries is one line per finding, for short terminals.
func (p *Pane) findingSummaries(st *ops.NetworkStatus) []string {
	s := p.env.Styles
	out := []string{s.Title.Render("Findings") + s.Muted.Render("  (evidence and fixes below: G)")}
	for _, f := range st.Findings {
		out = append(out, "  "+p.severityStyle(f.Severity).Render("["+strings.ToUpper(f.Severity)+"] "+f.Summary))
	}
	return out
}

func (p *Pane) severityStyle(sev string) lipgloss.Style {
	s := p.env.Styles
	switch sev {
	case ops.SeverityCrit:
		return s.Crit
	case ops.SeverityWarn:
		return s.Warn
	}
	return s.Muted
}

// historyLines is the host's kept iperf3 results, newest first, the
// baseline marked.
func (p *Pane) historyLines() []string {
	if p.deps.Tester == nil {
		return nil
	}
	s := p.env.Styles
	hist, base := p.hist, p.base
	out := []string{s.Title.Render("iperf3 history") + s.Muted.Render("  (i runs a test, b marks the newest as baseline)")}
	if len(hist) == 0 {
		return append(out, s.Muted.Render("  no results yet"))
	}
	const shown = 5
	for i := len(hist) - 1; i >= max(0, len(hist)-shown); i-- {
		mark := "  "
		if i == base {
			mark = s.Accent.Render("* ")
		}
		out = append(out, "  "+mark+resultLine(hist[i]))
	}
	if base >= 0 && base < len(hist)-shown {
		out = append(out, "  "+s.Accent.Render("* ")+resultLine(hist[base]))
	}
	return out
}
