package ui

import (
	"context"
	"errors"
	"net"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/opsdeck/opsdeck/ops/action"
	"github.com/opsdeck/opsdeck/remote"
)

// fakeRunner records every command; a command containing blockOn waits
// for its context, like a long remote command the operator cancels.
type fakeRunner struct {
	mu      sync.Mutex
	calls   []string
	blockOn string
	started chan struct{} // closed when a blocking command began
}

func (f *fakeRunner) Run(ctx context.Context, argv []string) (remote.Result, error) {
	return f.Stream(ctx, argv, func(string) {})
}

func (f *fakeRunner) Stream(ctx context.Context, argv []string, onLine func(string)) (remote.Result, error) {
	line := strings.Join(argv, " ")
	f.mu.Lock()
	f.calls = append(f.calls, line)
	f.mu.Unlock()
	onLine("ran " + line)
	if f.blockOn != "" && strings.Contains(line, f.blockOn) {
		if f.started != nil {
			close(f.started)
		}
		<-ctx.Done()
		return remote.Result{ExitCode: 0}, ctx.Err()
	}
	return remote.Result{}, nil
}

func (f *fakeRunner) Dial(context.Context, string, string) (net.Conn, error) {
	return nil, errors.New("fake runner cannot dial")
}

func (f *fakeRunner) Close() error { return nil }

func (f *fakeRunner) ran() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.calls...)
}

// scrubLike is an action shaped like the ops scrub actions.
func scrubLike(r remote.Runner, d action.Danger) action.Action {
	a := action.Action{
		ID: "scrub.start", Title: "Start scrub", Target: "tank", Danger: d,
		Steps:   []action.Step{{Argv: []string{"zpool", "scrub", "tank"}, Runner: r, Privileged: true}},
		Cleanup: []action.Step{{Argv: []string{"zpool", "scrub", "-s", "tank"}, Runner: r, Privileged: true}},
		Verify:  func(context.Context) (string, error) { return "scrub in progress on tank", nil },
	}
	if d == action.Bulk {
		a.Count = 3
	}
	return a
}

func testExecutor(t *testing.T, readOnly bool) *action.Executor {
	t.Helper()
	log, err := action.OpenAuditLog(filepath.Join(t.TempDir(), "audit.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	return &action.Executor{ReadOnly: readOnly, Audit: log, Clock: time.Now, User: "test", Host: "lab"}
}
