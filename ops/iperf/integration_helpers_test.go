package iperf

import (
	"bufio"
	"context"
	"io"
	"net"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ops/action"
	"github.com/opsdeck/opsdeck/remote"
	"github.com/opsdeck/opsdeck/remote/sshtest"
)

// These tests run real iperf3 (apt package iperf3) through a real sshd
// on 127.0.0.1. sshd runs the commands as the test's user; as root, it
// delivers no signals, which is what the cancel test is about.

func needIperf3(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("iperf3"); err != nil {
		t.Skip("iperf3 not installed (apt-get install iperf3)")
	}
}

// sshHost connects to a fresh sshd and returns the host and its history.
func sshHost(t *testing.T) (*ops.Host, *History) {
	t.Helper()
	needIperf3(t)
	srv := sshtest.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	r, err := remote.DialSSH(ctx, remote.SSHOptions{Alias: srv.Alias, ConfigFile: srv.ConfigFile, NoAgent: true})
	if err != nil {
		t.Fatalf("dial: %v\n%s", err, srv.Logs())
	}
	t.Cleanup(func() { r.Close() })
	hist, err := OpenHistory(filepath.Join(t.TempDir(), "iperf3"))
	if err != nil {
		t.Fatal(err)
	}
	return &ops.Host{Name: srv.Alias, Runner: r, Privileged: r}, hist
}

func executor(t *testing.T, host string) *action.Executor {
	t.Helper()
	audit, err := action.OpenAuditLog(filepath.Join(t.TempDir(), "audit.log"))
	if err != nil {
		t.Fatal(err)
	}
	return &action.Executor{Audit: audit, Host: host, User: "test", CleanupTimeout: 20 * time.Second}
}

// freePort is a TCP port nothing listens on right now.
func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// assertNoIperf3 fails unless no iperf3 process using port is left,
// allowing a few seconds for killed ones to exit.
func assertNoIperf3(t *testing.T, port int) {
	t.Helper()
	assertNoProcess(t, `^(timeout .*)?iperf3 .*-p `+strconv.Itoa(port)+`( |$)`)
}

// assertNoProcess fails unless no process matches pattern (pgrep -f),
// allowing a few seconds for killed ones to exit.
func assertNoProcess(t *testing.T, pattern string) {
	t.Helper()
	var out []byte
	for deadline := time.Now().Add(8 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		var err error
		out, err = exec.Command("pgrep", "-a", "-f", pattern).Output()
		if err != nil { // exit 1: nothing matched
			return
		}
	}
	t.Errorf("processes left behind (%s):\n%s", pattern, out)
}

// collector parses the lines an action streams, as the UI does.
type collector struct {
	mu    sync.Mutex
	p     *LineParser
	lines []string
	first chan struct{} // closed at the first interval
	once  sync.Once
}

func newCollector() *collector {
	return &collector{p: NewLineParser(FormatAuto), first: make(chan struct{})}
}

func (c *collector) line(l string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.lines = append(c.lines, l)
	if iv, _, _ := c.p.Feed(l); iv != nil {
		c.once.Do(func() { close(c.first) })
	}
}

// startServer runs a lasting iperf3 server on port for the test, and
// waits until it says it listens.
func startServer(t *testing.T, port int) {
	t.Helper()
	srv := exec.Command("iperf3", "-s", "-p", strconv.Itoa(port), "--forceflush")
	out, err := srv.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Process.Kill(); srv.Wait() })
	if !waitFor(out, "Server listening on ") {
		t.Fatal("iperf3 server did not listen")
	}
}

// waitFor reads r until a line contains s, then keeps draining r in the
// background so the writer never blocks.
func waitFor(r io.Reader, s string) bool {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		if strings.Contains(sc.Text(), s) {
			go func() {
				for sc.Scan() {
				}
			}()
			return true
		}
	}
	return false
}
