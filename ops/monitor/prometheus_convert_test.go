package monitor

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	v1 "github.com/prometheus/client_golang/api/prometheus/v1"
)

// TestConvertTargetsCapture reads /api/v1/targets captured from
// Prometheus 2.42 scraping itself and node_exporter.
func TestConvertTargetsCapture(t *testing.T) {
	b := readFixture(t, "prometheus_targets.json")
	b = b[bytes.IndexByte(b, '\n')+1:]
	var resp struct {
		Status string           `json:"status"`
		Data   v1.TargetsResult `json:"data"`
	}
	if err := json.Unmarshal(b, &resp); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 26, 10, 38, 26, 66174390, time.UTC)
	targets, byHealth := convertTargets(resp.Data, now)
	if len(targets) != 2 || byHealth["up"] != 2 {
		t.Fatalf("targets %+v by health %v", targets, byHealth)
	}
	node := targets[0]
	if node.Job != "node" || node.Instance != "localhost:9100" || node.LastError != "" {
		t.Fatalf("node target %+v", node)
	}
	if node.LastScrapeAge != 10*time.Second {
		t.Fatalf("last scrape age %v, want 10s", node.LastScrapeAge)
	}
}

// TestConvertTargetsNeverScraped: a target not yet scraped has no age.
func TestConvertTargetsNeverScraped(t *testing.T) {
	tr := v1.TargetsResult{Active: []v1.ActiveTarget{{Health: v1.HealthUnknown, LastScrape: time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)}}}
	targets, byHealth := convertTargets(tr, time.Now())
	if targets[0].LastScrapeAge != 0 || !targets[0].LastScrape.IsZero() || byHealth["unknown"] != 1 {
		t.Fatalf("%+v %v", targets[0], byHealth)
	}
}

// TestRetentionFromFlags: only defaults with no size limit earn a warning.
func TestRetentionFromFlags(t *testing.T) {
	cases := []struct {
		time, size string
		warn       bool
	}{
		{"0s", "0B", true},
		{"15d", "0B", true},
		{"", "", true},
		{"90d", "0B", false},
		{"15d", "50GB", false},
		{"0s", "100GiB", false},
	}
	for _, c := range cases {
		r := RetentionFromFlags(v1.FlagsResult{flagRetentionTime: c.time, flagRetentionSize: c.size})
		if (r.Warning != "") != c.warn {
			t.Errorf("time %q size %q: warning %q", c.time, c.size, r.Warning)
		}
	}
}

// TestConvertRulesStates keeps alerting rules with their state and counts
// recording rules.
func TestConvertRulesStates(t *testing.T) {
	raw := `{"groups":[{"name":"g","file":"/r.yml","interval":15,"rules":[
	{"type":"alerting","name":"Always","query":"vector(1)","state":"firing","health":"ok","alerts":[{"state":"firing","labels":{},"annotations":{},"activeAt":"2026-11-26T10:00:00Z","value":"1e+00"}]},
	{"type":"alerting","name":"Never","query":"vector(0) > 1","state":"inactive","health":"ok","alerts":[]},
	{"type":"recording","name":"rec","query":"up","health":"ok"}]}]}`
	var rr v1.RulesResult
	if err := json.Unmarshal([]byte(raw), &rr); err != nil {
		t.Fatal(err)
	}
	st := PrometheusStatus{RuleGroups: convertRules(rr)}
	g := st.RuleGroups[0]
	if len(g.AlertingRules) != 2 || g.RecordingRules != 1 {
		t.Fatalf("%+v", g)
	}
	if g.AlertingRules[0].State != "firing" || g.AlertingRules[0].ActiveAlerts != 1 || g.AlertingRules[1].State != "inactive" {
		t.Fatalf("%+v", g.AlertingRules)
	}
	if f := st.FiringRules(); len(f) != 1 || f[0] != "g/Always" {
		t.Fatalf("firing %v", f)
	}
}
