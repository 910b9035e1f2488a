package monitortest

import (
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestPrometheusYAMLPassesPromtool: the hand-written config, with every
// section used, is one Prometheus' own checker accepts.
func TestPrometheusYAMLPassesPromtool(t *testing.T) {
	promtool, err := exec.LookPath("promtool")
	if err != nil {
		t.Skip("promtool not installed (apt-get install prometheus)")
	}
	dir := t.TempDir()
	cfg := PrometheusConfig{
		Targets:       map[string][]string{"node": {"127.0.0.1:9100"}, "down": {"127.0.0.1:1"}},
		Rules:         "groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: vector(1)\n",
		Alertmanagers: []string{"127.0.0.1:9093"},
	}
	if err := os.WriteFile(filepath.Join(dir, "rules.yml"), []byte(cfg.Rules), 0o644); err != nil {
		t.Fatal(err)
	}
	conf := filepath.Join(dir, "prometheus.yml")
	if err := os.WriteFile(conf, []byte(prometheusYAML(cfg, dir)), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(promtool, "check", "config", conf).CombinedOutput(); err != nil {
		t.Fatalf("promtool: %v\n%s", err, out)
	}
}

// TestStopMakesServiceUnreachable: Stop really ends the process, which the
// Alertmanager tests rely on to show a stopped component.
func TestStopMakesServiceUnreachable(t *testing.T) {
	ne := StartNodeExporter(t)
	ne.Stop()
	ne.Stop()
	if _, err := (&net.Dialer{}).Dial("tcp", ne.Addr); err == nil {
		t.Fatal("still listening after Stop")
	}
}
