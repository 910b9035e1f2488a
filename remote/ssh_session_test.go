package remote

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/opsdeck/opsdeck/remote/sshtest"
)

func TestSSHConcurrentSessionsOneConnection(t *testing.T) {
	t.Parallel()
	srv := sshtest.Start(t)
	r, err := dialTest(t, srv, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	// More commands at once than sshd's default MaxSessions (10).
	const n = 25
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, err := r.Run(testCtx(t), []string{"sh", "-c", "sleep 0.2; echo done"})
			if err == nil && string(res.Stdout) != "done\n" {
				err = errors.New("bad output " + string(res.Stdout))
			}
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	if c := strings.Count(srv.Logs(), "Accepted publickey"); c != 1 {
		t.Errorf("%d logins, want 1 connection for all sessions", c)
	}
}

func TestSSHStream(t *testing.T) {
	t.Parallel()
	srv := sshtest.Start(t)
	r, err := dialTest(t, srv, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	_, err = r.Stream(testCtx(t), []string{"sh", "-c", "for i in 1 2 3; do echo line $i; sleep 0.05; done"}, func(l string) {
		lines = append(lines, l)
	})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(lines, "|") != "line 1|line 2|line 3" {
		t.Errorf("lines = %q", lines)
	}
}

func TestSSHStderrBounded(t *testing.T) {
	t.Parallel()
	srv := sshtest.Start(t)
	r, err := dialTest(t, srv, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	script := "head -c 300000 /dev/zero | tr '\\0' x >&2; echo >&2; echo 'cannot open tank: permission denied' >&2; exit 1"
	res, err := r.Run(testCtx(t), []string{"sh", "-c", script})
	if len(res.Stderr) > MaxStderr {
		t.Errorf("kept %d bytes of stderr", len(res.Stderr))
	}
	var ee *ExitError
	if !errors.As(err, &ee) || len(ee.Stderr) > MaxStderr {
		t.Fatalf("err = %v", err)
	}
	if !strings.HasSuffix(ee.Stderr, "permission denied\n") || !errors.Is(err, ErrPermissionDenied) {
		t.Errorf("tail lost or not classified: ...%q", ee.Stderr[len(ee.Stderr)-40:])
	}
}

// remoteProcessGone waits until no process has marker in its command line.
func remoteProcessGone(t *testing.T, marker string, within time.Duration) bool {
	deadline := time.Now().Add(within)
	for time.Now().Before(deadline) {
		found := false
		cmdlines, _ := filepath.Glob("/proc/[0-9]*/cmdline")
		for _, f := range cmdlines {
			if data, err := os.ReadFile(f); err == nil && strings.Contains(string(data), marker) {
				found = true
				break
			}
		}
		if !found {
			return true
		}
		time.Sleep(50 * time.Millisecond)
	}
	return false
}

func TestSSHContextCancelKillsRemoteCommand(t *testing.T) {
	t.Parallel()
	srv := sshtest.Start(t)
	r, err := dialTest(t, srv, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	// A distinctive argument identifies the remote process in /proc
	// (the "remote" host is this machine). It writes periodically, like
	// `zpool iostat 1`: sshd ignores signal requests for root logins, so
	// a root command ends when it writes to the closed channel.
	marker := fmt.Sprintf("opsdeck-cancel-%d", time.Now().UnixNano())
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err = r.Run(ctx, []string{"sh", "-c", "while :; do echo tick; sleep 0.1; done", marker})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v", err)
	}
	if d := time.Since(start); d > 4*time.Second {
		t.Errorf("cancel took %v", d)
	}
	if !remoteProcessGone(t, marker, 5*time.Second) {
		t.Error("remote command still running after cancel")
	}
	// The connection is still good.
	if _, err := r.Run(testCtx(t), []string{"true"}); err != nil {
		t.Errorf("run after cancel: %v", err)
	}
}

func TestSSHDialThroughConnection(t *testing.T) {
	t.Parallel()
	srv := sshtest.Start(t)
	r, err := dialTest(t, srv, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		defer c.Close()
		io.Copy(c, c) // echo
	}()
	c, err := r.Dial(testCtx(t), "tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, err := c.Write([]byte("ping")); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 4)
	if _, err := io.ReadFull(c, buf); err != nil || string(buf) != "ping" {
		t.Fatalf("echo = %q, %v", buf, err)
	}
	// A closed port is the remote refusing, not the connection failing.
	ln2, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := ln2.Addr().String()
	ln2.Close()
	_, err = r.Dial(testCtx(t), "tcp", addr)
	var ce *ConnError
	if err == nil || errors.As(err, &ce) {
		t.Errorf("dial to closed port: err = %v, want a non-ConnError", err)
	}
}

// TestSSHSessionRefusalRetried lets the runner open as many sessions as
// sshd's MaxSessions (10) in quick bursts of short commands: sshd still
// counts sessions it has not finished closing, refuses the next channel,
// and the runner must retry rather than fail the command.
func TestSSHSessionRefusalRetried(t *testing.T) {
	t.Parallel()
	srv := sshtest.Start(t)
	r, err := dialTest(t, srv, nil, func(o *SSHOptions) { o.MaxSessions = 10 })
	if err != nil {
		t.Fatal(err)
	}
	for burst := 0; burst < 5; burst++ {
		var wg sync.WaitGroup
		errs := make(chan error, 30)
		for i := 0; i < 30; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, err := r.Run(testCtx(t), []string{"true"})
				errs <- err
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatalf("burst %d: %v", burst, err)
			}
		}
	}
}
