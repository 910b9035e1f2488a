package monitortest

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// PrometheusConfig is what a test Prometheus scrapes and evaluates.
type PrometheusConfig struct {
	// Targets maps a job name to the host:port addresses it scrapes.
	Targets map[string][]string
	// Rules is the content of one rule file (YAML), "" for none.
	Rules string
	// Alertmanagers are host:port addresses alerts are sent to.
	Alertmanagers []string
	// Interval is the scrape and evaluation interval; "1s" when empty so
	// tests see results quickly.
	Interval string
	// Args are extra command-line flags (e.g. a retention flag).
	Args []string
}

// StartPrometheus starts Prometheus with cfg on a free loopback port and a
// temp data dir, and returns once it is ready.
func StartPrometheus(t testing.TB, cfg PrometheusConfig) *Service {
	t.Helper()
	dir := t.TempDir()
	conf := filepath.Join(dir, "prometheus.yml")
	if err := os.WriteFile(conf, []byte(prometheusYAML(cfg, dir)), 0o644); err != nil {
		t.Fatal(err)
	}
	if cfg.Rules != "" {
		if err := os.WriteFile(filepath.Join(dir, "rules.yml"), []byte(cfg.Rules), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	addr := FreeAddr(t)
	args := append([]string{
		"--config.file=" + conf,
		"--storage.tsdb.path=" + filepath.Join(dir, "data"),
		"--web.listen-address=" + addr,
	}, cfg.Args...)
	return start(t, PrometheusBin, "prometheus", addr, dir, "/-/ready", args...)
}

// prometheusYAML writes the config file; YAML by hand keeps the module free
// of a YAML dependency and the format is small. Values are quoted with %q,
// which is valid YAML for the plain strings used here.
func prometheusYAML(cfg PrometheusConfig, dir string) string {
	interval := cfg.Interval
	if interval == "" {
		interval = "1s"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "global:\n  scrape_interval: %s\n  evaluation_interval: %s\n  scrape_timeout: %s\n", interval, interval, interval)
	if cfg.Rules != "" {
		fmt.Fprintf(&b, "rule_files:\n  - %q\n", filepath.Join(dir, "rules.yml"))
	}
	if len(cfg.Alertmanagers) > 0 {
		b.WriteString("alerting:\n  alertmanagers:\n    - static_configs:\n        - targets:\n")
		for _, a := range cfg.Alertmanagers {
			fmt.Fprintf(&b, "            - %q\n", a)
		}
	}
	jobs := make([]string, 0, len(cfg.Targets))
	for j := range cfg.Targets {
		jobs = append(jobs, j)
	}
	sort.Strings(jobs)
	if len(jobs) > 0 {
		b.WriteString("scrape_configs:\n")
	}
	for _, j := range jobs {
		fmt.Fprintf(&b, "  - job_name: %q\n    static_configs:\n      - targets:\n", j)
		for _, a := range cfg.Targets[j] {
			fmt.Fprintf(&b, "          - %q\n", a)
		}
	}
	return b.String()
}
