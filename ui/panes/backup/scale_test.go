package backup_test

import (
	"strings"
	"testing"
	"time"

	"github.com/opsdeck/opsdeck/ui/internal/fixture"
	"github.com/opsdeck/opsdeck/ui/panes/backup"
)

// many is a pane whose host has n snapshots over 200 datasets, listed in
// batches of 1 000 (what a streamed parse hands over at a time).
func many(t testing.TB, n, holdAfter int) (*backup.Pane, *fixture.FakeBackup, time.Time) {
	t.Helper()
	now := time.Date(2026, 11, 26, 14, 2, 10, 0, time.UTC)
	snaps, states := fixture.ManySnapshots(now, 200, n)
	f := fixture.NewFakeBackup(fixture.BackupScenario{Name: "many", Now: now, Snapshots: snaps, Datasets: states})
	f.Batch, f.HoldAfter = 1000, holdAfter
	if tt, ok := t.(*testing.T); ok {
		tt.Cleanup(f.Release)
	}
	return paneWith(t, f.Deps(), now, 160, 48), f, now
}

func TestFrameWhileHundredThousandStream(t *testing.T) {
	p, f, now := many(t, 100000, 50000)
	blocked, _ := pump(t, p, f.Holding, read(p, now))
	if blocked == nil {
		t.Fatal("the listing ended although the fake holds it")
	}
	start := time.Now()
	v := p.View()
	if d := time.Since(start); d > 500*time.Millisecond {
		t.Errorf("a frame took %v while the listing streams", d)
	}
	mustContain(t, v, "listing… 50000 snapshots so far", "200 datasets, 50000 snapshots", "tank/ds000")
	if got := strings.Count(v, "\n") + 1; got != 48 {
		t.Errorf("frame has %d lines, want 48", got)
	}
	f.Release()
	pump(t, p, f.Holding, blocked)
	mustContain(t, p.View(), "200 datasets, 100000 snapshots", "protected: 200 datasets within RPO")
}

// BenchmarkRenderBackup100k draws the pane at 160×48 over the summaries
// of 100 000 snapshots across 200 datasets: the cost of one frame.
func BenchmarkRenderBackup100k(b *testing.B) {
	p, f, now := many(b, 100000, 0)
	pump(b, p, f.Holding, read(p, now))
	if f.Streams() != 1 || !strings.Contains(p.View(), "100000 snapshots") {
		b.Fatal("the listing did not complete")
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = p.View()
	}
}

// BenchmarkListBackup100k folds a streamed listing of 100 000 snapshots
// into the pane's rows, batch message by batch message (the parse itself
// is ops/snapshots' benchmark).
func BenchmarkListBackup100k(b *testing.B) {
	p, f, now := many(b, 100000, 0)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		pump(b, p, f.Holding, read(p, now.Add(time.Duration(i+1)*time.Hour)))
	}
	b.StopTimer()
	if f.Streams() != b.N {
		b.Fatalf("%d listings for %d iterations", f.Streams(), b.N)
	}
}

// TestViewFitsEverySize draws every state at sizes down to nothing: the
// frame is always exactly the size given and nothing panics.
func TestViewFitsEverySize(t *testing.T) {
	p, f, now := newPane(t, "stale", 160, 48)
	pump(t, p, f.Holding, read(p, now))
	states := [][]string{nil, {"enter"}, {"esc", "s"}, {"esc", "p"}, {"esc", "d"}}
	for _, st := range states {
		keys(t, p, st...)
		for _, sz := range [][2]int{{0, 0}, {1, 1}, {20, 5}, {40, 10}, {80, 24}, {200, 60}} {
			p.SetSize(sz[0], sz[1])
			v := p.View()
			if sz[1] == 0 {
				if v != "" {
					t.Errorf("%v at %v: drew %q", st, sz, v)
				}
				continue
			}
			if got := strings.Count(v, "\n") + 1; got != sz[1] {
				t.Errorf("%v at %v: %d lines", st, sz, got)
			}
		}
	}
}
