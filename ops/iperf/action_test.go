package iperf

import (
	"context"
	"errors"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ops/action"
	"github.com/opsdeck/opsdeck/remote"
)

// missingRunner is a host without iperf3: every command exits 127 the
// way a shell says so.
type missingRunner struct {
	mu    sync.Mutex
	calls []string
}

func (m *missingRunner) Run(_ context.Context, argv []string) (remote.Result, error) {
	m.mu.Lock()
	m.calls = append(m.calls, strings.Join(argv, " "))
	m.mu.Unlock()
	if argv[0] == "pkill" {
		// Nothing to kill.
		return remote.Result{ExitCode: 1}, &remote.ExitError{Argv: argv, Code: 1}
	}
	stderr := "bash: line 1: " + argv[0] + ": command not found\n"
	return remote.Result{ExitCode: 127, Stderr: []byte(stderr)}, &remote.ExitError{Argv: argv, Code: 127, Stderr: stderr, Host: "zfs1"}
}

func (m *missingRunner) Stream(ctx context.Context, argv []string, _ func(string)) (remote.Result, error) {
	return m.Run(ctx, argv)
}

func (m *missingRunner) Dial(context.Context, string, string) (net.Conn, error) {
	return nil, errors.New("no dialing here")
}

func (m *missingRunner) Close() error { return nil }

func TestActionShape(t *testing.T) {
	r := &missingRunner{}
	h := &ops.Host{Name: "zfs1", Runner: r, Privileged: r}
	a := TestAction(h, Spec{Target: "10.0.0.2", TargetName: "peer-b", Duration: 5 * time.Second, Parallel: 4, Reverse: true, Congestion: "bbr", ServerOnHost: true}, nil)
	if err := a.Validate(); err != nil {
		t.Fatal(err)
	}
	if a.Danger != action.Change || a.ID != ActionID {
		t.Errorf("danger %v id %q", a.Danger, a.ID)
	}
	c := a.Confirmation()
	want := "Load the link with an iperf3 test from zfs1 (5 s, 4 streams, reverse, bbr) on peer-b (10.0.0.2 port 5201)? [y/N]"
	if c.Prompt != want || c.Expect != "y" {
		t.Errorf("prompt %q", c.Prompt)
	}
	var lines []string
	for _, cmd := range a.Commands() {
		prefix := ""
		if cmd.Cleanup {
			prefix = "cleanup: "
		}
		lines = append(lines, prefix+cmd.Line)
	}
	got := strings.Join(lines, "\n")
	for _, want := range []string{
		"iperf3 --version",
		"timeout -k 5 65 iperf3 -s -1 -p 5201 --forceflush -I /tmp/opsdeck-iperf3-",
		"timeout -k 5 35 iperf3 -c 10.0.0.2 -p 5201 -t 5 -P 4 -R -C bbr --connect-timeout 5000 -i 1 --forceflush -f k -V --extra-data opsdeck-",
		"cleanup: pkill -x -f 'iperf3 -c 10\\.0\\.0\\.2",
		"cleanup: pkill -x -f 'iperf3 -s -1 -p 5201",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("commands lack %q:\n%s", want, got)
		}
	}
	if n := len(a.Commands()); n != 6 {
		t.Errorf("%d commands, want version, server, client, stop server + 2 cleanup:\n%s", n, got)
	}
	// Two actions never share a marker.
	b := TestAction(h, Spec{Target: "10.0.0.2"}, nil)
	if a.Commands()[2].Line == b.Commands()[1].Line {
		t.Error("two tests got the same marker")
	}
}

func TestActionBadSpecRefused(t *testing.T) {
	r := &missingRunner{}
	a := TestAction(&ops.Host{Name: "zfs1", Runner: r}, Spec{Target: "-oops"}, nil)
	if err := a.Validate(); err == nil || !strings.Contains(err.Error(), "not a host name") {
		t.Errorf("validate: %v", err)
	}
}

func TestActionIperf3Missing(t *testing.T) {
	r := &missingRunner{}
	h := &ops.Host{Name: "zfs1", Runner: r, Privileged: r}
	a := TestAction(h, Spec{Target: "127.0.0.1", ServerOnHost: true}, nil)
	audit, err := action.OpenAuditLog(t.TempDir() + "/audit.log")
	if err != nil {
		t.Fatal(err)
	}
	res := (&action.Executor{Audit: audit, Host: "zfs1"}).Run(context.Background(), a, nil)
	var e *Error
	if !errors.As(res.Err, &e) || e.Kind != KindMissing {
		t.Fatalf("error %v, want iperf3 missing", res.Err)
	}
	if !strings.Contains(res.Err.Error(), "iperf3 is not installed on zfs1: install it (Debian/Ubuntu: apt-get install iperf3") {
		t.Errorf("message %q", res.Err)
	}
	// Nothing but the check ran, then both cleanup kills (harmless).
	if len(r.calls) != 3 || r.calls[0] != "iperf3 --version" || !strings.HasPrefix(r.calls[1], "pkill") || !strings.HasPrefix(r.calls[2], "pkill") {
		t.Errorf("calls %q", r.calls)
	}
}

func TestActionReadOnly(t *testing.T) {
	r := &missingRunner{}
	a := TestAction(&ops.Host{Name: "zfs1", Runner: r}, Spec{Target: "127.0.0.1"}, nil)
	res := (&action.Executor{ReadOnly: true}).Run(context.Background(), a, nil)
	if !errors.Is(res.Err, action.ErrReadOnly) || len(r.calls) != 0 {
		t.Errorf("read-only ran something: %v %q", res.Err, r.calls)
	}
	if len(a.Commands()) != 3 {
		t.Errorf("read-only preview %+v", a.Commands())
	}
}
