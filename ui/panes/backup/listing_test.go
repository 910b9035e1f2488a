package backup_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ui/internal/fixture"
	"github.com/opsdeck/opsdeck/ui/panes"
	"github.com/opsdeck/opsdeck/ui/panes/backup"
)

func mustScenario(t testing.TB, name string) fixture.BackupScenario {
	t.Helper()
	sc, ok := fixture.GetBackup(name)
	if !ok {
		t.Fatalf("no backup scenario %q", name)
	}
	return sc
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }

// readMsg is the pane's own read's result, not yet handed over.
func readMsg(p *backup.Pane, now time.Time) tea.Msg {
	return p.Read(&ops.Host{Name: "lab"}, now)(context.Background())
}

func TestListingFillsProgressively(t *testing.T) {
	p, f, now := newPane(t, "healthy", 160, 48)
	f.HoldAfter = 200
	blocked, _ := pump(t, p, f.Holding, read(p, now))
	if blocked == nil {
		t.Fatal("the listing ended although the fake holds it")
	}
	v := p.View()
	mustContain(t, v, "listing… 200 snapshots so far", "tank/backup", "snapshot listing in progress", "h…")
	// Listed oldest first, the newest snapshots have not come yet:
	// nothing may be called stale on them.
	mustNotContain(t, v, "past RPO", "h!")
	f.Release()
	if rest, _ := pump(t, p, f.Holding, blocked); rest != nil {
		t.Fatal("the chain did not end with the listing")
	}
	total := len(mustScenario(t, "healthy").Snapshots)
	v = p.View()
	mustContain(t, v, fmt.Sprintf("8 datasets, %d snapshots", total), "tank/vm", "tank/projects/q4: plan.v2",
		"protected: 7 datasets within RPO", "tank/scratch", "no snapshots")
	mustNotContain(t, v, "listing…")
}

func TestOneListingInFlightAndCache(t *testing.T) {
	p, f, now := newPane(t, "healthy", 120, 40)
	f.HoldAfter = 100
	blocked, _ := pump(t, p, f.Holding, read(p, now))
	// Refreshes while it streams, even with a dataset changed, start
	// nothing new; they only re-arm the chain.
	f.Touch("tank/data")
	for i := 0; i < 3; i++ {
		if c, _ := pump(t, p, f.Holding, read(p, now)); c == nil {
			t.Fatal("a refresh during the listing did not re-arm its chain")
		}
	}
	if n := f.Streams(); n != 1 {
		t.Fatalf("%d listings started while one was in flight, want 1", n)
	}
	f.Release()
	pump(t, p, f.Holding, blocked)
	// The key seen last (with tank/data touched) is the listing's: a
	// refresh with nothing changed reuses it.
	if c := read(p, now); c != nil {
		pump(t, p, f.Holding, c)
	}
	if n := f.Streams(); n != 1 {
		t.Fatalf("an unchanged refresh relisted: %d listings", n)
	}
	f.Touch("tank/home")
	pump(t, p, f.Holding, read(p, now))
	if n := f.Streams(); n != 2 {
		t.Fatalf("a changed snapshots_changed did not relist: %d listings", n)
	}
	pump(t, p, f.Holding, read(p, now.Add(16*time.Minute)))
	if n := f.Streams(); n != 3 {
		t.Fatalf("the TTL did not relist: %d listings", n)
	}
}

func TestLostBatchMessageResumedByRead(t *testing.T) {
	p, f, now := newPane(t, "healthy", 120, 40)
	f.HoldAfter = 100
	blocked, _ := pump(t, p, f.Holding, read(p, now))
	// The operator looks at another pane: the root gives the batch
	// message to that pane, so this one never sees it.
	f.Release()
	blocked()
	if v := p.View(); !contains(v, "listing…") {
		t.Fatalf("the listing ended without its messages:\n%s", v)
	}
	// Back on the pane, its own read re-arms the chain.
	pump(t, p, f.Holding, p.Update(panes.ReadDone{Msg: readMsg(p, now)}))
	mustNotContain(t, p.View(), "listing…")
	mustContain(t, p.View(), "protected")
}

func TestOpenDatasetWhileListing(t *testing.T) {
	p, f, now := newPane(t, "healthy", 160, 48)
	f.HoldAfter = 100
	blocked, _ := pump(t, p, f.Holding, read(p, now))
	keys(t, p, "j", "enter")
	got := f.Lists()
	if len(got) != 1 {
		t.Fatalf("listed %v on their own, want one dataset", got)
	}
	n := 0
	for _, s := range mustScenario(t, "healthy").Snapshots {
		if s.Dataset == got[0] {
			n++
		}
	}
	v := p.View()
	mustContain(t, v, got[0]+" — its own snapshots", "auto-2026-11-26_13.00", fmt.Sprintf("1 of %d", n))
	keys(t, p, "G")
	mustContain(t, p.View(), fmt.Sprintf("%d of %d", n, n))
	keys(t, p, "esc")
	mustContain(t, p.View(), "listing… 100 snapshots so far")
	f.Release()
	pump(t, p, f.Holding, blocked)
}

func TestListingFailureKeepsPartialRows(t *testing.T) {
	p, f, now := newPane(t, "healthy", 120, 40)
	f.HoldAfter = 100
	blocked, _ := pump(t, p, f.Holding, read(p, now))
	// Cancelled mid-way (the fake returns ctx's error): a failure.
	p.Update(panes.ReadDone{Msg: readMsg(p, now)})
	backup.StopListing(p)
	pump(t, p, f.Holding, blocked)
	mustContain(t, p.View(), "snapshot listing failed", "rows are partial")
	// Retried only after a while, not at every refresh.
	pump(t, p, f.Holding, read(p, now.Add(10*time.Second)))
	if n := f.Streams(); n != 1 {
		t.Fatalf("a failed listing was retried at once: %d", n)
	}
	f.Release()
	pump(t, p, f.Holding, read(p, now.Add(2*time.Minute)))
	if n := f.Streams(); n != 2 {
		t.Fatalf("a failed listing was not retried: %d", n)
	}
}
