package ui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/opsdeck/opsdeck/ops"
)

func TestInFlightGuard(t *testing.T) {
	st, now := scenario(t, "healthy")
	src := &fakeSource{status: st, gate: make(chan struct{})}
	// A short refresh: the test runs the re-armed timer's command.
	m := newTestModel(t, src, now, 80, 24, func(o *Options) { o.Refresh = time.Millisecond })
	first := m.read(false)
	if first == nil {
		t.Fatal("first read not started")
	}
	// Ticks and r while the read is running start nothing new.
	_, cmd := m.Update(tickMsg{})
	if msgs := batchLen(cmd); msgs != 1 {
		t.Errorf("tick during a read returned %d commands, want only the re-armed timer", msgs)
	}
	_, cmd = m.Update(keyMsg("r"))
	if cmd != nil {
		t.Error("r during a read started another")
	}
	if !strings.Contains(m.taskLine(), "already running") {
		t.Errorf("task line = %q", m.taskLine())
	}
	close(src.gate)
	run(m, first)
	if m.reads.started != 1 || src.callCount() != 1 {
		t.Fatalf("reads started = %d, Collect calls = %d, want 1", m.reads.started, src.callCount())
	}
	if m.reads.inFlight {
		t.Fatal("still in flight after the result")
	}
	// Now the tick starts a read again.
	_, cmd = m.Update(tickMsg{})
	if batchLen(cmd) != 2 {
		t.Error("tick after the read did not start a new one")
	}
}

func batchLen(cmd tea.Cmd) int {
	if cmd == nil {
		return 0
	}
	if b, ok := cmd().(tea.BatchMsg); ok {
		n := 0
		for _, c := range b {
			if c != nil {
				n++
			}
		}
		return n
	}
	return 1
}

func TestStaleResultDropped(t *testing.T) {
	st, now := scenario(t, "healthy")
	src := &fakeSource{status: st}
	m := newTestModel(t, src, now, 80, 24, nil)
	old := m.read(false)
	mid, _ := scenario(t, "midscrub")
	src.set(mid)
	fresh := m.read(true) // e.g. after an action: supersedes the first
	run(m, fresh)
	run(m, old) // the superseded result arrives late
	if m.data.Status.Pools[0].Scan.State != ops.ScanScanning {
		t.Fatalf("late stale result overwrote the fresh one: %v", m.data.Status.Pools[0].Scan.State)
	}
}

func TestFailedSectionKeepsDataMarkedStale(t *testing.T) {
	bad, clock := scenario(t, "healthy")
	m, src := loaded(t, "healthy", 80, 24, func(o *Options) { o.Clock = func() time.Time { return clock } })
	clock = clock.Add(2 * time.Minute)
	bad.CollectedAt = clock
	bad.Pools = nil
	bad.Errors = map[string]string{"pools": "zpool status: connection reset"}
	src.set(bad)
	run(m, m.read(false))
	v := m.View()
	for _, want := range []string{"stale", "2m ago", "connection reset", "raidz2-0"} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}
}

func TestPermissionDeniedShowsErrorAndRestWorks(t *testing.T) {
	m, _ := loaded(t, "denied", 80, 24, nil)
	v := m.View()
	for _, want := range []string{"cannot read pools", "permission denied", "zfs allow"} {
		if !strings.Contains(v, want) {
			t.Errorf("pool pane lacks %q:\n%s", want, v)
		}
	}
	press(m, "2")
	if v := m.View(); !strings.Contains(v, "cannot read pools") {
		t.Errorf("scrub pane lacks the error:\n%s", v)
	}
	press(m, "?")
	if v := m.View(); !strings.Contains(v, "quit") {
		t.Errorf("help broken after a failed read:\n%s", v)
	}
}

func TestConnectionLossAndRecovery(t *testing.T) {
	_, clock := scenario(t, "healthy")
	conn := make(chan ConnState, 1)
	m, src := loaded(t, "healthy", 80, 24, func(o *Options) {
		o.Clock = func() time.Time { return clock }
		o.Conn = conn
	})
	clock = clock.Add(90 * time.Second)
	conn <- ConnState{Status: ConnReconnecting, Attempt: 2, Err: "EOF"}
	msg := m.waitConn()()
	if _, ok := msg.(connMsg); !ok {
		t.Fatalf("waitConn gave %T", msg)
	}
	// Deliver by hand: run would follow the re-issued waitConn and block.
	m.Update(msg)
	v := m.View()
	for _, want := range []string{"reconnecting (attempt 2)", "data 1m old", "stale", "raidz2-0"} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}
	before := src.callCount()
	_, cmd := m.Update(connMsg{state: ConnState{Status: ConnConnected}})
	close(conn) // the re-issued waitConn now returns at once
	for _, c := range cmd().(tea.BatchMsg) {
		if c != nil {
			if r, ok := c().(readDoneMsg); ok {
				m.Update(r)
			}
		}
	}
	if src.callCount() != before+1 {
		t.Error("reconnect did not trigger a read")
	}
	if v := m.View(); strings.Contains(v, "stale") || !strings.Contains(v, "connected") {
		t.Errorf("after reconnect:\n%s", v)
	}
}

func TestTinyTerminalsNeverPanic(t *testing.T) {
	for _, size := range [][2]int{{0, 0}, {1, 1}, {20, 5}, {39, 30}, {80, 9}, {40, 10}, {300, 100}} {
		m, _ := loaded(t, "degraded", size[0], size[1], nil)
		for _, k := range []string{"?", "esc", ":", "esc", "2", "/", "x", "enter", "tab"} {
			press(m, k)
			v := m.View()
			if size[0] > 0 && size[0] < minWidth && !strings.Contains(v, "too small") && size[0] >= 20 {
				t.Errorf("%v: no too-small message: %q", size, v)
			}
			if size[0] > 0 && len(strings.Split(v, "\n")) != size[1] {
				t.Errorf("%v: view has %d lines", size, len(strings.Split(v, "\n")))
			}
		}
	}
}

func TestResizeKeepsExactSize(t *testing.T) {
	m, _ := loaded(t, "midscrub", 80, 24, nil)
	for _, s := range [][2]int{{160, 48}, {50, 12}, {80, 24}} {
		m.Update(tea.WindowSizeMsg{Width: s[0], Height: s[1]})
		for _, pane := range []string{"1", "2"} {
			press(m, pane)
			lines := strings.Split(m.View(), "\n")
			if len(lines) != s[1] {
				t.Fatalf("%v pane %s: %d lines", s, pane, len(lines))
			}
		}
	}
}
