package remote

import (
	"context"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/crypto/ssh"
)

// maxJumpDepth bounds ProxyJump chains (jump hosts with their own
// ProxyJump), so a loop in ssh_config fails instead of recursing forever.
const maxJumpDepth = 8

// defaultHandshakeTimeout bounds a silent server when ssh_config sets no
// ConnectTimeout; time spent waiting for the operator does not count.
const defaultHandshakeTimeout = 30 * time.Second

// conn is one established connection: the target's client plus whatever
// carries it (jump host clients, a ProxyCommand), closed together.
type conn struct {
	client  *ssh.Client
	carrier []interface{ Close() error } // closed after client, innermost first
	dead    chan struct{}                // closed when client.Wait returns
	err     error                        // why it died, valid after dead
	once    sync.Once
}

func (c *conn) close() {
	c.once.Do(func() {
		c.client.Close()
		for i := len(c.carrier) - 1; i >= 0; i-- {
			c.carrier[i].Close()
		}
	})
}

// connect builds the whole path to the target and authenticates.
func (r *SSHRunner) connect(ctx context.Context) (*conn, error) {
	client, carrier, err := r.connectHost(ctx, r.host, nil, 0)
	if err != nil {
		return nil, err
	}
	c := &conn{client: client, carrier: carrier, dead: make(chan struct{})}
	go func() {
		c.err = client.Wait()
		close(c.dead)
	}()
	return c, nil
}

// connectHost reaches h: through via (a previous hop) when given, else by
// h's own ProxyCommand, ProxyJump or a direct TCP connection.
func (r *SSHRunner) connectHost(ctx context.Context, h *HostConfig, via *ssh.Client, depth int) (*ssh.Client, []interface{ Close() error }, error) {
	if depth > maxJumpDepth {
		return nil, nil, fmt.Errorf("ProxyJump chain to %s is deeper than %d hops (a loop in ssh_config?)", h.Alias, maxJumpDepth)
	}
	var carrier []interface{ Close() error }
	fail := func(err error) (*ssh.Client, []interface{ Close() error }, error) {
		for i := len(carrier) - 1; i >= 0; i-- {
			carrier[i].Close()
		}
		return nil, nil, err
	}
	var raw net.Conn
	var err error
	// The TCP (or channel) connect is bounded by ConnectTimeout, as in
	// ssh; the clock starts after any jump hosts are up.
	dialCtx := func() (context.Context, context.CancelFunc) {
		limit := h.ConnectTimeout
		if limit <= 0 {
			limit = defaultHandshakeTimeout
		}
		return context.WithTimeout(ctx, limit)
	}
	switch {
	case via != nil:
		dctx, cancel := dialCtx()
		raw, err = via.DialContext(dctx, "tcp", h.Address())
		cancel()
	case h.ProxyCommand != "":
		var p *proxyConn
		if p, err = startProxyCommand(h.ProxyCommand); err == nil {
			raw = p
		}
	case h.ProxyJump != "":
		var jump *ssh.Client
		jump, carrier, err = r.connectJumps(ctx, h.ProxyJump, depth)
		if err == nil {
			dctx, cancel := dialCtx()
			raw, err = jump.DialContext(dctx, "tcp", h.Address())
			cancel()
		}
	default:
		dctx, cancel := dialCtx()
		var d net.Dialer
		raw, err = d.DialContext(dctx, "tcp", h.Address())
		cancel()
	}
	if err != nil {
		return fail(fmt.Errorf("connect to %s (%s): %w", h.Alias, h.Address(), err))
	}
	client, err := r.handshake(ctx, raw, h)
	if err != nil {
		if p, ok := raw.(*proxyConn); ok {
			if msg := strings.TrimSpace(p.stderr.String()); msg != "" {
				err = fmt.Errorf("%w (ProxyCommand said: %s)", err, lastLine(msg))
			}
		}
		return fail(err)
	}
	return client, carrier, nil
}

