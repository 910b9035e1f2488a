package monitor

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/api"
	v1 "github.com/prometheus/client_golang/api/prometheus/v1"

	"github.com/opsdeck/opsdeck/ops"
)

// DefaultPrometheusURL is where Prometheus listens on the host by default.
const DefaultPrometheusURL = "http://127.0.0.1:9090"

// PrometheusStatus is what the Monitoring pane shows of Prometheus. Each
// part that could not be read leaves its zero value and one line in Errors;
// the rest is still filled.
type PrometheusStatus struct {
	Service ServiceStatus
	// Version is buildinfo's version ("2.42.0").
	Version string
	// StartTime is runtimeinfo's start time; Uptime is now minus it.
	StartTime time.Time
	Uptime    time.Duration
	// Retention holds the storage flags and the warning they earn.
	Retention Retention
	// HeadSeries is the number of series in the TSDB head block.
	HeadSeries int
	// Targets are the active scrape targets, in the API's order.
	Targets []Target
	// TargetsByHealth counts Targets per health ("up", "down", "unknown").
	TargetsByHealth map[string]int
	// RuleGroups are the rule groups with their alerting rules.
	RuleGroups []RuleGroup
	// Errors lists the reads that failed after the service answered.
	Errors []string
}

// Retention is Prometheus' TSDB retention as its flags set it.
type Retention struct {
	// Time is storage.tsdb.retention.time ("15d", or "0s" when unset).
	Time string
	// Size is storage.tsdb.retention.size ("0B" when unlimited).
	Size string
	// Warning is non-empty when retention was left at its defaults.
	Warning string
}

// Target is one active scrape target.
type Target struct {
	Job, Instance, ScrapeURL string
	// Health is "up", "down" or "unknown".
	Health    string
	LastError string
	// LastScrape is zero when the target was never scraped; LastScrapeAge
	// is then zero too.
	LastScrape    time.Time
	LastScrapeAge time.Duration
}

// RuleGroup is one rule group with its alerting rules (recording rules are
// counted, not listed: they have no state to show).
type RuleGroup struct {
	Name, File     string
	AlertingRules  []AlertingRule
	RecordingRules int
}

// AlertingRule is one alerting rule and its state.
type AlertingRule struct {
	Name string
	// State is "inactive", "pending" or "firing".
	State string
	// Health is "ok", "err" or "unknown"; LastError says why when "err".
	Health    string
	LastError string
	// ActiveAlerts is how many alerts the rule holds (pending or firing).
	ActiveAlerts int
}

// ReadPrometheus reads Prometheus at baseURL (as seen from h, reached
// through h.Runner's connection) and returns what the pane shows. It never
// fails: an unreachable service is reported in Service.
func ReadPrometheus(ctx context.Context, h *ops.Host, baseURL string, now time.Time) PrometheusStatus {
	if baseURL == "" {
		baseURL = DefaultPrometheusURL
	}
	hc := clientFor(ctx, h.Runner)
	// Each read makes its own client: idle connections would otherwise hold
	// SSH channels open until the transport's idle timeout.
	defer hc.CloseIdleConnections()
	st := PrometheusStatus{Service: CheckService(ctx, hc, "Prometheus", baseURL, "/api/v1/status/buildinfo")}
	if !st.Service.Reachable {
		return st
	}
	client, err := api.NewClient(api.Config{Address: baseURL, Client: hc})
	if err != nil {
		st.Errors = append(st.Errors, "client: "+err.Error())
		return st
	}
	readPrometheusAPI(ctx, v1.NewAPI(client), now, &st)
	return st
}

// readPrometheusAPI fills st from a. It is apart from ReadPrometheus so that
// tests can give it any v1.API.
func readPrometheusAPI(ctx context.Context, a v1.API, now time.Time, st *PrometheusStatus) {
	fail := func(what string, err error) {
		st.Errors = append(st.Errors, what+": "+ClassifyError(err))
	}
	if bi, err := a.Buildinfo(ctx); err != nil {
		fail("buildinfo", err)
	} else {
		st.Version = bi.Version
	}
	if ri, err := a.Runtimeinfo(ctx); err != nil {
		fail("runtimeinfo", err)
	} else if !ri.StartTime.IsZero() {
		st.StartTime = ri.StartTime
		st.Uptime = now.Sub(ri.StartTime)
	}
	if fl, err := a.Flags(ctx); err != nil {
		fail("flags", err)
	} else {
		st.Retention = RetentionFromFlags(fl)
	}
	if ts, err := a.TSDB(ctx); err != nil {
		fail("tsdb", err)
	} else {
		st.HeadSeries = ts.HeadStats.NumSeries
	}
	if tr, err := a.Targets(ctx); err != nil {
		fail("targets", err)
	} else {
		st.Targets, st.TargetsByHealth = convertTargets(tr, now)
	}
	if rr, err := a.Rules(ctx, nil); err != nil {
		fail("rules", err)
	} else {
		st.RuleGroups = convertRules(rr)
	}
}
