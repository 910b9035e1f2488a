package ui

import (
	"slices"
	"strings"
	"testing"

	"github.com/opsdeck/opsdeck/ui/internal/fixture"
)

// TestScrubFlowOnReplayHost drives the real scrub actions from the Scrub
// pane's keys against a host replaying the captures: start, pause and
// cancel, each confirmed as its danger level demands, run, and verified by
// re-reading the pool.
func TestScrubFlowOnReplayHost(t *testing.T) {
	sc := fixture.Get(t, "healthy")
	h, replay := sc.Host(t)
	m := newTestModel(t, NewHostSource(h, frozenAt(sc.Now)), sc.Now, 100, 30, func(o *Options) {
		o.Executor = testExecutor(t, false)
	})
	run(m, m.read(false))
	press(m, "2", "s")
	v := m.View()
	for _, want := range []string{"Start scrub — tank", "$ zpool scrub tank", "(as root)", "[y/N]"} {
		if !strings.Contains(v, want) {
			t.Errorf("start dialog lacks %q:\n%s", want, v)
		}
	}
	press(m, "y")
	if !slices.Contains(replay.Calls(), "zpool scrub tank") {
		t.Fatalf("zpool scrub tank not run: %v", replay.Calls())
	}
	if line := m.taskLine(); !strings.Contains(line, "verified: tank: scrub in progress") {
		t.Errorf("task line = %q", line)
	}
	if v := m.View(); !strings.Contains(v, "scrub in progress") || !strings.Contains(v, "p pause") {
		t.Fatalf("pane not refreshed after start:\n%s", v)
	}

	press(m, "p", "y")
	if v := m.View(); !strings.Contains(v, "scrub paused since") || !strings.Contains(v, "s resume scrub") {
		t.Fatalf("pane not paused:\n%s", v)
	}

	// Cancel is destructive: y is not enough, the pool's name is.
	press(m, "c", "y", "enter")
	if slices.Contains(replay.Calls(), "zpool scrub -s tank") {
		t.Fatal("cancel ran on y")
	}
	press(m, "c", "t", "a", "n", "k", "enter")
	if !slices.Contains(replay.Calls(), "zpool scrub -s tank") {
		t.Fatalf("cancel not run after typing the name: %v", replay.Calls())
	}
	// The replay host has no capture of a canceled scrub, so the verify
	// step finds it still paused and says so rather than claiming success.
	if line := m.taskLine(); !strings.Contains(line, "not confirmed: tank: expected the scrub to be canceled") ||
		strings.Contains(line, "verified") {
		t.Errorf("task line = %q", line)
	}
}

func TestScrubKeysRefuseWhatTheStateForbids(t *testing.T) {
	sc := fixture.Get(t, "healthy")
	h, replay := sc.Host(t)
	m := newTestModel(t, NewHostSource(h, frozenAt(sc.Now)), sc.Now, 100, 30, func(o *Options) {
		o.Executor = testExecutor(t, false)
	})
	run(m, m.read(false))
	press(m, "2", "p")
	if m.tasks.Dialog() != nil || !strings.Contains(m.taskLine(), "no running scrub to pause") {
		t.Errorf("pause without a scrub: %q", m.taskLine())
	}
	press(m, "c")
	if m.tasks.Dialog() != nil || !strings.Contains(m.taskLine(), "no scrub to cancel") {
		t.Errorf("cancel without a scrub: %q", m.taskLine())
	}
	for _, c := range replay.Calls() {
		if strings.HasPrefix(c, "zpool scrub") {
			t.Errorf("ran %q", c)
		}
	}
}

func TestReadOnlyScrubShowsCommand(t *testing.T) {
	sc := fixture.Get(t, "midscrub")
	h, replay := sc.Host(t)
	m := newTestModel(t, NewHostSource(h, frozenAt(sc.Now)), sc.Now, 100, 30, func(o *Options) {
		o.ReadOnly = true
		o.Executor = testExecutor(t, true)
	})
	run(m, m.read(false))
	press(m, "2", "c")
	v := m.View()
	for _, want := range []string{"Cancel scrub — tank", "READ-ONLY: this action cannot run", "$ zpool scrub -s tank"} {
		if !strings.Contains(v, want) {
			t.Errorf("read-only cancel lacks %q:\n%s", want, v)
		}
	}
	press(m, "t", "a", "n", "k", "enter")
	if slices.Contains(replay.Calls(), "zpool scrub -s tank") {
		t.Fatal("read-only mode ran the cancel")
	}
}
