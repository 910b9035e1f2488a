package backup_test

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/opsdeck/opsdeck/ops/action"
	"github.com/opsdeck/opsdeck/ui/panes"
	"github.com/opsdeck/opsdeck/ui/panes/backup"
)

// listed is the pane after one complete listing of scenario name.
func listed(t *testing.T, name string) (*backup.Pane, *fixtureFake) {
	t.Helper()
	p, f, now := newPane(t, name, 160, 48)
	if c, _ := pump(t, p, f.Holding, read(p, now)); c != nil {
		t.Fatal("the listing did not end")
	}
	return p, f
}

// only is the single RunAction among msgs.
func only(t *testing.T, msgs []tea.Msg) action.Action {
	t.Helper()
	var out []action.Action
	for _, m := range msgs {
		switch m := m.(type) {
		case panes.RunAction:
			if m.Pane != "backup" {
				t.Errorf("action asked for pane %q, want backup", m.Pane)
			}
			out = append(out, m.Action)
		case panes.Notice:
			t.Errorf("unexpected notice %q", m.Text)
		}
	}
	if len(out) != 1 {
		t.Fatalf("%d actions dispatched, want 1: %v", len(out), msgs)
	}
	return out[0]
}

func argv(a action.Action) string { return a.Commands()[0].Line }

func TestSnapshotNowForm(t *testing.T) {
	p, _ := listed(t, "healthy")
	keys(t, p, "j", "s")
	if !p.Capturing() {
		t.Fatal("the form does not take the keyboard")
	}
	mustContain(t, p.View(), "Snapshot now", "dataset    tank/backup", "name       manual-20261126-140210", "recursive  ‹ no ›")
	// A slash is not allowed in a snapshot's name: refused in the form.
	keys(t, p, "/", "enter")
	mustContain(t, p.View(), `'/' is not allowed`)
	// Fixed, it goes out as typed.
	a := only(t, keys(t, p, "backspace", "enter"))
	if got, want := argv(a), "zfs snapshot tank/backup@manual-20261126-140210"; got != want {
		t.Fatalf("argv %q, want %q", got, want)
	}
}

func TestSnapshotNowDispatch(t *testing.T) {
	p, _ := listed(t, "healthy")
	keys(t, p, "j", "s", "-", "x", "tab", " ")
	a := only(t, keys(t, p, "enter"))
	if got, want := argv(a), "zfs snapshot -r tank/backup@manual-20261126-140210-x"; got != want {
		t.Fatalf("argv %q, want %q", got, want)
	}
	if p.Capturing() {
		t.Fatal("the form stayed open after dispatch")
	}
	// Not running until it is confirmed and says something.
	mustNotContain(t, p.View(), "running: Snapshot now")
	p.Update(panes.ActionOutput{Line: "ran snapshot.now"})
	mustContain(t, p.View(), "running: Snapshot now", "ran snapshot.now")
	p.Update(panes.ActionDone{Succeeded: true})
	mustNotContain(t, p.View(), "running: Snapshot now")
}

func TestPrunePreviewAndDispatch(t *testing.T) {
	p, f := listed(t, "healthy")
	keys(t, p, "p")
	if got := f.Lists(); len(got) != 1 || got[0] != "tank" {
		t.Fatalf("the preview listed %v, want [tank]", got)
	}
	v := p.View()
	// tank has 48 hourly snapshots and a held manual one; the test
	// policy keeps the 24 newest automatic ones.
	mustContain(t, v, "Prune preview — tank", "destroy 24, keep 25",
		"keep     auto-2026-11-26_13.00", "newest 24", "enter destroy 24 (type the count to confirm)")
	keys(t, p, "pgdown", "pgdown", "pgdown") // scrolls, does not leave the preview
	mustContain(t, p.View(), "keep     manual-20261125-071700", "held", "destroy  auto-2026-11-24_14.00")
	a := only(t, keys(t, p, "enter"))
	if a.Danger != action.Bulk || a.Count != 24 {
		t.Fatalf("prune is %v with count %d, want bulk 24", a.Danger, a.Count)
	}
	if !strings.HasPrefix(argv(a), "zfs destroy -v tank@auto-2026-11-25_13.00,auto-2026-11-25_12.00,") {
		t.Fatalf("argv %q", argv(a))
	}
}

func TestPrunePreviewNothingToDestroy(t *testing.T) {
	p, _ := listed(t, "healthy")
	keys(t, p, "p", "esc")
	if p.Capturing() {
		t.Fatal("esc did not close the preview")
	}
	// A policy keeping everything offers no destroy at all.
	p2 := paneWith(t, withPlan(t, 1000), mustScenario(t, "healthy").Now, 120, 40)
	pump(t, p2, nil, read(p2, mustScenario(t, "healthy").Now))
	keys(t, p2, "p")
	mustContain(t, p2.View(), "nothing to destroy")
	mustNotContain(t, p2.View(), "enter destroy")
	if msgs := keys(t, p2, "enter"); len(msgs) != 0 {
		t.Fatalf("enter with nothing to destroy sent %v", msgs)
	}
}

func TestResticCheckDrillAndUnlock(t *testing.T) {
	p, _ := listed(t, "stale")
	a := only(t, keys(t, p, "c"))
	if got := argv(a); got != "restic -r /srv/restic/local check" {
		t.Fatalf("check argv %q", got)
	}
	hasUnlock := false
	for _, h := range p.Hints() {
		hasUnlock = hasUnlock || h.Help().Key == "u"
	}
	if !hasUnlock {
		t.Fatal("unlock is not offered with stale locks")
	}
	if got := argv(only(t, keys(t, p, "u"))); got != "restic -r /srv/restic/local unlock" {
		t.Fatalf("unlock argv %q", got)
	}
	keys(t, p, "d")
	mustContain(t, p.View(), "Restore drill — /srv/restic/local", `"quoted" Größe.pdf`)
	a = only(t, keys(t, p, "j", "enter"))
	if !strings.Contains(argv(a), `--include '/tank/data/scans/"quoted" Größe.pdf'`) {
		t.Fatalf("drill argv %q", argv(a))
	}
	// The second repository is unreachable, and has no stale locks.
	keys(t, p, "]")
	for _, h := range p.Hints() {
		if h.Help().Key == "u" {
			t.Fatal("unlock offered without stale locks")
		}
	}
	for _, m := range keys(t, p, "u") {
		if _, ok := m.(panes.RunAction); ok {
			t.Fatal("unlock dispatched without stale locks")
		}
	}
}

func TestCheckWithDataSubset(t *testing.T) {
	p, _ := listed(t, "stale")
	keys(t, p, "C")
	if !p.Capturing() {
		t.Fatal("the subset form does not take the keyboard")
	}
	mustContain(t, p.View(), "restic check — /srv/restic/local", "read-data subset  5%")
	// The fake has no validator: an empty value is still refused.
	keys(t, p, "backspace", "backspace", "enter")
	mustContain(t, p.View(), "type a subset")
	a := only(t, keys(t, p, "1", "/", "5", "enter"))
	if got := argv(a); got != "restic -r /srv/restic/local check --read-data-subset 1/5" {
		t.Fatalf("argv %q", got)
	}
}
