package ui

import (
	"strings"
	"testing"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ui/components/tasklog"
	"github.com/opsdeck/opsdeck/ui/internal/fixture"
)

// backupModel is a console on the Backup pane, its listing done, whose
// backup reads and actions are served by a fake of scenario name.
func backupModel(t *testing.T, name string, readOnly bool) (*Model, *fixture.FakeBackup) {
	t.Helper()
	sc, ok := fixture.GetBackup(name)
	if !ok {
		t.Fatalf("no backup scenario %q", name)
	}
	f := fixture.NewFakeBackup(sc)
	st, _ := scenario(t, "healthy")
	src := &fakeSource{status: st, host: &ops.Host{Name: "lab"}}
	m := newTestModel(t, src, sc.Now, 120, 40, func(o *Options) {
		o.ReadOnly = readOnly
		o.Executor = testExecutor(t, readOnly)
		o.Backup = f.Deps()
	})
	run(m, m.read(false))
	press(m, "4")
	if v := m.View(); !strings.Contains(v, "448 snapshots") {
		t.Fatalf("the listing did not end on focus:\n%s", v)
	}
	return m, f
}

func TestBackupReadOnlyShowsCommandsAndRefuses(t *testing.T) {
	m, f := backupModel(t, "stale", true)
	for _, keys := range [][]string{{"s", "enter"}, {"p", "enter"}, {"c"}, {"u"}, {"d", "enter"}} {
		press(m, keys...)
		v := m.View()
		if !strings.Contains(v, "READ-ONLY: this action cannot run") || !strings.Contains(v, "$ ") {
			t.Fatalf("%v: no read-only dialog with commands:\n%s", keys, v)
		}
		press(m, "y", "enter", "esc")
	}
	if ran := f.Ran(); len(ran) != 0 {
		t.Fatalf("actions ran in read-only mode: %v", ran)
	}
}

func TestBackupSnapshotNowRunsAndRelists(t *testing.T) {
	m, f := backupModel(t, "healthy", false)
	press(m, "s", "enter")
	v := m.View()
	for _, want := range []string{"Snapshot now — tank@manual-20261126-140210", "$ zfs snapshot tank@manual-20261126-140210", "[y/N]"} {
		if !strings.Contains(v, want) {
			t.Fatalf("confirmation lacks %q:\n%s", want, v)
		}
	}
	press(m, "y")
	if ran := f.Ran(); len(ran) != 1 || ran[0] != "snapshot.now tank@manual-20261126-140210" {
		t.Fatalf("ran %v", ran)
	}
	if e := m.tasks.Log().Latest(); e == nil || e.Status != tasklog.Succeeded {
		t.Fatalf("task log: %+v", e)
	}
	// Without a snapshots_changed change, the action itself makes the
	// pane relist.
	if n := f.Streams(); n != 2 {
		t.Fatalf("%d listings after the snapshot, want 2", n)
	}
}

func TestBackupPruneAsksForTheCount(t *testing.T) {
	m, f := backupModel(t, "healthy", false)
	press(m, "p", "enter")
	if v := m.View(); !strings.Contains(v, "Prune 24 snapshots of tank") {
		t.Fatalf("no bulk confirmation:\n%s", v)
	}
	press(m, "2", "3", "enter")
	if ran := f.Ran(); len(ran) != 0 {
		t.Fatalf("a wrong count ran the prune: %v", ran)
	}
	press(m, "p", "enter", "2", "4", "enter")
	if ran := f.Ran(); len(ran) != 1 || ran[0] != "snapshot.prune tank" {
		t.Fatalf("ran %v", ran)
	}
}
