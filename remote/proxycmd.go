package remote

import (
	"errors"
	"fmt"
	"io"
	"net"
	"os/exec"
	"sync"
	"time"
)

// proxyConn is a ProxyCommand's standard input and output used as the
// connection to the SSH server, as ssh does.
type proxyConn struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	stdout io.ReadCloser
	stderr *lockedTail
	once   sync.Once
}

// startProxyCommand runs command with the user's shell semantics (sh -c,
// exec'd so no shell lingers between us and the proxy).
func startProxyCommand(command string) (*proxyConn, error) {
	cmd := exec.Command("/bin/sh", "-c", "exec "+command)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	p := &proxyConn{cmd: cmd, stdin: stdin, stdout: stdout, stderr: &lockedTail{t: newTailBuffer(4 << 10)}}
	cmd.Stderr = p.stderr
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("ProxyCommand %q: %w", command, err)
	}
	return p, nil
}

// The net.Conn methods: data flows through the proxy's stdio.

func (p *proxyConn) Read(b []byte) (int, error)  { return p.stdout.Read(b) }
func (p *proxyConn) Write(b []byte) (int, error) { return p.stdin.Write(b) }

// Close ends the proxy: closing its stdin lets it exit cleanly, the kill
// makes sure it does.
func (p *proxyConn) Close() error {
	p.once.Do(func() {
		p.stdin.Close()
		_ = p.cmd.Process.Kill()
		_ = p.cmd.Wait()
	})
	return nil
}

func (p *proxyConn) LocalAddr() net.Addr  { return proxyAddr{} }
func (p *proxyConn) RemoteAddr() net.Addr { return proxyAddr{} }

var errNoDeadline = errors.New("ProxyCommand connection: deadlines not supported")

func (p *proxyConn) SetDeadline(time.Time) error      { return errNoDeadline }
func (p *proxyConn) SetReadDeadline(time.Time) error  { return errNoDeadline }
func (p *proxyConn) SetWriteDeadline(time.Time) error { return errNoDeadline }

type proxyAddr struct{}

func (proxyAddr) Network() string { return "proxy" }
func (proxyAddr) String() string  { return "proxycommand" }

// lockedTail keeps the tail of the proxy's stderr for error messages;
// exec's copier writes it while a failed handshake reads it.
type lockedTail struct {
	mu sync.Mutex
	t  *tailBuffer
}

func (l *lockedTail) Write(b []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.t.Write(b)
}

func (l *lockedTail) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return string(l.t.Bytes())
}
