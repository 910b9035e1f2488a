package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ui/panes/network"
)

// networkModel is a loaded console whose Network pane reads from net.
func networkModel(t *testing.T, net *fakeNet, mod func(*Options)) *Model {
	t.Helper()
	m, _ := loaded(t, "healthy", 100, 40, func(o *Options) {
		// A short refresh: tests run the re-armed timer's command.
		o.Refresh = time.Millisecond
		o.Network = network.Deps{Read: net.read}
		if mod != nil {
			mod(o)
		}
	})
	return m
}

func TestPaneReadOnFocusAndTick(t *testing.T) {
	net := newFakeNet(t, "seed")
	m := networkModel(t, net, nil)
	if net.callCount() != 0 {
		t.Fatal("the Network pane read while not shown")
	}
	press(m, "3")
	if net.callCount() != 1 {
		t.Fatalf("focusing the pane made %d reads, want 1", net.callCount())
	}
	if v := m.View(); !strings.Contains(v, "WireGuard MTU 1500 on wg0") {
		t.Fatalf("verdict not shown after the first read:\n%s", v)
	}
	_, cmd := m.Update(tickMsg{})
	run(m, cmd)
	if net.callCount() != 2 {
		t.Fatalf("tick on the Network pane: %d reads, want 2", net.callCount())
	}
	if net.prevs[1] == nil || !net.prevs[1].CollectedAt.Equal(net.reads[0].CollectedAt) {
		t.Fatal("the second read did not get the first result as prev (rates need it)")
	}
	press(m, "1")
	_, cmd = m.Update(tickMsg{})
	run(m, cmd)
	if net.callCount() != 2 {
		t.Fatal("the Network pane read while another pane was shown")
	}
	// Back within one refresh interval: no read, the data is fresh.
	m.opts.Refresh = time.Hour
	press(m, "3")
	if net.callCount() != 2 {
		t.Fatal("refocusing within the refresh interval read again")
	}
}

func TestPaneReadGoesToItsPaneNotTheActiveOne(t *testing.T) {
	net := newFakeNet(t, "seed")
	net.gate = make(chan struct{})
	m := networkModel(t, net, nil)
	_, pending := m.Update(keyMsg("3"))
	press(m, "1") // the operator moved on before the read finished
	close(net.gate)
	run(m, pending)
	if v := m.pane().View(); strings.Contains(v, "Verdict") {
		t.Fatal("the network result was drawn in the Pool pane")
	}
	if v := m.paneByID("network").View(); !strings.Contains(v, "WireGuard MTU 1500 on wg0") {
		t.Fatalf("the Network pane did not get its result:\n%s", v)
	}
}

func TestPaneReadNoDoubleInFlight(t *testing.T) {
	net := newFakeNet(t, "seed")
	net.gate = make(chan struct{})
	m := networkModel(t, net, nil)
	_, first := m.Update(keyMsg("3"))
	st := m.paneReadState("network")
	m.Update(tickMsg{})
	m.Update(keyMsg("r"))
	press(m, "1", "3")
	if st.started != 1 {
		t.Fatalf("%d reads started while one was in flight, want 1", st.started)
	}
	close(net.gate)
	run(m, first)
	if st.inFlight {
		t.Fatal("still in flight after the result")
	}
	_, cmd := m.Update(tickMsg{})
	run(m, cmd)
	if st.started != 2 {
		t.Fatal("the tick after the result did not read again")
	}
}

func TestPaneReadStaleResultDropped(t *testing.T) {
	net := newFakeNet(t, "healthy")
	seed := newFakeNet(t, "seed")
	// The first call returns the healthy state, the second the seed's.
	net.reads = []ops.NetworkStatus{net.reads[0], seed.reads[0]}
	m := networkModel(t, net, nil)
	m.active = 2 // without focus(): the test issues the reads itself
	old := m.readPane(false)
	fresh := m.readPane(true) // after an action: supersedes the first
	run(m, fresh)             // reads first: healthy
	run(m, old)               // the superseded read's result (seed) arrives late
	// Its context was cancelled by the supersede: shown, it would read
	// as a failure; dropped, nothing of it is left.
	if v := m.View(); !strings.Contains(v, "network OK") || strings.Contains(v, "MTU 1500 on wg0") || strings.Contains(v, "did not finish") {
		t.Fatalf("a superseded result was shown:\n%s", v)
	}
}

func TestPaneReadTimeoutShownInPane(t *testing.T) {
	net := newFakeNet(t, "seed")
	net.gate = make(chan struct{}) // never opened: the read hangs
	m := networkModel(t, net, func(o *Options) { o.ReadTimeout = 20 * time.Millisecond })
	press(m, "3")
	if v := m.View(); !strings.Contains(v, "network read did not finish: context deadline exceeded") {
		t.Fatalf("timeout not shown in the pane:\n%s", v)
	}
}
