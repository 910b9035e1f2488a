package monitor

import (
	"fmt"
	"time"

	v1 "github.com/prometheus/client_golang/api/prometheus/v1"
)

// Flag names of Prometheus' retention settings in /api/v1/status/flags.
const (
	flagRetentionTime = "storage.tsdb.retention.time"
	flagRetentionSize = "storage.tsdb.retention.size"
)

// RetentionFromFlags reads the retention flags and warns when time
// retention is the 15-day default (flag unset "0s", or "15d") and no size
// limit is set: the seed review found exactly that, and it silently loses
// history that capacity planning needs.
func RetentionFromFlags(flags v1.FlagsResult) Retention {
	r := Retention{Time: flags[flagRetentionTime], Size: flags[flagRetentionSize]}
	defaultTime := r.Time == "" || r.Time == "0s" || r.Time == "15d"
	noSize := r.Size == "" || r.Size == "0B" || r.Size == "0"
	if defaultTime && noSize {
		r.Warning = "retention left at the 15d default with no size limit"
	}
	return r
}

// convertTargets keeps what the pane needs of the active targets and counts
// them per health.
func convertTargets(tr v1.TargetsResult, now time.Time) ([]Target, map[string]int) {
	out := make([]Target, 0, len(tr.Active))
	byHealth := map[string]int{}
	for _, at := range tr.Active {
		t := Target{
			Job:        string(at.Labels["job"]),
			Instance:   string(at.Labels["instance"]),
			ScrapeURL:  at.ScrapeURL,
			Health:     string(at.Health),
			LastError:  at.LastError,
			LastScrape: at.LastScrape,
		}
		// Prometheus reports "0001-01-01T00:00:00Z" for a target never
		// scraped; an age from that would be nonsense.
		if !at.LastScrape.IsZero() && at.LastScrape.Year() > 1 {
			// A scrape that lands while the read is under way is newer
			// than now: it is zero seconds old, not negative.
			t.LastScrapeAge = max(0, now.Sub(at.LastScrape))
		} else {
			t.LastScrape = time.Time{}
		}
		byHealth[t.Health]++
		out = append(out, t)
	}
	return out, byHealth
}

// convertRules keeps the alerting rules of each group with their state.
func convertRules(rr v1.RulesResult) []RuleGroup {
	out := make([]RuleGroup, 0, len(rr.Groups))
	for _, g := range rr.Groups {
		rg := RuleGroup{Name: g.Name, File: g.File}
		for _, r := range g.Rules {
			switch r := r.(type) {
			case v1.AlertingRule:
				rg.AlertingRules = append(rg.AlertingRules, AlertingRule{
					Name:         r.Name,
					State:        r.State,
					Health:       string(r.Health),
					LastError:    r.LastError,
					ActiveAlerts: len(r.Alerts),
				})
			case v1.RecordingRule:
				rg.RecordingRules++
			}
		}
		out = append(out, rg)
	}
	return out
}

// FiringRules lists "group/rule" for every firing alerting rule.
func (s PrometheusStatus) FiringRules() []string {
	var out []string
	for _, g := range s.RuleGroups {
		for _, r := range g.AlertingRules {
			if r.State == "firing" {
				out = append(out, fmt.Sprintf("%s/%s", g.Name, r.Name))
			}
		}
	}
	return out
}
