package snapshots

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"
)

type stepClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *stepClock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *stepClock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func TestCacheValidity(t *testing.T) {
	clk := &stepClock{t: time.Unix(1795687200, 0)}
	c := NewCache(0, clk.now)
	snaps := []Snapshot{{Dataset: "tank/home", Name: "a"}}
	c.Put("tank/home", snaps, 100)
	if _, ok := c.Fresh("tank/home", 100); !ok {
		t.Error("fresh entry not used")
	}
	if _, ok := c.Fresh("tank/home", 101); ok {
		t.Error("used after snapshots_changed moved")
	}
	clk.add(DefaultCacheTTL)
	if _, ok := c.Fresh("tank/home", 100); ok {
		t.Error("used after the TTL")
	}
	// 2.1: no snapshots_changed, only the TTL.
	c.Put("tank/media", nil, 0)
	props := map[string]DatasetProps{"tank/home": {SnapshotsChanged: 100}, "tank/media": {}}
	if got := c.Stale(props); len(got) != 1 || got[0] != "tank/home" {
		t.Errorf("stale %v", got)
	}
	c.Invalidate("tank/media")
	if got := c.Stale(props); len(got) != 2 {
		t.Errorf("stale after invalidate %v", got)
	}
}

func TestCacheDatasetSingleFlight(t *testing.T) {
	release := make(chan struct{})
	f := &fakeRunner{answer: func([]string) (string, error) {
		<-release
		return fixture(t, "list_d1_2.3.txt"), nil
	}}
	h := fakeHost(f, 2, 3)
	c := NewCache(time.Minute, nil)
	const ds = "tank/backup/db dumps: 2026.11"
	var wg sync.WaitGroup
	results := make([]int, 3)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			snaps, err := c.Dataset(context.Background(), h, ds, 7)
			if err != nil {
				t.Error(err)
			}
			results[i] = len(snaps)
		}()
	}
	time.Sleep(50 * time.Millisecond)
	close(release)
	wg.Wait()
	if f.count() != 1 || results[0] != 2 || results[1] != 2 || results[2] != 2 {
		t.Errorf("%d listings, results %v", f.count(), results)
	}
	if _, err := c.Dataset(context.Background(), h, ds, 7); err != nil || f.count() != 1 {
		t.Errorf("cached read listed again (%d) %v", f.count(), err)
	}
	if argv := f.calls[0]; argv[len(argv)-1] != ds {
		t.Errorf("argv %q", argv)
	}
}

func TestCacheStreamAllNeverTwice(t *testing.T) {
	started, release := make(chan struct{}), make(chan struct{})
	f := &fakeRunner{answer: func([]string) (string, error) {
		close(started)
		<-release
		return fixture(t, "list_2.3.txt"), nil
	}}
	h := fakeHost(f, 2, 3)
	c := NewCache(time.Minute, nil)
	props, _ := ParseDatasetProps([]byte(fixture(t, "props_2.3.txt")))
	done := make(chan error)
	go func() { done <- c.StreamAll(context.Background(), h, props, nil) }()
	<-started
	if err := c.StreamAll(context.Background(), h, props, nil); !errors.Is(err, ErrListingInFlight) {
		t.Errorf("second listing: %v", err)
	}
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if stale := c.Stale(props); len(stale) != 0 {
		t.Errorf("stale after a full listing: %v", stale)
	}
	if home, ok := c.Fresh("tank/home", 1795687200); !ok || len(home) != 4 {
		t.Errorf("home %d %v", len(home), ok)
	}
	if all := c.All(props); len(all) != 6 {
		t.Errorf("all: %d", len(all))
	}
}
