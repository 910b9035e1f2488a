package ui

import (
	"strings"
	"testing"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ui/components/tasklog"
	"github.com/opsdeck/opsdeck/ui/panes/network"
)

// iperfModel is a console on the Network pane whose tests are run by ft.
func iperfModel(t *testing.T, ft *fakeTester, readOnly bool) *Model {
	t.Helper()
	net := newFakeNet(t, "seed")
	st, now := scenario(t, "healthy")
	src := &fakeSource{status: st, host: &ops.Host{Name: "lab"}}
	m := newTestModel(t, src, now, 120, 40, func(o *Options) {
		o.ReadOnly = readOnly
		o.Executor = testExecutor(t, readOnly)
		o.Network = network.Deps{Read: net.read, Tester: ft,
			Peers: []network.Peer{{Name: "backup", Address: "10.8.0.2"}}}
	})
	run(m, m.read(false))
	press(m, "3")
	return m
}

func TestIperfFormConfirmRunAndOutputToPane(t *testing.T) {
	_, now := scenario(t, "healthy")
	ft := newFakeTester(t, "text_1stream.txt", frozenAt(now))
	m := iperfModel(t, ft, false)
	press(m, "i", "right", "enter") // the loopback sanity test
	v := m.View()
	for _, want := range []string{"iperf3 test — loopback sanity", "[y/N]"} {
		if !strings.Contains(v, want) {
			t.Fatalf("confirmation lacks %q:\n%s", want, v)
		}
	}
	if ft.runs() != 0 {
		t.Fatal("the test ran before it was confirmed")
	}
	_, running := m.Update(keyMsg("y"))
	// The operator looks at another pane while the test runs: its output
	// still reaches the Network pane.
	press(m, "1")
	run(m, running)
	if ft.runs() != 1 {
		t.Fatalf("test ran %d times, want 1", ft.runs())
	}
	if strings.Contains(m.View(), "received 20.3 Gbit/s") {
		t.Fatal("the test's result was drawn in the Pool pane")
	}
	v = m.paneByID("network").View()
	for _, want := range []string{"iperf3 test", "finished", "sent 20.3 Gbit/s", "received 20.3 Gbit/s", "retransmits 4"} {
		if !strings.Contains(v, want) {
			t.Errorf("Network pane lacks %q:\n%s", want, v)
		}
	}
	if e := m.tasks.Log().Latest(); e == nil || e.Status != tasklog.Succeeded {
		t.Fatalf("task log: %+v", e)
	}
	if m.actionOwner != "" {
		t.Fatal("the owner outlived its action")
	}
}

func TestIperfReadOnlyShowsCommandsAndRefuses(t *testing.T) {
	_, now := scenario(t, "healthy")
	ft := newFakeTester(t, "text_1stream.txt", frozenAt(now))
	m := iperfModel(t, ft, true)
	press(m, "i", "enter")
	v := m.View()
	for _, want := range []string{"$ iperf3 -c 10.8.0.2", "READ-ONLY: this action cannot run"} {
		if !strings.Contains(v, want) {
			t.Errorf("read-only dialog lacks %q:\n%s", want, v)
		}
	}
	press(m, "y", "enter", "esc")
	if ft.runs() != 0 {
		t.Fatal("a test ran in read-only mode")
	}
	if v := m.View(); strings.Contains(v, "iperf3 test  peer") {
		t.Fatalf("a refused test is drawn as running:\n%s", v)
	}
}

func TestOutputOfOtherPanesActionNotRouted(t *testing.T) {
	_, now := scenario(t, "healthy")
	ft := newFakeTester(t, "text_1stream.txt", frozenAt(now))
	m := iperfModel(t, ft, false)
	// The operator opens a test and says no; the pane keeps it pending.
	press(m, "i", "enter", "n")
	if ft.runs() != 0 {
		t.Fatal("a rejected test ran")
	}
	// Then a scrub runs (from a pane that asks for no output).
	request(m, scrubLike(&fakeRunner{}, 0))
	if e := m.tasks.Log().Latest(); e == nil || !strings.Contains(e.Title, "Start scrub") {
		t.Fatalf("the scrub did not run: %+v", e)
	}
	if v := m.paneByID("network").View(); strings.Contains(v, "iperf3 test  peer") {
		t.Fatalf("a scrub's output reached the Network pane:\n%s", v)
	}
}
