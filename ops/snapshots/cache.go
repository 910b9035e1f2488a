package snapshots

import (
	"context"
	"errors"
	"sort"
	"sync"
	"time"

	"github.com/opsdeck/opsdeck/ops"
)

// DefaultCacheTTL bounds how long a dataset's cached listing is used:
// on OpenZFS 2.1 (no snapshots_changed) it is the only expiry, and
// everywhere it refreshes `used`, which moves without any snapshot
// being taken or destroyed.
const DefaultCacheTTL = 10 * time.Minute

// ErrListingInFlight is returned by Cache.StreamAll while another full
// listing runs: one is already expensive enough.
var ErrListingInFlight = errors.New("a snapshot listing is already running")

// Cache keeps each dataset's snapshots until the dataset's
// snapshots_changed differs from when they were listed, or TTL passed.
// It lets only one full listing run at a time, and one -d 1 listing per
// dataset (a second caller waits for the first's result). Safe for
// concurrent use.
type Cache struct {
	ttl time.Duration
	now func() time.Time

	mu        sync.Mutex
	entries   map[string]cacheEntry
	streaming bool
	calls     map[string]*cacheCall
}

type cacheEntry struct {
	snaps   []Snapshot
	changed int64 // snapshots_changed when listed; 0 unknown
	at      time.Time
}

type cacheCall struct {
	done  chan struct{}
	snaps []Snapshot
	err   error
}

// NewCache returns an empty cache; ttl <= 0 means DefaultCacheTTL and a
// nil now means time.Now.
func NewCache(ttl time.Duration, now func() time.Time) *Cache {
	if ttl <= 0 {
		ttl = DefaultCacheTTL
	}
	if now == nil {
		now = time.Now
	}
	return &Cache{ttl: ttl, now: now, entries: map[string]cacheEntry{}, calls: map[string]*cacheCall{}}
}

// Fresh returns dataset's cached snapshots when still valid given its
// current snapshots_changed (0 when unknown, e.g. on OpenZFS 2.1).
func (c *Cache) Fresh(dataset string, changed int64) ([]Snapshot, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.freshLocked(dataset, changed)
}

func (c *Cache) freshLocked(dataset string, changed int64) ([]Snapshot, bool) {
	e, ok := c.entries[dataset]
	if !ok || c.now().Sub(e.at) >= c.ttl || changed != e.changed {
		return nil, false
	}
	return e.snaps, true
}

// Put stores dataset's snapshots as listed when its snapshots_changed
// was changed (read before the listing started, so a change during the
// listing makes the entry stale at once).
func (c *Cache) Put(dataset string, snaps []Snapshot, changed int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entries[dataset] = cacheEntry{snaps: snaps, changed: changed, at: c.now()}
}

// Invalidate drops dataset's entry, e.g. after an action changed it.
func (c *Cache) Invalidate(dataset string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.entries, dataset)
}

// Stale lists the datasets in props whose entry is missing or invalid,
// sorted; empty means All can be used without listing anything.
func (c *Cache) Stale(props map[string]DatasetProps) []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []string
	for name, p := range props {
		if _, ok := c.freshLocked(name, p.SnapshotsChanged); !ok {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// All returns every cached snapshot of the datasets in props, whether
// fresh or not (check Stale first).
func (c *Cache) All(props map[string]DatasetProps) []Snapshot {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []Snapshot
	for name := range props {
		out = append(out, c.entries[name].snaps...)
	}
	return out
}

// Dataset returns dataset's snapshots from the cache when fresh, else
// lists them with ListDataset and caches the result. Concurrent callers
// for one dataset share a single listing.
func (c *Cache) Dataset(ctx context.Context, h *ops.Host, dataset string, changed int64) ([]Snapshot, error) {
	c.mu.Lock()
	if snaps, ok := c.freshLocked(dataset, changed); ok {
		c.mu.Unlock()
		return snaps, nil
	}
	if call, ok := c.calls[dataset]; ok {
		c.mu.Unlock()
		select {
		case <-call.done:
			return call.snaps, call.err
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	call := &cacheCall{done: make(chan struct{})}
	c.calls[dataset] = call
	c.mu.Unlock()

	call.snaps, call.err = ListDataset(ctx, h, dataset)
	c.mu.Lock()
	delete(c.calls, dataset)
	if call.err == nil {
		c.entries[dataset] = cacheEntry{snaps: call.snaps, changed: changed, at: c.now()}
	}
	c.mu.Unlock()
	close(call.done)
	return call.snaps, call.err
}

// StreamAll runs StreamSnapshots, passing batches on to onBatch, and on
// success replaces the cache with the result, each dataset stamped with
// its snapshots_changed from props (read before calling). It returns
// ErrListingInFlight at once while another StreamAll runs.
func (c *Cache) StreamAll(ctx context.Context, h *ops.Host, props map[string]DatasetProps, onBatch func([]Snapshot)) error {
	c.mu.Lock()
	if c.streaming {
		c.mu.Unlock()
		return ErrListingInFlight
	}
	c.streaming = true
	c.mu.Unlock()
	defer func() {
		c.mu.Lock()
		c.streaming = false
		c.mu.Unlock()
	}()

	by := map[string][]Snapshot{}
	err := StreamSnapshots(ctx, h, func(batch []Snapshot) {
		for _, s := range batch {
			by[s.Dataset] = append(by[s.Dataset], s)
		}
		if onBatch != nil {
			onBatch(batch)
		}
	})
	if err != nil {
		// A partial listing must not pass for a complete one.
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	at := c.now()
	for name := range props {
		c.entries[name] = cacheEntry{snaps: by[name], changed: props[name].SnapshotsChanged, at: at}
	}
	for name, snaps := range by {
		if _, ok := props[name]; !ok {
			c.entries[name] = cacheEntry{snaps: snaps, at: at}
		}
	}
	return nil
}
