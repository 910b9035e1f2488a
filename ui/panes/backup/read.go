package backup

import (
	"context"
	"hash/fnv"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ui/panes"
)

// retryAfter is how long a failed full listing waits before the next try,
// so a host that cannot list is not asked again every refresh.
const retryAfter = time.Minute

// readResult is what the pane's own read returns: the cheap reads only;
// the full listing streams separately.
type readResult struct {
	datasets []DatasetState
	dsErr    string
	repos    []Repo
	hasRepos bool
	now      time.Time
}

// Read implements panes.Reader: one dataset read (usedbysnapshots and
// snapshots_changed) and the restic repositories.
func (p *Pane) Read(h *ops.Host, now time.Time) func(ctx context.Context) tea.Msg {
	ds, restic := p.deps.Datasets, p.deps.Restic
	return func(ctx context.Context) tea.Msg {
		res := readResult{now: now}
		// Both at once: a slow restic repository (sftp, a cloud
		// bucket) must not hold back the dataset read, which gates the
		// snapshot listing.
		var wg sync.WaitGroup
		if restic != nil {
			wg.Add(1)
			go func() {
				defer wg.Done()
				res.repos, res.hasRepos = restic(ctx, h), true
			}()
		}
		if ds != nil {
			list, err := ds(ctx, h)
			if err != nil {
				res.dsErr = err.Error()
			}
			res.datasets = list
		}
		wg.Wait()
		return res
	}
}

// applyRead keeps the read and decides whether the cached listing is
// still good; it re-arms the batch chain of a listing in flight.
func (p *Pane) applyRead(d panes.ReadDone) tea.Cmd {
	res, ok := d.Msg.(readResult)
	if !ok {
		return nil
	}
	p.read = true
	if !res.now.IsZero() {
		p.now = res.now
	}
	if res.hasRepos {
		p.repos = res.repos
		if p.repo >= len(p.repos) {
			p.repo = 0
		}
	}
	p.dsErr = res.dsErr
	if d.Err != nil {
		p.dsErr = "backup read did not finish: " + d.Err.Error()
	}
	if res.datasets != nil {
		p.usage = make(map[string]uint64, len(res.datasets))
		for _, s := range res.datasets {
			p.usage[s.Name] = s.UsedBySnapshots
		}
		p.stateKey = stateKey(res.datasets)
		if p.current != nil && !p.partial {
			p.current.ensure(p.usage)
		}
	}
	if p.listing != nil {
		return p.resumeChain()
	}
	if p.needsListing() {
		return p.startListing()
	}
	return nil
}

// needsListing says whether the cached full listing is out of date: never
// listed, a snapshots_changed value moved, or the TTL ran out.
func (p *Pane) needsListing() bool {
	switch {
	case p.listErr != "":
		return p.now.Sub(p.failedAt) >= retryAfter
	case p.current == nil || p.partial:
		return true
	case p.stateKey != "" && p.stateKey != p.listedKey:
		return true
	}
	return p.now.Sub(p.listedAt) >= p.deps.ttl()
}

// stateKey condenses every dataset's snapshots_changed into one value;
// "" when no dataset has the property (the TTL alone decides then).
func stateKey(ds []DatasetState) string {
	h := fnv.New64a()
	any := false
	for _, s := range ds {
		if s.SnapshotsChanged == "" {
			continue
		}
		any = true
		h.Write([]byte(s.Name))
		h.Write([]byte{0})
		h.Write([]byte(s.SnapshotsChanged))
		h.Write([]byte{0})
	}
	if !any {
		return ""
	}
	return string(h.Sum(nil))
}
