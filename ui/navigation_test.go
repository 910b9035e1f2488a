package ui

import (
	"github.com/opsdeck/opsdeck/ops/action"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

func TestPaletteSwitchesPaneAndRunsPaneCommands(t *testing.T) {
	m, _ := loaded(t, "midscrub", 100, 30, func(o *Options) { o.Executor = testExecutor(t, false) })
	press(m, ":")
	if v := m.View(); !strings.Contains(v, "pane scrub") || !strings.Contains(v, "scrub pause tank") {
		t.Fatalf("palette lacks commands:\n%s", v)
	}
	seen := map[string]bool{}
	for _, c := range m.commands {
		if seen[c.entry.Name] {
			t.Errorf("palette lists %q twice", c.entry.Name)
		}
		seen[c.entry.Name] = true
	}
	press(m, "p", "a", "n", "e", " ", "s", "c", "r", "enter")
	if m.pane().ID() != "scrub" || m.overlay != overlayNone {
		t.Fatalf("pane = %s, overlay = %v", m.pane().ID(), m.overlay)
	}
	press(m, ":", "p", "a", "u", "s", "e", "enter")
	// No host in this model: the pane says so instead of crashing.
	if !strings.Contains(m.taskLine(), "not available") {
		t.Errorf("task line = %q", m.taskLine())
	}
	press(m, ":", "h", "o", "s", "t", "enter")
	if !m.SwitchHost() {
		t.Error("palette host command did not ask to switch host")
	}
}

func TestHelpOverlayAndPaneKeys(t *testing.T) {
	m, _ := loaded(t, "healthy", 100, 40, nil)
	press(m, "?")
	v := m.View()
	for _, want := range []string{"Pool pane", "Console", "filter", "switch host"} {
		if !strings.Contains(v, want) {
			t.Errorf("help lacks %q:\n%s", want, v)
		}
	}
	press(m, "q") // closes the overlay, does not quit
	if m.overlay != overlayNone {
		t.Fatal("q did not close help")
	}
	press(m, "tab")
	if m.pane().ID() != "scrub" {
		t.Fatal("tab did not switch pane")
	}
	m.Update(tea.KeyMsg{Type: tea.KeyShiftTab})
	if m.pane().ID() != "pool" {
		t.Fatal("shift+tab did not switch back")
	}
}

func TestDatasetFilterCapturesKeys(t *testing.T) {
	m, _ := loaded(t, "healthy", 160, 48, nil)
	press(m, "/", "q") // q is text while filtering, not quit
	if v := m.View(); !strings.Contains(v, "filter: q") || !strings.Contains(v, "0 of 9") {
		t.Fatalf("filter 'q' view:\n%s", v)
	}
	press(m, "backspace", "a", "l", "i")
	v := m.View()
	if !strings.Contains(v, "tank/home/alice") || strings.Contains(v, "tank/backup ") || !strings.Contains(v, "1 of 9") {
		t.Fatalf("filter 'ali' view:\n%s", v)
	}
	press(m, "enter")
	if !strings.Contains(m.View(), "filter: ali") {
		t.Fatal("filter not kept after enter")
	}
	press(m, "o", "O")
	if v := m.View(); !strings.Contains(v, "sorted by USED descending") {
		t.Fatalf("sort keys:\n%s", v)
	}
	press(m, "esc")
	if strings.Contains(m.View(), "filter:") {
		t.Fatal("esc did not clear the filter")
	}
}

func TestScrollAndWheel(t *testing.T) {
	m, _ := loaded(t, "permerr", 80, 24, nil)
	top := m.View()
	press(m, "G")
	if v := m.View(); v == top || !strings.Contains(v, "lines above") || !strings.Contains(v, "ARC") {
		t.Fatalf("G did not scroll to the end:\n%s", v)
	}
	press(m, "g")
	if m.View() != top {
		t.Fatal("g did not return to the top")
	}
	m.Update(tea.MouseMsg{Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
	if m.View() == top {
		t.Fatal("wheel did not scroll")
	}
}

func TestPoolSwitching(t *testing.T) {
	st, now := scenario(t, "healthy")
	backup := st.Pools[0]
	backup.Name, backup.State = "backup", "DEGRADED"
	st.Pools = append(st.Pools, backup)
	m := newTestModel(t, &fakeSource{status: st}, now, 100, 30, nil)
	run(m, m.read(false))
	if v := m.View(); !strings.Contains(v, "› tank") || !strings.Contains(v, "backup DEGRADED") {
		t.Fatalf("pool list:\n%s", v)
	}
	press(m, "l")
	if v := m.View(); !strings.Contains(v, "› backup") {
		t.Fatalf("l did not select the next pool:\n%s", v)
	}
	press(m, "2", "j")
	if v := m.View(); !strings.Contains(v, "› backup") {
		t.Fatalf("scrub pane j did not select backup:\n%s", v)
	}
}

func TestQuitWhileActionRunsAsksAgain(t *testing.T) {
	r := &fakeRunner{blockOn: "scrub tank", started: make(chan struct{})}
	m, _ := loaded(t, "healthy", 80, 24, func(o *Options) { o.Executor = testExecutor(t, false) })
	request(m, scrubLike(r, action.Change))
	_, cmd := m.Update(keyMsg("y"))
	<-r.started
	if _, q := m.Update(keyMsg("q")); q != nil {
		t.Fatal("first q quit while an action runs")
	}
	if !strings.Contains(m.taskLine(), "q again quits") {
		t.Errorf("task line = %q", m.taskLine())
	}
	if _, q := m.Update(keyMsg("q")); q == nil {
		t.Fatal("second q did not quit")
	}
	run(m, cmd) // quitting cancelled the action: its cleanup ran
	if got := r.ran(); len(got) != 2 || got[1] != "zpool scrub -s tank" {
		t.Errorf("commands = %v", got)
	}
}
