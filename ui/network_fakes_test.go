package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ops/action"
	"github.com/opsdeck/opsdeck/ui/internal/fixture"
	"github.com/opsdeck/opsdeck/ui/panes/network"
)

// fakeNet is a network read returning a fixture's reads in order (the
// last repeats). When gate is set, a read waits for it (or ctx), so tests
// can hold it in flight.
type fakeNet struct {
	mu    sync.Mutex
	reads []ops.NetworkStatus
	calls int
	gate  chan struct{}
	prevs []*ops.NetworkStatus
}

func newFakeNet(t testing.TB, scenario string) *fakeNet {
	t.Helper()
	sc, ok := fixture.GetNetwork(scenario)
	if !ok {
		t.Fatalf("no network scenario %q", scenario)
	}
	return &fakeNet{reads: sc.Reads}
}

func (f *fakeNet) read(ctx context.Context, _ *ops.Host, prev *ops.NetworkStatus, _ time.Time) ops.NetworkStatus {
	f.mu.Lock()
	st := f.reads[min(f.calls, len(f.reads)-1)]
	f.calls++
	f.prevs = append(f.prevs, prev)
	gate := f.gate
	f.mu.Unlock()
	if gate != nil {
		select {
		case <-gate:
		case <-ctx.Done():
		}
	}
	return st
}

func (f *fakeNet) callCount() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls
}

// fakeTester runs a "test" whose output is a recorded iperf3 output,
// through the real line parser; hold, when set, keeps the test running
// after its lines until ctx ends (a test in progress).
type fakeTester struct {
	mu    sync.Mutex
	lines []string
	hold  bool
	ran   int
	hist  []network.Result
	base  int
	clock func() time.Time
}

func newFakeTester(t testing.TB, capture string, clock func() time.Time) *fakeTester {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "ops", "iperf", "testdata", capture))
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range strings.Split(string(b), "\n") {
		if !strings.HasPrefix(l, "# $") {
			lines = append(lines, l)
		}
	}
	return &fakeTester{lines: lines, base: -1, clock: clock}
}

func (f *fakeTester) Action(_ *ops.Host, spec network.Spec) action.Action {
	argv := []string{"iperf3", "-c", spec.Target, "-t", "10", "-i", "1", "--forceflush"}
	return action.Action{ID: "network.iperf3", Title: "iperf3 test", Target: spec.Label, Danger: action.Change,
		Steps: []action.Step{{Argv: argv, Do: func(ctx context.Context, env action.StepEnv) error {
			f.mu.Lock()
			f.ran++
			f.mu.Unlock()
			for _, l := range f.lines {
				env.Out(l)
			}
			if f.hold {
				<-ctx.Done()
				return ctx.Err()
			}
			return nil
		}}}}
}

func (f *fakeTester) Parser(spec network.Spec) network.Parser {
	return network.NewLineParser(spec, f.clock)
}

func (f *fakeTester) History() ([]network.Result, int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]network.Result(nil), f.hist...), f.base
}

func (f *fakeTester) MarkBaseline() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.base = len(f.hist) - 1
	return nil
}

func (f *fakeTester) runs() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.ran
}
