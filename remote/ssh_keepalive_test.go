package remote

import (
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/crypto/ssh/knownhosts"

	"github.com/opsdeck/opsdeck/remote/sshtest"
)

// freezeProxy forwards TCP to a target; Freeze makes every connection it
// carries so far go silent (bytes are swallowed, nothing is closed), like
// a server that vanished from the network without a FIN. Later
// connections are forwarded normally.
type freezeProxy struct {
	ln     net.Listener
	mu     sync.Mutex
	frozen []*atomic.Bool
	live   []*atomic.Bool
}

func startFreezeProxy(t *testing.T, target string) *freezeProxy {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &freezeProxy{ln: ln}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			up, err := net.Dial("tcp", target)
			if err != nil {
				c.Close()
				continue
			}
			flag := &atomic.Bool{}
			p.mu.Lock()
			p.live = append(p.live, flag)
			p.mu.Unlock()
			t.Cleanup(func() { c.Close(); up.Close() })
			go pump(up, c, flag)
			go pump(c, up, flag)
		}
	}()
	return p
}

func pump(dst io.Writer, src io.Reader, frozen *atomic.Bool) {
	buf := make([]byte, 32<<10)
	for {
		n, err := src.Read(buf)
		if err != nil {
			return
		}
		if !frozen.Load() {
			if _, err := dst.Write(buf[:n]); err != nil {
				return
			}
		}
	}
}

func (p *freezeProxy) Freeze() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, f := range p.live {
		f.Store(true)
	}
}

func (p *freezeProxy) Port() int { return p.ln.Addr().(*net.TCPAddr).Port }

// TestSSHKeepaliveDetectsSilentServer: keepalives notice a connection
// that went silent, the command on it fails instead of hanging, and the
// runner reconnects.
func TestSSHKeepaliveDetectsSilentServer(t *testing.T) {
	t.Parallel()
	srv := sshtest.Start(t)
	proxy := startFreezeProxy(t, srv.Addr())
	kh := filepath.Join(t.TempDir(), "known_hosts")
	line := knownhosts.Line([]string{knownhosts.Normalize(fmt.Sprintf("127.0.0.1:%d", proxy.Port()))}, srv.HostKey)
	if err := os.WriteFile(kh, []byte(line+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg := writeConfig(t, srv.HostBlock(fmt.Sprintf("Port %d", proxy.Port()), "UserKnownHostsFile "+kh,
		"ServerAliveInterval 1", "ServerAliveCountMax 2"))
	log := &stateLog{}
	r, err := dialTest(t, srv, nil, func(o *SSHOptions) {
		o.ConfigFile = cfg
		o.BackoffMin = 100 * time.Millisecond
		o.OnState = log.add
	})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := r.Run(testCtx(t), []string{"sleep", "60"})
		done <- err
	}()
	time.Sleep(300 * time.Millisecond)
	proxy.Freeze()
	select {
	case err := <-done:
		var ce *ConnError
		if !errors.As(err, &ce) {
			t.Fatalf("err = %v, want *ConnError", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("Run hung on a silent connection")
	}
	log.waitFor(t, []ConnPhase{Connecting, Connected, Reconnecting, Connected}, 20*time.Second)
	if _, err := r.Run(testCtx(t), []string{"true"}); err != nil {
		t.Fatalf("after reconnect: %v", err)
	}
}
