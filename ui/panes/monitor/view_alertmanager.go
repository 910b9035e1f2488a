package monitor

import (
	"fmt"
	"sort"
	"strings"

	"github.com/opsdeck/opsdeck/ops/monitor"
	"github.com/opsdeck/opsdeck/ui/format"
)

// alertmanagerLines draws Alertmanager's section: itself, the alerts by
// alertname, the silences and the receivers. at is the index of the
// selected row among the lines, -1 when none is drawn.
func (p *Pane) alertmanagerLines(am monitor.AlertmanagerStatus) (out []string, at int) {
	s := p.env.Styles
	detail := ""
	if am.Service.Reachable {
		detail = fmt.Sprintf("  v%s, cluster %s, up %s", am.Version, orDash(am.Cluster), format.Age(am.Uptime))
	}
	out = []string{p.serviceLine(am.Service, detail)}
	at = -1
	if !am.Service.Reachable {
		return out, at
	}
	out = append(out, p.problemLines(am.Problems)...)
	row := 0
	mark := func(line string) string {
		if row == p.sel {
			at = len(out)
			line = s.Selected.Render("›" + line[1:])
		}
		row++
		return line
	}
	out = append(out, fmt.Sprintf("  alerts: %d group(s)", len(am.Groups)))
	for _, g := range am.Groups {
		out = append(out, s.Bold.Render(fmt.Sprintf("  %s [%s] %d firing of %d", g.Name, orDash(g.Severity), g.Firing(), len(g.Alerts))))
		for _, a := range g.Alerts {
			state := a.State
			if a.Silenced() {
				state = "silenced"
			} else if a.Inhibited() {
				state = "inhibited"
			}
			line := mark(fmt.Sprintf("    %-9s since %s  %s", state, a.StartsAt.UTC().Format("Jan 02 15:04"), labelText(a.Labels)))
			if state == "active" && strings.EqualFold(a.Severity, "critical") {
				line = s.Crit.Render(line)
			}
			out = append(out, line)
			if t := strings.Trim(a.Summary()+" — "+a.Description(), " —"); t != "" {
				out = append(out, s.Muted.Render("              "+t))
			}
		}
	}
	out = append(out, fmt.Sprintf("  silences: %s", silenceCounts(am.Silences)))
	for _, sl := range am.Silences {
		var m []string
		for _, mt := range sl.Matchers {
			m = append(m, mt.String())
		}
		line := mark(fmt.Sprintf("    %-8s %s until %s by %s: %s {%s}", sl.State, shortID(sl.ID), sl.EndsAt.UTC().Format("Jan 02 15:04"), sl.CreatedBy, sl.Comment, strings.Join(m, ", ")))
		if sl.State == monitor.SilenceExpired {
			line = s.Muted.Render(line)
		}
		out = append(out, line)
	}
	out = append(out, "  receivers: "+orDash(strings.Join(am.Receivers, ", ")))
	return out, at
}

// labelText is the labels other than alertname, sorted, as k=v.
func labelText(l map[string]string) string {
	keys := make([]string, 0, len(l))
	for k := range l {
		if k != "alertname" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + "=" + l[k]
	}
	return strings.Join(parts, " ")
}

func silenceCounts(ss []monitor.Silence) string {
	n := map[string]int{}
	for _, s := range ss {
		n[s.State]++
	}
	return fmt.Sprintf("%d active, %d pending, %d expired", n[monitor.SilenceActive], n[monitor.SilencePending], n[monitor.SilenceExpired])
}

// shortID is a silence ID's first block: enough to tell them apart on
// screen; the full ID goes into the expire action.
func shortID(id string) string {
	if i := strings.IndexByte(id, '-'); i > 0 {
		return id[:i]
	}
	return id
}
