package demo

import (
	"bytes"
	"context"
	"errors"
	"net"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/knownhosts"
)

var demoEpoch = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)

func startTestServer(t *testing.T) (*Server, *ManualClock) {
	t.Helper()
	clk := NewManualClock(demoEpoch)
	srv, err := Start(context.Background(), t.TempDir(), clk)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return srv, clk
}

// dialGo connects with x/crypto/ssh using only the files Start wrote.
func dialGo(t *testing.T, srv *Server) *ssh.Client {
	t.Helper()
	pem, err := os.ReadFile(srv.IdentityFile())
	if err != nil {
		t.Fatal(err)
	}
	signer, err := ssh.ParsePrivateKey(pem)
	if err != nil {
		t.Fatal(err)
	}
	hostKeys, err := knownhosts.New(srv.KnownHostsFile())
	if err != nil {
		t.Fatal(err)
	}
	c, err := ssh.Dial("tcp", srv.Addr(), &ssh.ClientConfig{User: "demo",
		Auth: []ssh.AuthMethod{ssh.PublicKeys(signer)}, HostKeyCallback: hostKeys, Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

func runGo(t *testing.T, c *ssh.Client, cmd string) (string, string, int) {
	t.Helper()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	var out, errb bytes.Buffer
	sess.Stdout, sess.Stderr = &out, &errb
	code := 0
	if err := sess.Run(cmd); err != nil {
		var ee *ssh.ExitError
		if !errors.As(err, &ee) {
			t.Fatalf("%s: %v", cmd, err)
		}
		code = ee.ExitStatus()
	}
	return out.String(), errb.String(), code
}

func TestServerWithGoClient(t *testing.T) {
	srv, clk := startTestServer(t)
	if !strings.HasPrefix(srv.Addr(), "127.0.0.1:") || srv.Alias() != "opsdeck-demo" {
		t.Fatalf("Addr %q Alias %q", srv.Addr(), srv.Alias())
	}
	c := dialGo(t, srv)
	out, _, code := runGo(t, c, "zpool status -v -p")
	if code != 0 || !strings.Contains(out, "ata-ST16000NM001G-2KK103_ZL2A0KQH") {
		t.Fatalf("status: %d %q", code, out)
	}
	if _, _, code := runGo(t, c, "sudo -n -- zpool scrub tank"); code != 0 {
		t.Fatalf("scrub exit %d", code)
	}
	clk.Advance(30 * time.Second)
	out, _, _ = runGo(t, c, "zpool status tank")
	if !strings.Contains(out, "scrub in progress since Thu Nov 26 12:00:00 2026") {
		t.Fatalf("no scrub in progress:\n%s", out)
	}
	_, stderr, code := runGo(t, c, "zpool status; id")
	if code != 127 || !strings.Contains(stderr, "runs no shell") {
		t.Fatalf("metacharacters: %d %q", code, stderr)
	}
	_, stderr, code = runGo(t, c, "rm -rf /")
	if code != 127 || stderr != "bash: line 1: rm: command not found\n" {
		t.Fatalf("unknown command: %d %q", code, stderr)
	}
	if ok, _, err := c.SendRequest("keepalive@openssh.com", true, nil); err != nil || ok {
		t.Fatalf("keepalive: ok=%v err=%v, want a failure reply like sshd", ok, err)
	}
	if _, err := c.Dial("tcp", "127.0.0.1:22"); err == nil {
		t.Fatal("direct-tcpip was accepted")
	}
}

func TestServerRefusesOtherKeysAndUsers(t *testing.T) {
	srv, _ := startTestServer(t)
	hostKeys, err := knownhosts.New(srv.KnownHostsFile())
	if err != nil {
		t.Fatal(err)
	}
	other, _, err := newSigner()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ssh.Dial("tcp", srv.Addr(), &ssh.ClientConfig{User: "demo",
		Auth: []ssh.AuthMethod{ssh.PublicKeys(other)}, HostKeyCallback: hostKeys}); err == nil {
		t.Fatal("a foreign key was accepted")
	}
	pem, _ := os.ReadFile(srv.IdentityFile())
	signer, err := ssh.ParsePrivateKey(pem)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ssh.Dial("tcp", srv.Addr(), &ssh.ClientConfig{User: "root",
		Auth: []ssh.AuthMethod{ssh.PublicKeys(signer)}, HostKeyCallback: hostKeys}); err == nil {
		t.Fatal("user root was accepted")
	}
	fi, err := os.Stat(srv.IdentityFile())
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("identity file mode: %v %v", fi.Mode(), err)
	}
}

func TestServerWithOpenSSHClient(t *testing.T) {
	sshBin, err := exec.LookPath("ssh")
	if err != nil {
		t.Skip("OpenSSH client not installed (apt install openssh-client)")
	}
	srv, _ := startTestServer(t)
	run := func(args ...string) (string, string, int) {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		cmd := exec.CommandContext(ctx, sshBin, append([]string{"-F", srv.ConfigFile(),
			"-o", "BatchMode=yes", srv.Alias()}, args...)...)
		// No agent: the only key on offer is the one Start wrote.
		cmd.Env = append(os.Environ(), "SSH_AUTH_SOCK=")
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		var ee *exec.ExitError
		if err != nil && !errors.As(err, &ee) {
			t.Fatal(err)
		}
		return out.String(), errb.String(), cmd.ProcessState.ExitCode()
	}
	out, stderr, code := run("zpool", "status")
	if code != 0 || !strings.HasPrefix(out, "  pool: tank\n state: ONLINE\n") {
		t.Fatalf("ssh zpool status: exit %d\n%s\n%s", code, out, stderr)
	}
	// ssh joins its arguments with spaces; the quoting is ours to add.
	out, _, code = run("sh", "-c", `'for t in zpool zfs curl wg; do command -v "$t"; done; exit 0'`)
	if code != 0 || out != "/usr/sbin/zpool\n/usr/sbin/zfs\n/usr/bin/curl\n/usr/bin/wg\n" {
		t.Fatalf("tools probe: exit %d %q", code, out)
	}
	_, stderr, code = run("zpool", "scrub", "nosuchpool")
	if code != 1 || stderr != "cannot open 'nosuchpool': no such pool\n" {
		t.Fatalf("scrub of a missing pool: exit %d %q", code, stderr)
	}

	// A server with another host key on the same port must be refused.
	os.WriteFile(srv.KnownHostsFile(), []byte("[127.0.0.1]:1 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHrxQZ3wGBn8+HTXZbmGhXvpmdb6G/LmiuHyrhjG4bl9\n"), 0o600)
	if _, _, code := run("true"); code != 255 {
		t.Fatalf("unknown host key: exit %d, want ssh's 255", code)
	}
}

func TestServerCloseDropsConnections(t *testing.T) {
	srv, _ := startTestServer(t)
	c := dialGo(t, srv)
	if err := srv.Close(); err != nil && !errors.Is(err, net.ErrClosed) {
		t.Fatal(err)
	}
	if _, err := c.NewSession(); err == nil {
		t.Fatal("session opened after Close")
	}
	if _, err := net.DialTimeout("tcp", srv.Addr(), time.Second); err == nil {
		t.Fatal("still listening after Close")
	}
	srv.Close()
}

func TestServerStopsWithContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	srv, err := Start(ctx, t.TempDir(), NewManualClock(demoEpoch))
	if err != nil {
		t.Fatal(err)
	}
	cancel()
	deadline := time.Now().Add(5 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", srv.Addr(), time.Second)
		if err != nil {
			break
		}
		c.Close()
		if time.Now().After(deadline) {
			t.Fatal("server still listening after its context ended")
		}
		time.Sleep(10 * time.Millisecond)
	}
	srv.Close()
}
