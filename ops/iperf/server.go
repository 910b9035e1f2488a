package iperf

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/opsdeck/opsdeck/remote"
)

// serverReadyTimeout bounds how long a one-off server may take to say it
// listens.
const serverReadyTimeout = 10 * time.Second

// oneOff is an `iperf3 -s -1` running on the host for one test. Its
// session lives in its own goroutine between the action's steps.
type oneOff struct {
	runner remote.Runner
	argv   []string
	stop   []string
	host   string

	mu     sync.Mutex
	lines  []string // its output, for error messages (bounded)
	cancel context.CancelFunc
	done   chan struct{} // closed when its session ended
	err    error         // how it ended
}

// start runs the server and returns once it listens, or with why not.
func (s *oneOff) start(ctx context.Context) error {
	// The server must outlive this step; cancel and stopAndWait end it.
	sctx, cancel := context.WithCancel(context.Background())
	ready := make(chan struct{})
	var once sync.Once
	s.mu.Lock()
	s.cancel, s.done = cancel, make(chan struct{})
	s.mu.Unlock()
	go func() {
		defer close(s.done)
		res, err := s.runner.Stream(sctx, s.argv, func(line string) {
			s.keep(line)
			if strings.HasPrefix(line, "Server listening on ") {
				once.Do(func() { close(ready) })
			}
		})
		for _, l := range strings.Split(strings.TrimSpace(string(res.Stderr)), "\n") {
			s.keep(l)
		}
		s.mu.Lock()
		s.err = err
		s.mu.Unlock()
	}()
	timer := time.NewTimer(serverReadyTimeout)
	defer timer.Stop()
	select {
	case <-ready:
		return nil
	case <-s.done:
		return s.failure()
	case <-ctx.Done():
		return ctx.Err()
	case <-timer.C:
		return &Error{Kind: KindTimeout, Host: s.host, Target: "the test server on " + orWord(s.host, "the host"),
			Detail: "the one-off iperf3 server did not start listening"}
	}
}

// keep records a line of the server's output, the last 20.
func (s *oneOff) keep(line string) {
	if line = strings.TrimSpace(line); line == "" {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.lines) == 20 {
		s.lines = s.lines[1:]
	}
	s.lines = append(s.lines, line)
}

// failure says why the server ended before it listened.
func (s *oneOff) failure() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, l := range s.lines {
		if msg, ok := errorLine(l); ok {
			return &Error{Kind: classifyText(msg), Host: s.host, Detail: msg}
		}
	}
	e := fromRun(s.err, "", s.host, "")
	if e.Kind == KindUnknown && e.Detail == "" {
		e.Detail = "the one-off iperf3 server exited before listening: " + strings.Join(s.lines, "; ")
	}
	return e
}

// stopAndWait kills the server if it still runs (it normally exits by
// itself after its one test) and waits for its session to end.
func (s *oneOff) stopAndWait(ctx context.Context) error {
	err := pkill(ctx, s.runner, s.stop)
	s.mu.Lock()
	cancel, done := s.cancel, s.done
	s.mu.Unlock()
	if cancel == nil {
		return err
	}
	select {
	case <-done:
	case <-ctx.Done():
		err = errors.Join(err, fmt.Errorf("the one-off iperf3 server did not end: %w", ctx.Err()))
	}
	// Only now: cancelling first would make the runner signal a session
	// that is about to end anyway.
	cancel()
	return err
}

// pkill runs a stop command; "no process matched" (exit 1) is success,
// as the process may well have ended by itself.
func pkill(ctx context.Context, r remote.Runner, argv []string) error {
	if len(argv) == 0 {
		return nil
	}
	_, err := r.Run(ctx, argv)
	var ee *remote.ExitError
	if errors.As(err, &ee) && ee.Code == 1 {
		return nil
	}
	return err
}
