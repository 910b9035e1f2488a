package network

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ops/action"
	"github.com/opsdeck/opsdeck/ops/config"
	"github.com/opsdeck/opsdeck/ops/iperf"
)

// IperfTester is the Tester of ops/iperf for one host: tests are
// iperf.TestAction, results live in the host's iperf.History.
type IperfTester struct {
	// Host is the alias the history files are kept under.
	Host string
	// Port is the iperf3 port (0: iperf's default).
	Port int
	// Store keeps results (nil: they are not kept).
	Store *iperf.History
	// Clock stamps results while they are drawn live.
	Clock func() time.Time

	mu sync.Mutex
	// version is the host's iperf3, found once by detect; the zero
	// Version (not yet known) gives text output, which every iperf3
	// prints, while 3.17+ streams JSON with per-interval RTTs.
	version  iperf.Version
	detected bool
}

// detect asks the host for its iperf3 version once (from the pane's
// background read, never from Update); a host without iperf3 keeps the
// zero Version and the action's own check explains what is missing.
func (t *IperfTester) detect(ctx context.Context, h *ops.Host) {
	t.mu.Lock()
	done := t.detected
	t.mu.Unlock()
	if done || (h.Platform.Tools != nil && !h.Platform.Tools["iperf3"]) {
		return
	}
	v, err := iperf.DetectVersion(ctx, h.Runner, h.Name)
	if err != nil && ctx.Err() != nil {
		return // cut short: try again on the next read
	}
	t.mu.Lock()
	t.version, t.detected = v, true
	t.mu.Unlock()
}

func (t *IperfTester) hostVersion() iperf.Version {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.version
}

// Action implements Tester. The loopback test starts a one-off server on
// the host for itself; a peer is expected to run its own `iperf3 -s`.
// Output is --json-stream on iperf3 3.17+ once detect has run, text before.
func (t *IperfTester) Action(h *ops.Host, spec Spec) action.Action {
	return iperf.TestAction(h, iperf.Spec{
		Target: spec.Target, TargetName: spec.Label, Port: t.Port,
		Duration: spec.Duration, Parallel: spec.Streams, Reverse: spec.Reverse,
		Congestion: spec.Congestion, ServerOnHost: spec.Loopback,
		Version: t.hostVersion(),
	}, t.Store)
}

// Parser implements Tester.
func (t *IperfTester) Parser(spec Spec) Parser { return NewLineParser(spec, t.Clock) }

// History implements Tester: the kept results and the baseline's index.
// A partly corrupt file still gives its readable results.
func (t *IperfTester) History() ([]Result, int) {
	if t.Store == nil {
		return nil, -1
	}
	rs, _ := t.Store.Load(t.Host)
	base, ok, _ := t.Store.Baseline(t.Host)
	out := make([]Result, len(rs))
	bi := -1
	for i, r := range rs {
		out[i] = fromHistory(r)
		if ok && r.Time.Equal(base.Time) {
			bi = i
		}
	}
	return out, bi
}

// MarkBaseline implements Tester.
func (t *IperfTester) MarkBaseline() error {
	if t.Store == nil {
		return errors.New("results are not kept (no state directory)")
	}
	last, ok, err := t.Store.Last(t.Host)
	if err != nil {
		return err
	}
	if !ok {
		return errors.New("no result yet")
	}
	return t.Store.MarkBaseline(t.Host, last.Time)
}

func fromHistory(r iperf.Result) Result {
	spec := Spec{Target: r.Target, Reverse: r.Reverse, Streams: r.Parallel, Duration: time.Duration(r.Seconds) * time.Second}
	if r.TargetName != "" {
		spec.Target = r.TargetName
	}
	return FromSummary(r.Summary, spec, r.Time)
}

// HostDeps wires the pane to ops for the host called alias: reads are
// ops.ReadNetwork with the host's [network] block (and the RTT of its
// last iperf3 test, for the BDP), tests are iperf3 tests kept in hist
// (nil: not kept), targets are the configured peers.
func HostDeps(alias string, cfg config.NetworkConfig, hist *iperf.History, clock func() time.Time) Deps {
	if clock == nil {
		clock = time.Now
	}
	peers := make([]Peer, 0, len(cfg.Peers))
	for _, p := range cfg.Peers {
		peers = append(peers, Peer{Name: p.Name, Address: p.Address})
	}
	tester := &IperfTester{Host: alias, Port: cfg.IPerf3Port, Store: hist, Clock: clock}
	read := func(ctx context.Context, h *ops.Host, prev *ops.NetworkStatus, now time.Time) ops.NetworkStatus {
		if h == nil {
			return ops.NetworkStatus{CollectedAt: now, Errors: map[string]string{"interfaces": "no host connection"}}
		}
		tester.detect(ctx, h)
		nc := ops.NetworkConfig{NetworkConfig: cfg}
		if hist != nil {
			if rtt, at, ok, err := hist.LastRTT(alias); err == nil && ok {
				nc.IPerf3RTT, nc.IPerf3At = rtt, at
			}
		}
		return ops.ReadNetwork(ctx, h, nc, prev, now)
	}
	return Deps{Read: read, Peers: peers, Tester: tester}
}
