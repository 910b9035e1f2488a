package monitor

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ops/action"
	"github.com/opsdeck/opsdeck/ops/monitor/monitortest"
	"github.com/opsdeck/opsdeck/remote"
	"github.com/opsdeck/opsdeck/remote/sshtest"
)

// amFiringRule is the rule that gives the test a real alert.
const amFiringRule = `groups:
  - name: opsdeck-test
    interval: 1s
    rules:
      - alert: OpsdeckAlwaysFiring
        expr: vector(1)
        for: 0s
        labels:
          severity: critical
          instance: test-host
        annotations:
          summary: always firing
          runbook_url: http://runbooks.invalid/always
`

// TestAlertmanagerThroughSSH runs the whole alert life against the real
// Alertmanager and Prometheus, every request through a real sshd: the
// alert fires, a silence mutes it, expiring the silence brings it back,
// and a stopped Alertmanager is reported as refused, quickly.
func TestAlertmanagerThroughSSH(t *testing.T) {
	am := monitortest.StartAlertmanager(t)
	monitortest.StartPrometheus(t, monitortest.PrometheusConfig{Rules: amFiringRule, Alertmanagers: []string{am.Addr},
		Args: []string{"--rules.alert.resend-delay=1s"}})
	srv := sshtest.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	r, err := remote.DialSSH(ctx, remote.SSHOptions{Alias: srv.Alias, ConfigFile: srv.ConfigFile, NoAgent: true, Home: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	h := &ops.Host{Name: srv.Alias, Runner: r}

	alert := amWaitAlert(ctx, t, h, am.URL, func(a Alert) bool { return a.State == "active" })
	if alert.Severity != "critical" || alert.Summary() != "always firing" || RunbookText(alert) != "http://runbooks.invalid/always" ||
		!strings.Contains(alert.GeneratorURL, "vector") {
		t.Errorf("alert %+v", alert)
	}
	st := ReadAlertmanager(ctx, h, am.URL, time.Now())
	if st.Version != "0.25.0" || st.Cluster != "disabled" || st.Uptime <= 0 || len(st.Receivers) != 1 || st.Receivers[0] != "blackhole" || len(st.Problems) != 0 {
		t.Errorf("status %+v", st)
	}

	exec := &action.Executor{Audit: amOpenAudit(t), User: "tester", Host: h.Name}
	res := exec.Run(ctx, SilenceAction(h, am.URL, alert, time.Hour, "", "integration test"), nil)
	if res.Err != nil || res.VerifyErr != nil || !strings.Contains(res.VerifyText, "silenced by") {
		t.Fatalf("silence: %v / %v / %q", res.Err, res.VerifyErr, res.VerifyText)
	}
	silenced := amWaitAlert(ctx, t, h, am.URL, func(a Alert) bool { return a.Silenced() })
	id := silenced.SilencedBy[0]
	st = ReadAlertmanager(ctx, h, am.URL, time.Now())
	if len(st.Silences) != 1 || st.Silences[0].ID != id || st.Silences[0].State != SilenceActive ||
		st.Silences[0].CreatedBy != DefaultSilenceAuthor() || st.Groups[0].Firing() != 0 {
		t.Errorf("after silence: %+v", st)
	}

	res = exec.Run(ctx, ExpireSilenceAction(h, am.URL, id), nil)
	if res.Err != nil || res.VerifyErr != nil || !strings.Contains(res.VerifyText, "expired") {
		t.Fatalf("expire: %v / %v / %q", res.Err, res.VerifyErr, res.VerifyText)
	}
	amWaitAlert(ctx, t, h, am.URL, func(a Alert) bool { return a.State == "active" && !a.Silenced() })

	am.Stop()
	start := time.Now()
	st = ReadAlertmanager(ctx, h, am.URL, time.Now())
	if st.Service.Reachable || st.Service.Reason != ReasonRefused {
		t.Errorf("stopped Alertmanager: %+v", st.Service)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("reading a stopped Alertmanager took %s", took)
	}
}

// amWaitAlert polls Alertmanager until the test's alert satisfies ok.
func amWaitAlert(ctx context.Context, t *testing.T, h *ops.Host, url string, ok func(Alert) bool) Alert {
	t.Helper()
	var last AlertmanagerStatus
	for {
		last = ReadAlertmanager(ctx, h, url, time.Now())
		for _, g := range last.Groups {
			for _, a := range g.Alerts {
				if a.Name == "OpsdeckAlwaysFiring" && ok(a) {
					return a
				}
			}
		}
		select {
		case <-ctx.Done():
			t.Fatalf("alert never reached the wanted state; last read %+v", last)
		case <-time.After(250 * time.Millisecond):
		}
	}
}
