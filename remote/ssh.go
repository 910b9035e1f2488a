package remote

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"
	"time"
)

// SSHOptions says which host to reach and how to ask the operator.
type SSHOptions struct {
	// Alias is the host as the operator typed it: an ssh_config alias
	// or a host name, optionally as user@host.
	Alias string
	// ConfigFile is the ssh_config to use; "" = ~/.ssh/config (and the
	// system file), as ssh without -F.
	ConfigFile string
	// Prompter answers host key, passphrase and password questions;
	// nil means DenyPrompter.
	Prompter Prompter
	// OnState, if set, is called on every state change, in order, from
	// the runner's goroutines; it must not block (a UI posts a message).
	OnState func(ConnState)
	// NoOpenSSHResolve resolves ssh_config with the built-in parser
	// even when an ssh client is installed.
	NoOpenSSHResolve bool
	// SSHBinary is the client for `ssh -G`; "" = "ssh" on PATH.
	SSHBinary string
	// AgentSocket is the ssh-agent socket; "" = $SSH_AUTH_SOCK.
	AgentSocket string
	// NoAgent disables ssh-agent authentication.
	NoAgent bool
	// Home replaces the home directory for ~ and %d expansion ("" = the
	// current user's).
	Home string
	// MaxSessions bounds concurrent commands on the connection (sshd's
	// MaxSessions defaults to 10 and refuses the 11th); 0 = 8, a full
	// refresh's reads at once with room for an action. Callers beyond it
	// wait their turn; a refusal from sessions the server has not yet
	// counted as closed is retried (openSession).
	MaxSessions int
	// Backoff bounds reconnect delays; zero values mean 500 ms and 30 s.
	BackoffMin, BackoffMax time.Duration
}

// defaultKeepalive is used when ssh_config sets no ServerAliveInterval:
// a console must notice a dead server by itself.
const defaultKeepalive = 15 * time.Second

// SSHRunner is a Runner over one SSH connection, shared by all commands
// (each a session on it), re-established in the background when it drops.
type SSHRunner struct {
	opts     SSHOptions
	host     *HostConfig
	resolver *Resolver
	prompter *trackingPrompter
	sem      chan struct{}
	done     chan struct{} // closed by Close

	mu      sync.Mutex
	cur     *conn // nil while disconnected
	closed  bool
	lastErr error
	auths   map[string]*authenticator // per host alias, jump hosts included

	notifyMu sync.Mutex // orders state changes and OnState calls
	stateMu  sync.Mutex // guards state; never held during OnState
	state    ConnState

	wg sync.WaitGroup
}

// DialSSH resolves opts.Alias, connects and authenticates. It returns
// once the first connection is up, or with the error that prevented it:
// a *ConnError wrapping the cause, which may be a *HostKeyChangedError,
// a *HostKeyUnknownError or an authentication failure. The operator may
// be asked questions through opts.Prompter on the calling goroutine.
func DialSSH(ctx context.Context, opts SSHOptions) (*SSHRunner, error) {
	res := &Resolver{ConfigFile: opts.ConfigFile, NoOpenSSH: opts.NoOpenSSHResolve, SSHBinary: opts.SSHBinary, Home: opts.Home}
	host, err := res.Resolve(ctx, opts.Alias)
	if err != nil {
		return nil, err
	}
	p := opts.Prompter
	if p == nil {
		p = DenyPrompter{}
	}
	if opts.MaxSessions <= 0 {
		opts.MaxSessions = 8
	}
	if opts.BackoffMin <= 0 {
		opts.BackoffMin = 500 * time.Millisecond
	}
	if opts.BackoffMax <= 0 {
		opts.BackoffMax = 30 * time.Second
	}
	if opts.AgentSocket == "" && !opts.NoAgent {
		opts.AgentSocket = os.Getenv("SSH_AUTH_SOCK")
	}
	r := &SSHRunner{
		opts: opts, host: host, resolver: res, prompter: &trackingPrompter{p: p},
		sem: make(chan struct{}, opts.MaxSessions), done: make(chan struct{}),
		auths: map[string]*authenticator{},
	}
	r.setState(ConnState{Phase: Connecting})
	c, err := r.connect(ctx)
	if err != nil {
		r.setState(ConnState{Phase: Closed, LastErr: err})
		return nil, &ConnError{Host: host.Alias, Op: "connect", Err: err}
	}
	r.mu.Lock()
	r.cur = c
	r.mu.Unlock()
	r.setState(ConnState{Phase: Connected})
	r.wg.Add(1)
	go r.watch(c)
	return r, nil
}

// Host returns the resolved settings the runner connects with.
func (r *SSHRunner) Host() HostConfig { return *r.host }

// State returns the connection's current state.
func (r *SSHRunner) State() ConnState {
	r.stateMu.Lock()
	defer r.stateMu.Unlock()
	return r.state
}

// setState records s and reports it. OnState runs without stateMu held,
// so a callback may call State.
func (r *SSHRunner) setState(s ConnState) {
	r.notifyMu.Lock()
	defer r.notifyMu.Unlock()
	s.Since = time.Now()
	r.stateMu.Lock()
	// Closed is final: a reconnect attempt racing with Close must not
	// report itself afterwards, nor Close erase why reconnecting stopped.
	if r.state.Phase == Closed {
		r.stateMu.Unlock()
		return
	}
	r.state = s
	r.stateMu.Unlock()
	if r.opts.OnState != nil {
		r.opts.OnState(s)
	}
}

// current returns the live connection or a *ConnError saying it is down.
func (r *SSHRunner) current(op string) (*conn, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch {
	case r.closed:
		return nil, &ConnError{Host: r.host.Alias, Op: op, Err: ErrClosed}
	case r.cur == nil && r.lastErr != nil:
		return nil, &ConnError{Host: r.host.Alias, Op: op, Err: fmt.Errorf("%w: %w", ErrDisconnected, r.lastErr)}
	case r.cur == nil:
		return nil, &ConnError{Host: r.host.Alias, Op: op, Err: ErrDisconnected}
	}
	// Dead but not yet noticed by the watcher: already disconnected.
	select {
	case <-r.cur.dead:
		return nil, &ConnError{Host: r.host.Alias, Op: op, Err: fmt.Errorf("%w: %v", ErrDisconnected, r.cur.err)}
	default:
	}
	return r.cur, nil
}

// closeWait bounds how long Close waits for the reconnect goroutine. It
// can be blocked in a Prompter question that only the UI can end, and the
// UI may be the one calling Close.
const closeWait = time.Second

// Close ends the connection and the reconnect loop, and may be called
// more than once. A reconnect blocked in a Prompter question finishes in
// the background once the question returns; its connection is discarded.
func (r *SSHRunner) Close() error {
	r.mu.Lock()
	if r.closed {
		r.mu.Unlock()
		return nil
	}
	r.closed = true
	close(r.done)
	c := r.cur
	r.cur = nil
	r.mu.Unlock()
	if c != nil {
		c.close()
	}
	waited := make(chan struct{})
	go func() { r.wg.Wait(); close(waited) }()
	select {
	case <-waited:
	case <-time.After(closeWait):
	}
	r.setState(ConnState{Phase: Closed})
	return nil
}

// isFatal reports errors no retry can fix: reconnecting stops on them.
func isFatal(err error) bool {
	var changed *HostKeyChangedError
	return errors.As(err, &changed)
}
