package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ui/components/tasklog"
	"github.com/opsdeck/opsdeck/ui/internal/fixture"
	"github.com/opsdeck/opsdeck/ui/panes/monitor"
)

// monitorDeps serves scenario name's reads and builds the real silence
// and expiry actions (which never run here: the tests stop at the
// confirmation or the read-only refusal).
func monitorDeps(t testing.TB, name string) monitor.Deps {
	t.Helper()
	all, err := fixture.MonitorScenarios()
	if err != nil {
		t.Fatal(err)
	}
	d := monitor.HostDeps(nil)
	d.Author = "oncall@laptop"
	for _, sc := range all {
		if sc.Name == name {
			st := monitor.Status{Prometheus: sc.Prometheus, Alertmanager: sc.Alertmanager, NodeExporter: sc.NodeExporter, Sparklines: sc.Sparklines}
			d.Read = func(context.Context, *ops.Host, time.Time) monitor.Status { return st }
			return d
		}
	}
	t.Fatalf("no monitor scenario %q", name)
	return d
}

// monitorModel is a console on the Monitoring pane after its first read.
func monitorModel(t *testing.T, name string, readOnly bool) *Model {
	t.Helper()
	st, _ := scenario(t, "healthy")
	src := &fakeSource{status: st, host: &ops.Host{Name: "lab"}}
	m := newTestModel(t, src, fixture.MonitorNow, 120, 40, func(o *Options) {
		o.ReadOnly = readOnly
		o.Executor = testExecutor(t, readOnly)
		o.Monitor = monitorDeps(t, name)
	})
	run(m, m.read(false))
	press(m, "5")
	if v := m.View(); !strings.Contains(v, "Verdict") {
		t.Fatalf("the Monitoring pane did not read on focus:\n%s", v)
	}
	return m
}

func TestMonitorSilenceConfirmsWithMatchers(t *testing.T) {
	m := monitorModel(t, "firing", false)
	press(m, "s", "r", "e", "p", "l", "a", "c", "e", "enter")
	v := m.View()
	for _, want := range []string{"Silence PoolDegraded for 2h", "alertname=\"PoolDegraded\"", "POST http://127.0.0.1:9093/api/v2/silences", "[y/N]"} {
		if !strings.Contains(v, want) {
			t.Fatalf("confirmation lacks %q:\n%s", want, v)
		}
	}
}

func TestMonitorReadOnlyRefusesSilenceAndExpiry(t *testing.T) {
	m := monitorModel(t, "firing", true)
	for _, keys := range [][]string{{"s", "w", "h", "y", "enter"}, {"j", "j", "e"}} {
		press(m, keys...)
		if v := m.View(); !strings.Contains(v, "READ-ONLY: this action cannot run") {
			t.Fatalf("%v: no read-only dialog:\n%s", keys, v)
		}
		press(m, "y", "esc")
		if e := m.tasks.Log().Latest(); e == nil || e.Status != tasklog.Refused {
			t.Fatalf("%v: task log %+v, want a refusal", keys, e)
		}
	}
}

// The actions target the configured Alertmanager, not the default.
func TestMonitorHostDepsUseConfiguredURL(t *testing.T) {
	d := monitor.HostDeps(map[string]string{"alertmanager": "https://127.0.0.1:19093/am"})
	a := d.Expire(&ops.Host{Name: "lab"}, "cdcedf5b-f50b-4916-a72c-5019aa0be222")
	if got := strings.Join(a.Steps[0].Argv, " "); got != "DELETE https://127.0.0.1:19093/am/api/v2/silence/cdcedf5b-f50b-4916-a72c-5019aa0be222" {
		t.Fatalf("expire argv %q", got)
	}
}
