package monitor

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/opsdeck/opsdeck/ops/monitor"
	"github.com/opsdeck/opsdeck/ui/layout"
	"github.com/opsdeck/opsdeck/ui/panes"
)

// View implements panes.Pane: the verdict stays on the first line, the
// form or runbook URL below it, and the sections scroll underneath,
// following the selection.
func (p *Pane) View() string {
	if p.width <= 0 || p.height <= 0 {
		return ""
	}
	s := p.env.Styles
	w := p.width
	top := panes.ReadHeader(s, w, "monitoring", p.status != nil, p.verdictLine, p.readErr)
	if p.form != nil {
		box := s.Box.Render(strings.Join(p.form.view(p), "\n"))
		top = append(top, strings.Split(box, "\n")...)
	}
	if p.runbook != "" {
		// Broken at the width rather than cut with an ellipsis: every
		// character must be on screen for the operator to copy it.
		top = append(top, s.Accent.Render("runbook (copy; u again or j/k to hide):"))
		top = append(top, layout.Wrap(p.runbook, w)...)
	}
	var body []string
	sel := -1
	if st := p.status; st != nil {
		body = append(body, p.prometheusLines(st.Prometheus)...)
		body = append(body, "")
		am, at := p.alertmanagerLines(st.Alertmanager)
		if at >= 0 {
			sel = len(body) + at
		}
		body = append(body, am...)
		body = append(body, "")
		body = append(body, p.nodeLines(st.NodeExporter)...)
		if st.Prometheus.Service.Reachable {
			body = append(body, "")
			body = append(body, p.sparkLines(st.Sparklines)...)
		}
	}
	room := max(0, p.height-len(top))
	// Follow the selection: scroll just enough to keep it on screen.
	if sel >= 0 {
		if sel < p.offset {
			p.offset = sel
		} else if sel >= p.offset+room {
			p.offset = sel - room + 1
		}
	}
	shown, off := layout.Window(body, p.offset, room)
	p.offset = off
	return layout.Block(strings.Join(append(top, shown...), "\n"), w, p.height)
}

// verdictLine is the pane's one line, coloured by how bad it is.
func (p *Pane) verdictLine() string {
	s := p.env.Styles
	text, level := verdict(p.status)
	style := map[int]lipgloss.Style{0: s.OK, 1: s.Warn, 2: s.Crit}[level]
	return s.Title.Render("Verdict") + " " + style.Render(text)
}

// verdict words the stack's worst problem: firing critical alerts first,
// then down targets, then unreachable components, then other firing
// alerts. level is 0 OK, 1 warning, 2 critical.
func verdict(st *Status) (string, int) {
	var crit, other []string
	for _, g := range st.Alertmanager.Groups {
		if g.Firing() == 0 {
			continue
		}
		name := fmt.Sprintf("%s×%d", g.Name, g.Firing())
		if strings.EqualFold(g.Severity, "critical") || strings.EqualFold(g.Severity, "page") {
			crit = append(crit, name)
		} else {
			other = append(other, name)
		}
	}
	if len(crit) > 0 {
		return "critical firing: " + strings.Join(crit, ", "), 2
	}
	var down []string
	for _, t := range st.Prometheus.Targets {
		if t.Health == "down" {
			down = append(down, t.Job+"/"+t.Instance)
		}
	}
	if len(down) > 0 {
		return fmt.Sprintf("%d target(s) down: %s", len(down), strings.Join(down, ", ")), 2
	}
	var missing []string
	for _, sv := range []monitor.ServiceStatus{st.Prometheus.Service, st.Alertmanager.Service, st.NodeExporter.Service} {
		if !sv.Reachable {
			missing = append(missing, sv.Name+" "+sv.Reason)
		}
	}
	if st.NodeExporter.Service.Reachable && !st.NodeExporter.ZFS.CollectorRunning {
		missing = append(missing, "node_exporter zfs collector not running")
	}
	if len(missing) > 0 {
		return "unreachable: " + strings.Join(missing, "; "), 2
	}
	if len(other) > 0 {
		return "firing: " + strings.Join(other, ", "), 1
	}
	return "monitoring OK: all components up, no alert firing", 0
}

// serviceLine is a section's head: the component's name and whether it
// answered, with the precise reason when not.
func (p *Pane) serviceLine(sv monitor.ServiceStatus, detail string) string {
	s := p.env.Styles
	head := s.Title.Render(sv.Name)
	if !sv.Reachable {
		return head + " " + s.Crit.Render("unreachable at "+sv.URL+": "+sv.Reason)
	}
	return head + " " + s.OK.Render("up") + " " + s.Muted.Render(sv.URL) + detail
}

// problemLines are the reads that failed after a service answered.
func (p *Pane) problemLines(problems []string) []string {
	var out []string
	for _, e := range problems {
		out = append(out, p.env.Styles.Warn.Render("  ! "+e))
	}
	return out
}