// connectJumps connects through a ProxyJump chain and returns the last
// hop's client. Like ssh, the first hop honours its own ssh_config
// (including its own ProxyJump); later hops are reached through the
// previous one.
func (r *SSHRunner) connectJumps(ctx context.Context, chain string, depth int) (*ssh.Client, []interface{ Close() error }, error) {
	var carrier []interface{ Close() error }
	var prev *ssh.Client
	for i, spec := range strings.Split(chain, ",") {
		h, err := r.resolveJump(ctx, strings.TrimSpace(spec))
		if err == nil {
			var client *ssh.Client
			var sub []interface{ Close() error }
			if i == 0 {
				client, sub, err = r.connectHost(ctx, h, nil, depth+1)
			} else {
				client, sub, err = r.connectHost(ctx, h, prev, depth+1)
			}
			if err == nil {
				carrier = append(append(carrier, sub...), client)
				prev = client
				continue
			}
		}
		for j := len(carrier) - 1; j >= 0; j-- {
			carrier[j].Close()
		}
		return nil, nil, fmt.Errorf("ProxyJump %s: %w", spec, err)
	}
	return prev, carrier, nil
}

// resolveJump turns one ProxyJump element, [user@]host[:port] or
// ssh://[user@]host[:port], into settings: host may itself be an alias.
func (r *SSHRunner) resolveJump(ctx context.Context, spec string) (*HostConfig, error) {
	user, hostport := "", strings.TrimPrefix(spec, "ssh://")
	if strings.HasPrefix(spec, "ssh://") {
		u, err := url.Parse(spec)
		if err != nil {
			return nil, err
		}
		user, hostport = u.User.Username(), u.Host
	} else if at := strings.LastIndexByte(hostport, '@'); at >= 0 {
		user, hostport = hostport[:at], hostport[at+1:]
	}
	host, port := hostport, ""
	if h, p, err := net.SplitHostPort(hostport); err == nil {
		host, port = h, p
	}
	h, err := r.resolver.Resolve(ctx, host)
	if err != nil {
		return nil, err
	}
	if user != "" {
		h.User = user
	}
	if port != "" {
		if h.Port, err = strconv.Atoi(port); err != nil || h.Port < 1 || h.Port > 65535 {
			return nil, fmt.Errorf("bad port in ProxyJump %q", spec)
		}
	}
	return h, nil
}

// authFor returns the authenticator of h, one per alias for the runner's
// life, so decrypted keys survive reconnects.
func (r *SSHRunner) authFor(h *HostConfig) *authenticator {
	r.mu.Lock()
	defer r.mu.Unlock()
	key := h.User + "@" + h.Alias
	a, ok := r.auths[key]
	if !ok {
		a = newAuthenticator(h, r.prompter, r.opts.AgentSocket)
		r.auths[key] = a
	}
	return a
}

// handshake runs the SSH handshake on raw. A watchdog closes raw when
// ctx ends or the server stays silent too long, because connections
// through a jump host or a ProxyCommand cannot rely on the TCP timeout.
func (r *SSHRunner) handshake(ctx context.Context, raw net.Conn, h *HostConfig) (*ssh.Client, error) {
	policy := newHostKeyPolicy(h, r.prompter)
	algos, err := policy.algorithms(h.Address())
	if err != nil {
		raw.Close()
		return nil, fmt.Errorf("known_hosts: %w", err)
	}
	methods, closeAgent := r.authFor(h).methods()
	defer closeAgent()
	cfg := &ssh.ClientConfig{
		User:              h.User,
		Auth:              methods,
		HostKeyCallback:   policy.callback(h.Address()),
		HostKeyAlgorithms: algos,
	}
	limit := h.ConnectTimeout
	if limit <= 0 {
		limit = defaultHandshakeTimeout
	}
	stop := make(chan struct{})
	timedOut := make(chan struct{})
	go r.prompter.watchdog(ctx, raw, limit, stop, timedOut)
	sc, chans, reqs, err := ssh.NewClientConn(raw, h.Address(), cfg)
	close(stop)
	if err != nil {
		select {
		case <-timedOut:
			return nil, fmt.Errorf("ssh %s: no answer within %v (ConnectTimeout): %w", h.Alias, limit, context.DeadlineExceeded)
		default:
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("ssh %s: %w", h.Alias, err)
	}
	return ssh.NewClient(sc, chans, reqs), nil
}
