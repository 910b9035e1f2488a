package iperf

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ops/action"
)

// ActionID names the guided test in the audit log.
const ActionID = "network.iperf3"

// TestAction is the guided iperf3 test of spec from host h as an action:
// check that iperf3 exists (and is the version the command was built
// for), start the one-off server when spec.ServerOnHost, run the client
// streaming every output line (feed them to a LineParser to draw the
// intervals live), stop the server, and on success append the result to
// hist (may be nil). It loads the link, so it is a Change confirmed y/N
// naming the target. Cleanup kills exactly this test's processes.
func TestAction(h *ops.Host, spec Spec, hist *History) action.Action {
	plan, err := NewPlan(spec, newToken())
	a := action.Action{ID: ActionID, Danger: action.Change}
	if err != nil {
		// Validate refuses it with the reason; nothing can run.
		a.Title, a.Target = "iperf3 test", orWord(spec.TargetName, orWord(spec.Target, "(no target)"))
		a.Steps = []action.Step{{Argv: ArgvVersion(), Runner: h.Runner}}
		a.Precondition = func() error { return err }
		return a
	}
	t := &testRun{host: h, plan: plan, hist: hist}
	if plan.Server != nil {
		t.server = &oneOff{runner: h.Runner, argv: plan.Server, stop: plan.StopServer, host: h.Name}
	}
	a.Title, a.Target = plan.title(h.Name), plan.targetWords()
	a.Steps = append(a.Steps, action.Step{Argv: ArgvVersion(), Runner: h.Runner, Do: t.checkVersion})
	if t.server != nil {
		a.Steps = append(a.Steps, action.Step{Argv: plan.Server, Runner: h.Runner, Do: t.startServer})
	}
	a.Steps = append(a.Steps, action.Step{Argv: plan.Client, Runner: h.Runner, Do: t.runClient})
	a.Cleanup = []action.Step{{Argv: plan.StopClient, Runner: h.Runner, Do: t.stopClient}}
	if t.server != nil {
		a.Steps = append(a.Steps, action.Step{Argv: plan.StopServer, Runner: h.Runner, Do: t.stopServer})
		a.Cleanup = append(a.Cleanup, action.Step{Argv: plan.StopServer, Runner: h.Runner, Do: t.stopServer})
	}
	a.Verify = t.verify
	return a
}

// newToken is the random marker of one test's processes.
func newToken() string {
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		// crypto/rand does not fail on Linux; a clock-based token is
		// still unique enough among one host's concurrent tests.
		return fmt.Sprintf("t%x", time.Now().UnixNano())
	}
	return hex.EncodeToString(b[:])
}

func (p Plan) title(host string) string {
	s := p.Spec
	opts := []string{fmt.Sprintf("%d s", int(s.Duration/time.Second)), plural(s.Parallel, "stream")}
	if s.Reverse {
		opts = append(opts, "reverse")
	}
	if s.Congestion != "" {
		opts = append(opts, s.Congestion)
	}
	return fmt.Sprintf("Load the link with an iperf3 test from %s (%s)", orWord(host, "the host"), strings.Join(opts, ", "))
}

func (p Plan) targetWords() string {
	addr := fmt.Sprintf("%s port %d", p.Spec.Target, p.Spec.Port)
	if p.Spec.TargetName != "" && p.Spec.TargetName != p.Spec.Target {
		return fmt.Sprintf("%s (%s)", p.Spec.TargetName, addr)
	}
	return addr
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// testRun is the state one TestAction's hooks share.
type testRun struct {
	host   *ops.Host
	plan   Plan
	hist   *History
	server *oneOff

	mu         sync.Mutex
	result     *Result
	saveErr    error
	cleanupErr error
}

func (t *testRun) checkVersion(ctx context.Context, env action.StepEnv) error {
	v, err := DetectVersion(ctx, env.Runner, t.host.Name)
	if err != nil {
		return err
	}
	env.Out("iperf3 on " + orWord(t.host.Name, "the host") + ": " + v.Raw)
	if t.plan.Format == FormatJSONStream && !v.HasJSONStream() {
		return fmt.Errorf("iperf3 on %s is %s, but the test was prepared for %s (--json-stream needs 3.17): prepare it again",
			orWord(t.host.Name, "the host"), v, t.plan.Spec.Version)
	}
	return nil
}

func (t *testRun) startServer(ctx context.Context, env action.StepEnv) error {
	if err := t.server.start(ctx); err != nil {
		return err
	}
	env.Out(fmt.Sprintf("one-off iperf3 server listening on %s port %d", orWord(t.host.Name, "the host"), t.plan.Spec.Port))
	return nil
}

func (t *testRun) runClient(ctx context.Context, env action.StepEnv) error {
	p := NewLineParser(t.plan.Format)
	feed := func(line string) {
		p.Feed(line)
		env.Out(line)
	}
	started := time.Now()
	res, err := env.Runner.Stream(ctx, t.plan.Client, feed)
	// iperf3 prints its failure on stderr, which Stream keeps apart.
	for _, line := range strings.Split(strings.TrimRight(string(res.Stderr), "\n"), "\n") {
		if line != "" {
			feed(line)
		}
	}
	target := t.plan.targetWords()
	if sum, ok := p.Summary(); ok && err == nil {
		r := newResult(t.host.Name, t.plan, started, sum, p.Intervals())
		t.mu.Lock()
		t.result = &r
		t.mu.Unlock()
		if t.hist != nil {
			if err := t.hist.Append(r); err != nil {
				t.mu.Lock()
				t.saveErr = err
				t.mu.Unlock()
			}
		}
		return nil
	}
	if e := p.Err(); e != nil && ctx.Err() == nil {
		e.Host, e.Target = t.host.Name, target
		return e
	}
	if err == nil {
		err = errors.New("iperf3 ended without a summary")
	}
	return fromRun(err, "", t.host.Name, target)
}

// stopClient kills the client if it still runs. With a server to stop
// after it, a failure is kept for stopServer to report, so the server
// is stopped whatever happened here (the executor stops cleanup at the
// first failing step).
func (t *testRun) stopClient(ctx context.Context, env action.StepEnv) error {
	err := pkill(ctx, env.Runner, t.plan.StopClient)
	if t.server == nil || err == nil {
		return err
	}
	t.mu.Lock()
	t.cleanupErr = err
	t.mu.Unlock()
	return nil
}

func (t *testRun) stopServer(ctx context.Context, env action.StepEnv) error {
	err := t.server.stopAndWait(ctx)
	t.mu.Lock()
	err = errors.Join(t.cleanupErr, err)
	t.cleanupErr = nil
	t.mu.Unlock()
	return err
}

// verify says what the test measured, against the baseline if any.
func (t *testRun) verify(context.Context) (string, error) {
	t.mu.Lock()
	r, saveErr := t.result, t.saveErr
	t.mu.Unlock()
	if r == nil {
		return "", errors.New("no result recorded")
	}
	text := Describe(r.Summary)
	if t.hist != nil && saveErr == nil {
		if base, ok, err := t.hist.Baseline(t.host.Name); err == nil && ok && !base.Time.Equal(r.Time) {
			text += "; " + Delta(*r, base)
		}
	}
	if saveErr != nil {
		return text, fmt.Errorf("result not saved to history: %w", saveErr)
	}
	return text, nil
}
