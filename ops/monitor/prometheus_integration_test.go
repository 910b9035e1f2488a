package monitor

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ops/monitor/monitortest"
	"github.com/opsdeck/opsdeck/remote"
	"github.com/opsdeck/opsdeck/remote/sshtest"
)

// alwaysFiring is a rule file whose one alert fires at the first
// evaluation.
const alwaysFiring = `groups:
  - name: opsdeck-test
    rules:
      - alert: AlwaysFiring
        expr: vector(1)
        for: 0s
        labels:
          severity: critical
`

// sshHost connects to a real sshd and returns the host the reads go
// through; every request of the tests below crosses that connection.
func sshHost(t *testing.T) *ops.Host {
	t.Helper()
	srv := sshtest.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	r, err := remote.DialSSH(ctx, remote.SSHOptions{Alias: srv.Alias, ConfigFile: srv.ConfigFile, NoAgent: true, Home: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	return &ops.Host{Name: srv.Alias, Runner: r, Privileged: r}
}

// TestReadPrometheusIntegration runs Prometheus 2.42 and node_exporter 1.5
// from apt, scraping node_exporter and a port nothing listens on, with an
// always-firing rule, and reads it all through sshd.
func TestReadPrometheusIntegration(t *testing.T) {
	if testing.Short() {
		t.Skip("starts real services")
	}
	ne := monitortest.StartNodeExporter(t)
	down := monitortest.FreeAddr(t)
	prom := monitortest.StartPrometheus(t, monitortest.PrometheusConfig{
		Targets: map[string][]string{"node": {ne.Addr}, "down": {down}},
		Rules:   alwaysFiring,
	})
	h := sshHost(t)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()

	// Targets start "unknown" and the rule "inactive" until the first
	// scrape and evaluation (1s interval): poll until both happened.
	var st PrometheusStatus
	for {
		st = ReadPrometheus(ctx, h, prom.URL, time.Now())
		if st.TargetsByHealth["unknown"] == 0 && len(st.FiringRules()) > 0 && len(st.Targets) == 2 {
			break
		}
		select {
		case <-ctx.Done():
			t.Fatalf("never settled: %+v\n%s", st, prom.Logs())
		case <-time.After(500 * time.Millisecond):
		}
	}
	if !st.Service.Reachable || len(st.Errors) > 0 {
		t.Fatalf("service %+v errors %v", st.Service, st.Errors)
	}
	if !strings.HasPrefix(st.Version, "2.") || st.Uptime <= 0 || st.Uptime > 10*time.Minute {
		t.Errorf("version %q uptime %v", st.Version, st.Uptime)
	}
	if st.Retention.Warning == "" {
		t.Errorf("default retention %+v not warned about", st.Retention)
	}
	if st.HeadSeries == 0 {
		t.Error("no head series after scrapes")
	}
	if st.TargetsByHealth["up"] != 1 || st.TargetsByHealth["down"] != 1 {
		t.Errorf("targets by health %v", st.TargetsByHealth)
	}
	for _, tg := range st.Targets {
		switch tg.Job {
		case "down":
			if tg.Health != "down" || !strings.Contains(tg.LastError, "connection refused") {
				t.Errorf("down target %+v", tg)
			}
		case "node":
			if tg.Health != "up" || tg.LastError != "" || tg.LastScrapeAge < 0 || tg.LastScrapeAge > time.Minute {
				t.Errorf("node target %+v", tg)
			}
		}
	}
	if f := st.FiringRules(); len(f) != 1 || f[0] != "opsdeck-test/AlwaysFiring" {
		t.Errorf("firing rules %v", f)
	}
}

// TestReadNodeExporterIntegration reads a real node_exporter through sshd.
// This machine has no ZFS, so the zfs collector runs and fails.
func TestReadNodeExporterIntegration(t *testing.T) {
	if testing.Short() {
		t.Skip("starts real services")
	}
	ne := monitortest.StartNodeExporter(t)
	h := sshHost(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	st := ReadNodeExporter(ctx, h, ne.URL+"/metrics")
	if !st.Service.Reachable || st.Error != "" {
		t.Fatalf("%+v", st)
	}
	if !st.ZFS.CollectorKnown || st.ZFS.CollectorRunning {
		t.Errorf("zfs collector known %v running %v on a host without ZFS", st.ZFS.CollectorKnown, st.ZFS.CollectorRunning)
	}
	if got := st.ZFS.Summary(); got != "zfs collector not running/no ZFS" {
		t.Errorf("summary %q", got)
	}
}

// TestUnreachableThroughSSH: a closed port on the host is "connection
// refused" as sshd reports it, for both readers.
func TestUnreachableThroughSSH(t *testing.T) {
	h := sshHost(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	closed := "http://" + monitortest.FreeAddr(t)
	p := ReadPrometheus(ctx, h, closed, time.Now())
	if p.Service.Reachable || p.Service.Reason != ReasonRefused || p.Version != "" {
		t.Errorf("prometheus %+v", p.Service)
	}
	n := ReadNodeExporter(ctx, h, closed+"/metrics")
	if n.Service.Reachable || n.Service.Reason != ReasonRefused {
		t.Errorf("node_exporter %+v", n.Service)
	}
}

// TestRetentionFlagIntegration: a retention set on the command line is read
// back from /api/v1/status/flags and earns no warning (Prometheus prints sizes in binary units).
func TestRetentionFlagIntegration(t *testing.T) {
	if testing.Short() {
		t.Skip("starts real services")
	}
	prom := monitortest.StartPrometheus(t, monitortest.PrometheusConfig{
		Args: []string{"--storage.tsdb.retention.time=30d", "--storage.tsdb.retention.size=1GB"},
	})
	h := sshHost(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	st := ReadPrometheus(ctx, h, prom.URL, time.Now())
	if st.Retention.Time != "30d" || st.Retention.Size != "1GiB" || st.Retention.Warning != "" {
		t.Fatalf("retention %+v errors %v", st.Retention, st.Errors)
	}
}
