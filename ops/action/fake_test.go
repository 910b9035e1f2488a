package action

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"
	"sync"

	"github.com/opsdeck/opsdeck/remote"
)

// reply is what fakeRunner answers for one command line.
type reply struct {
	lines  []string
	stderr string
	code   int
	// block waits for ctx to end, like a long command being cancelled.
	block bool
}

// fakeRunner records every call and answers from a script keyed by the
// argv joined with spaces; commands not in the script print nothing and
// succeed.
type fakeRunner struct {
	mu      sync.Mutex
	script  map[string]reply
	calls   [][]string
	ctxErrs []error       // ctx.Err() as each call started
	started chan struct{} // receives when a blocking command starts
}

func newFake(script map[string]reply) *fakeRunner {
	return &fakeRunner{script: script, started: make(chan struct{}, 8)}
}

func (f *fakeRunner) Stream(ctx context.Context, argv []string, onLine func(string)) (remote.Result, error) {
	f.mu.Lock()
	f.calls = append(f.calls, append([]string(nil), argv...))
	f.ctxErrs = append(f.ctxErrs, ctx.Err())
	r := f.script[strings.Join(argv, " ")]
	f.mu.Unlock()
	for _, l := range r.lines {
		onLine(l)
	}
	if r.block {
		f.started <- struct{}{}
		<-ctx.Done()
		return remote.Result{}, ctx.Err()
	}
	res := remote.Result{ExitCode: r.code, Stderr: []byte(r.stderr)}
	if r.code != 0 {
		return res, fmt.Errorf("%s: exit status %d", strings.Join(argv, " "), r.code)
	}
	return res, nil
}

func (f *fakeRunner) Run(ctx context.Context, argv []string) (remote.Result, error) {
	var out strings.Builder
	res, err := f.Stream(ctx, argv, func(l string) { out.WriteString(l + "\n") })
	res.Stdout = []byte(out.String())
	return res, err
}

func (f *fakeRunner) Dial(context.Context, string, string) (net.Conn, error) {
	return nil, errors.New("fake runner: no dialing")
}

func (f *fakeRunner) Close() error { return nil }

func (f *fakeRunner) recorded() [][]string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([][]string(nil), f.calls...)
}
