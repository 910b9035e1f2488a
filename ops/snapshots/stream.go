package snapshots

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/remote"
)

// Batching of the streamed listing: a batch goes out when it holds
// BatchLines snapshots or BatchInterval passed since the last one, so
// a UI fills progressively without a message per line.
const (
	BatchLines    = 2000
	BatchInterval = 200 * time.Millisecond
)

// MalformedError reports lines of a streamed listing that did not parse;
// the good lines were still delivered.
type MalformedError struct {
	Count int
	First error
}

// Error implements error.
func (e *MalformedError) Error() string {
	return fmt.Sprintf("%d malformed snapshot lines, first: %v", e.Count, e.First)
}

// Unwrap returns the first line's error.
func (e *MalformedError) Unwrap() error { return e.First }

// StreamSnapshots runs ArgvListAll on h and calls onBatch with the
// parsed snapshots in batches as they arrive, oldest first. Calls to
// onBatch never overlap and none happens after it returns. A transport
// or zfs failure returns that error; malformed lines are skipped and
// reported as a *MalformedError at the end.
func StreamSnapshots(ctx context.Context, h *ops.Host, onBatch func(batch []Snapshot)) error {
	b := &batcher{onBatch: onBatch, batch: make([]Snapshot, 0, BatchLines)}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		// Lines may pause for long stretches while zfs walks a slow
		// pool; the ticker flushes what arrived before the pause.
		defer wg.Done()
		t := time.NewTicker(BatchInterval)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				b.flushIfDue()
			}
		}
	}()
	_, err := h.Runner.Stream(ctx, ArgvListAll(), b.line)
	close(stop)
	wg.Wait()
	b.flush()
	if err != nil {
		return fmt.Errorf("list snapshots: %w", err)
	}
	if b.bad.Count > 0 {
		return &b.bad
	}
	return nil
}

// batcher collects parsed lines under one lock, which also serialises
// onBatch calls between the reader and the ticker.
type batcher struct {
	mu      sync.Mutex
	onBatch func([]Snapshot)
	batch   []Snapshot
	last    time.Time
	bad     MalformedError
}

func (b *batcher) line(line string) {
	if line == "" {
		return
	}
	s, err := ParseLine(line)
	b.mu.Lock()
	defer b.mu.Unlock()
	if err != nil {
		if b.bad.Count == 0 {
			b.bad.First = err
		}
		b.bad.Count++
		return
	}
	b.batch = append(b.batch, s)
	if len(b.batch) >= BatchLines {
		b.flushLocked()
	}
}

func (b *batcher) flushIfDue() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if time.Since(b.last) >= BatchInterval {
		b.flushLocked()
	}
}

func (b *batcher) flush() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.flushLocked()
}

func (b *batcher) flushLocked() {
	if len(b.batch) == 0 {
		return
	}
	// The receiver keeps the slice; start a fresh one rather than
	// overwrite what it holds.
	out := b.batch
	b.batch = make([]Snapshot, 0, BatchLines)
	b.last = time.Now()
	b.onBatch(out)
}

// ListDataset lists dataset's own snapshots (ArgvListDataset) at once,
// oldest first.
func ListDataset(ctx context.Context, h *ops.Host, dataset string) ([]Snapshot, error) {
	res, err := h.Runner.Run(ctx, ArgvListDataset(dataset))
	if err != nil {
		return nil, fmt.Errorf("list snapshots of %s: %w", dataset, err)
	}
	snaps, err := ParseList(res.Stdout)
	if err != nil {
		return nil, fmt.Errorf("list snapshots of %s: %w", dataset, err)
	}
	return snaps, nil
}

// ReadDatasetProps reads usedbysnapshots of every dataset, and
// snapshots_changed where the host's OpenZFS has it.
func ReadDatasetProps(ctx context.Context, h *ops.Host) (map[string]DatasetProps, error) {
	withChanged := HasSnapshotsChanged(h.Platform.ZFSVersion)
	res, err := h.Runner.Run(ctx, ArgvDatasetProps(withChanged))
	var exit *remote.ExitError
	if withChanged && errors.As(err, &exit) && strings.Contains(exit.Stderr, "'snapshots_changed'") {
		// The probe's version was wrong (a 2.1 userland with newer
		// kernel modules, say): ask again without the property.
		res, err = h.Runner.Run(ctx, ArgvDatasetProps(false))
	}
	if err != nil {
		return nil, fmt.Errorf("read snapshot properties: %w", err)
	}
	props, err := ParseDatasetProps(res.Stdout)
	if err != nil {
		return nil, fmt.Errorf("read snapshot properties: %w", err)
	}
	return props, nil
}
