package snapshots

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestSummariseFixture(t *testing.T) {
	snaps, err := ParseList([]byte(fixture(t, "list_2.3.txt")))
	if err != nil {
		t.Fatal(err)
	}
	props, _ := ParseDatasetProps([]byte(fixture(t, "props_2.3.txt")))
	now := time.Date(2026, 11, 26, 11, 30, 0, 0, time.UTC)
	sums := Summarise(snaps, DefaultNaming(), now, 2*time.Hour, props)
	if len(sums) != 5 {
		t.Fatalf("%d summaries: %+v", len(sums), sums)
	}
	by := map[string]Summary{}
	for _, s := range sums {
		by[s.Dataset] = s
	}
	home := by["tank/home"]
	if home.Count != 4 || home.Auto != 3 || home.Manual != 1 || home.Held != 1 || home.UsedBySnapshots != 1859584 ||
		home.Newest.Name != "autosnap_2026-11-26_10:00:00_hourly" || home.NewestAge != 90*time.Minute || home.Stale {
		t.Errorf("home %+v", home)
	}
	if home.Oldest.Name != "autosnap_2026-11-25_00:00:01_daily" || home.OldestAge != now.Sub(time.Unix(1795564801, 0)) {
		t.Errorf("home oldest %+v %v", home.Oldest, home.OldestAge)
	}
	if media := by["tank/media"]; !media.Stale || media.Count != 1 {
		t.Errorf("media %+v", media)
	}
	// A dataset with no snapshots is listed, and not stale.
	if tank := by["tank"]; tank.Count != 0 || tank.Stale || !tank.HaveProps {
		t.Errorf("tank %+v", tank)
	}
	// Ages come from creation, never from names: a name that claims a
	// recent date changes nothing.
	liar := []Snapshot{{Dataset: "d", Name: "auto-" + now.Format("2006-01-02"), Creation: now.Add(-5 * time.Hour)}}
	if s := Summarise(liar, DefaultNaming(), now, 0, nil)[0]; !s.Stale || s.NewestAge != 5*time.Hour || s.RPO != DefaultRPO {
		t.Errorf("liar %+v", s)
	}
}

func TestKind(t *testing.T) {
	n := DefaultNaming()
	for name, want := range map[string]Kind{"auto-1": KindAuto, "autosnap_x": KindAuto, "zfs-auto-snap_hourly": KindAuto,
		"manual-1": KindManual, "before-upgrade": KindOther, "Auto-1": KindOther} {
		if got := n.Kind(name); got != want {
			t.Errorf("%s: %v", name, got)
		}
	}
}

// genLines makes n listing lines over datasets, one minute apart.
func genLines(n int) string {
	var b strings.Builder
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	for i := range n {
		fmt.Fprintf(&b, "tank/data%02d@auto-%06d\t%d\t%d\t%d\t0\n", i%40, i, start+int64(i)*60, 4096*i, 1<<30)
	}
	return b.String()
}

func TestStreamSnapshotsBatches(t *testing.T) {
	// 4500 lines, then a pause longer than BatchInterval, then one more
	// and a broken line. Batches never exceed BatchLines, and the pause
	// flushes what came before it (the ticker), so the last line
	// arrives alone.
	out := genLines(4500) + "PAUSE\n" + "tank/x@auto-1\t1\t0\t0\t0\nbroken\n"
	f := &fakeRunner{answer: func([]string) (string, error) { return out, nil }, pause: 3 * BatchInterval}
	var mu sync.Mutex
	var batches [][]Snapshot
	total := 0
	err := StreamSnapshots(context.Background(), fakeHost(f, 2, 3), func(b []Snapshot) {
		mu.Lock()
		defer mu.Unlock()
		batches = append(batches, b)
		total += len(b)
	})
	var bad *MalformedError
	if !errors.As(err, &bad) || bad.Count != 1 {
		t.Fatalf("err %v", err)
	}
	last := batches[len(batches)-1]
	if total != 4501 || len(batches) < 4 || len(last) != 1 || last[0].Dataset != "tank/x" {
		t.Errorf("%d batches, total %d, last %+v", len(batches), total, last)
	}
	for _, b := range batches {
		if len(b) > BatchLines {
			t.Errorf("batch of %d", len(b))
		}
	}
	if got := strings.Join(f.calls[0], " "); got != "zfs list -H -p -t snapshot -o name,creation,used,referenced,userrefs -s creation" {
		t.Errorf("argv %s", got)
	}
	f.answer = func([]string) (string, error) { return "", errors.New("connection lost") }
	if err := StreamSnapshots(context.Background(), fakeHost(f, 2, 3), func([]Snapshot) {}); err == nil {
		t.Error("a failed listing succeeded")
	}
}
