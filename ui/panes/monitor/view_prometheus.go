package monitor

import (
	"fmt"
	"strings"

	"github.com/opsdeck/opsdeck/ops/monitor"
	"github.com/opsdeck/opsdeck/ui/format"
)

// prometheusLines draws Prometheus' section: itself, its retention, its
// targets by health and its alerting rules.
func (p *Pane) prometheusLines(pr monitor.PrometheusStatus) []string {
	s := p.env.Styles
	detail := ""
	if pr.Service.Reachable {
		detail = fmt.Sprintf("  v%s, up %s, %d head series", pr.Version, format.Age(pr.Uptime), pr.HeadSeries)
	}
	out := []string{p.serviceLine(pr.Service, detail)}
	if !pr.Service.Reachable {
		return out
	}
	ret := fmt.Sprintf("  retention: time %s, size %s", orDash(pr.Retention.Time), orDash(pr.Retention.Size))
	out = append(out, ret)
	if pr.Retention.Warning != "" {
		out = append(out, s.Warn.Render("  ! "+pr.Retention.Warning))
	}
	out = append(out, p.problemLines(pr.Errors)...)
	var counts []string
	for _, h := range []string{"up", "down", "unknown"} {
		if n := pr.TargetsByHealth[h]; n > 0 {
			counts = append(counts, fmt.Sprintf("%d %s", n, h))
		}
	}
	out = append(out, "  targets: "+orDash(strings.Join(counts, ", ")))
	for _, h := range []string{"down", "unknown", "up"} {
		for _, t := range pr.Targets {
			if t.Health != h {
				continue
			}
			age := "never scraped"
			if !t.LastScrape.IsZero() {
				age = "scraped " + format.Age(t.LastScrapeAge) + " ago"
			}
			line := fmt.Sprintf("    %-7s %s/%s  %s", t.Health, t.Job, t.Instance, age)
			switch h {
			case "down":
				out = append(out, s.Crit.Render(line))
				if t.LastError != "" {
					out = append(out, s.Muted.Render("            "+t.LastError))
				}
			case "unknown":
				out = append(out, s.Warn.Render(line))
			default:
				out = append(out, line)
			}
		}
	}
	for _, g := range pr.RuleGroups {
		out = append(out, fmt.Sprintf("  rules %s: %d alerting, %d recording", g.Name, len(g.AlertingRules), g.RecordingRules))
		for _, r := range g.AlertingRules {
			line := fmt.Sprintf("    %-8s %s", r.State, r.Name)
			if r.Health == "err" {
				line += "  error: " + r.LastError
			}
			switch r.State {
			case "firing":
				out = append(out, s.Crit.Render(line))
			case "pending":
				out = append(out, s.Warn.Render(line))
			default:
				out = append(out, line)
			}
		}
	}
	if len(pr.RuleGroups) == 0 {
		out = append(out, s.Warn.Render("  no rule groups: nothing raises alerts"))
	}
	return out
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
