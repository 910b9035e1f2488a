package backup

import (
	"context"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/opsdeck/opsdeck/ops"
)

// listing is one streamed full listing. The streaming goroutine only
// queues batches here; the pane folds them on the UI goroutine when a
// listBatchMsg arrives, so Update never waits on the host.
type listing struct {
	gen     int
	started time.Time
	cancel  context.CancelFunc

	mu      sync.Mutex
	pending [][]Snapshot
	err     error
	ended   bool

	// wake has room for one signal: batches that arrive while the pane
	// has not drained yet coalesce into it.
	wake chan struct{}
	// finished is closed when the stream returned.
	finished chan struct{}
}

// listBatchMsg says listing gen has something new; chain numbers the
// wait that produced it, so only the newest chain re-issues its wait.
type listBatchMsg struct{ gen, chain int }

func newListing(gen int, now time.Time) *listing {
	return &listing{gen: gen, started: now, wake: make(chan struct{}, 1), finished: make(chan struct{})}
}

// start runs the stream in its own goroutine; it is the body of a tea.Cmd
// so Update itself starts nothing.
func (l *listing) start(stream func(context.Context, *ops.Host, func([]Snapshot)) error, h *ops.Host) {
	ctx, cancel := context.WithCancel(context.Background())
	l.mu.Lock()
	l.cancel = cancel
	l.mu.Unlock()
	go func() {
		defer cancel()
		err := stream(ctx, h, func(b []Snapshot) {
			l.mu.Lock()
			l.pending = append(l.pending, b)
			l.mu.Unlock()
			select {
			case l.wake <- struct{}{}:
			default:
			}
		})
		l.mu.Lock()
		l.err, l.ended = err, true
		l.mu.Unlock()
		close(l.finished)
	}()
}

// stop cancels the stream (a superseded or abandoned listing).
func (l *listing) stop() {
	l.mu.Lock()
	c := l.cancel
	l.mu.Unlock()
	if c != nil {
		c()
	}
}

// drain takes what arrived since the last drain and whether the stream
// has ended (and how).
func (l *listing) drain() ([][]Snapshot, bool, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	b := l.pending
	l.pending = nil
	return b, l.ended, l.err
}

// wait is one link of the message chain: it blocks (off the UI
// goroutine) until a batch arrived or the stream ended.
func (l *listing) wait(chain int) tea.Cmd {
	return func() tea.Msg {
		select {
		case <-l.wake:
		case <-l.finished:
		}
		return listBatchMsg{gen: l.gen, chain: chain}
	}
}

// startListing begins a full listing unless one is in flight: never two.
func (p *Pane) startListing() tea.Cmd {
	if p.listing != nil || p.deps.Stream == nil || p.env.Host == nil {
		return nil
	}
	h := p.env.Host()
	if h == nil {
		return nil
	}
	p.gen++
	l := newListing(p.gen, p.now)
	p.listing = l
	p.building = newSummaries()
	p.listStarts++
	stream := p.deps.Stream
	p.chain++
	wait := l.wait(p.chain)
	return func() tea.Msg {
		l.start(stream, h)
		return wait()
	}
}

// resumeChain issues a fresh wait for the running listing. The root gives
// unrouted messages to the active pane only, so a batch message that
// arrived while another pane was shown is lost; the pane's own read
// (which the root routes to it) re-arms the chain, and the older chain
// ends at its next message.
func (p *Pane) resumeChain() tea.Cmd {
	if p.listing == nil {
		return nil
	}
	p.applyBatches()
	if p.listing == nil {
		return nil
	}
	p.chain++
	return p.listing.wait(p.chain)
}

// onBatch folds what arrived and re-issues the wait while the listing
// runs.
func (p *Pane) onBatch(m listBatchMsg) tea.Cmd {
	if p.listing == nil || m.gen != p.listing.gen {
		return nil
	}
	p.applyBatches()
	if p.listing == nil || m.chain != p.chain {
		return nil
	}
	return p.listing.wait(m.chain)
}

// applyBatches folds the pending batches into the rows being built and,
// when the stream ended, makes them the cached listing.
func (p *Pane) applyBatches() {
	l := p.listing
	batches, ended, err := l.drain()
	for _, b := range batches {
		p.building.add(b)
	}
	if !ended {
		return
	}
	p.listing = nil
	if err != nil {
		p.listErr = "snapshot listing failed: " + err.Error()
		p.failedAt = p.now
		if p.current == nil {
			// A partial listing is still what is known; say so.
			p.current, p.partial = p.building, true
		}
		p.building = nil
		return
	}
	p.listErr = ""
	p.current, p.partial, p.building = p.building, false, nil
	p.current.ensure(p.usage)
	p.listedAt = p.now
	p.listedKey = p.stateKey
}
