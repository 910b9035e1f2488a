package snapshots

import (
	"context"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/remote"
)

// fakeRunner answers argv from a function and records every call.
type fakeRunner struct {
	mu     sync.Mutex
	calls  [][]string
	answer func(argv []string) (string, error)
	// pause is slept between streamed lines whose text is "PAUSE".
	pause time.Duration
}

func (f *fakeRunner) record(argv []string) (string, error) {
	f.mu.Lock()
	f.calls = append(f.calls, append([]string(nil), argv...))
	f.mu.Unlock()
	return f.answer(argv)
}

func (f *fakeRunner) Run(_ context.Context, argv []string) (remote.Result, error) {
	out, err := f.record(argv)
	return remote.Result{Stdout: []byte(out)}, err
}

func (f *fakeRunner) Stream(_ context.Context, argv []string, onLine func(string)) (remote.Result, error) {
	out, err := f.record(argv)
	for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if l == "PAUSE" {
			time.Sleep(f.pause)
			continue
		}
		onLine(l)
	}
	return remote.Result{}, err
}

func (f *fakeRunner) Dial(context.Context, string, string) (net.Conn, error) {
	return nil, errors.New("no dialing")
}

func (f *fakeRunner) Close() error { return nil }

func (f *fakeRunner) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.calls)
}

func fakeHost(f *fakeRunner, major, minor int) *ops.Host {
	return &ops.Host{Name: "fake", Runner: f, Privileged: f,
		Platform: ops.Platform{ZFSVersion: ops.ZFSVersion{Major: major, Minor: minor}}}
}

// fixture reads testdata/zfs/snapshots/NAME without its "# $ command"
// first line.
func fixture(t testing.TB, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "zfs", "snapshots", name))
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	if !strings.HasPrefix(s, "# $ ") {
		t.Fatalf("%s: no command line", name)
	}
	return s[strings.IndexByte(s, '\n')+1:]
}
