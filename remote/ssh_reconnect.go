package remote

import (
	"context"
	"errors"
	"io"
	"time"
)

// watch keeps one connection alive with keepalives and, when it dies,
// reconnects with exponential backoff until it succeeds, the runner is
// closed, or the failure is one no retry can fix.
func (r *SSHRunner) watch(c *conn) {
	defer r.wg.Done()
	for {
		go r.keepalive(c)
		select {
		case <-r.done:
			return
		case <-c.dead:
		}
		c.close()
		cause := c.err
		if cause == nil {
			cause = io.EOF
		}
		r.mu.Lock()
		if r.closed {
			r.mu.Unlock()
			return
		}
		if r.cur == c {
			r.cur = nil
		}
		r.lastErr = cause
		r.mu.Unlock()
		if c = r.reconnect(cause); c == nil {
			return
		}
	}
}

// reconnect retries until connected (returning the new connection), or
// returns nil when closed or when the error cannot be fixed by retrying.
func (r *SSHRunner) reconnect(cause error) *conn {
	delay := r.opts.BackoffMin
	for attempt := 1; ; attempt++ {
		r.setState(ConnState{Phase: Reconnecting, Attempt: attempt, LastErr: cause})
		t := time.NewTimer(delay)
		select {
		case <-r.done:
			t.Stop()
			return nil
		case <-t.C:
		}
		ctx, cancel := context.WithCancel(context.Background())
		go func() {
			select {
			case <-r.done:
				cancel()
			case <-ctx.Done():
			}
		}()
		c, err := r.connect(ctx)
		cancel()
		if err == nil {
			r.mu.Lock()
			if r.closed {
				r.mu.Unlock()
				c.close()
				return nil
			}
			r.cur, r.lastErr = c, nil
			r.mu.Unlock()
			r.setState(ConnState{Phase: Connected})
			return c
		}
		cause = err
		r.mu.Lock()
		r.lastErr = err
		closed := r.closed
		r.mu.Unlock()
		if closed || errors.Is(err, context.Canceled) {
			return nil
		}
		if isFatal(err) {
			r.setState(ConnState{Phase: Closed, LastErr: err})
			return nil
		}
		if delay *= 2; delay > r.opts.BackoffMax {
			delay = r.opts.BackoffMax
		}
	}
}

// keepalive sends keepalive@openssh.com every ServerAliveInterval and
// closes the connection after ServerAliveCountMax unanswered ones, so a
// server that vanished without a FIN is noticed and commands on it end.
func (r *SSHRunner) keepalive(c *conn) {
	interval := r.host.ServerAliveInterval
	if interval <= 0 {
		interval = defaultKeepalive
	}
	maxMissed := r.host.ServerAliveCountMax
	if maxMissed <= 0 {
		maxMissed = 3
	}
	tick := time.NewTicker(interval)
	defer tick.Stop()
	missed := 0
	for {
		select {
		case <-c.dead:
			return
		case <-tick.C:
		}
		reply := make(chan error, 1)
		go func() {
			_, _, err := c.client.SendRequest("keepalive@openssh.com", true, nil)
			reply <- err
		}()
		select {
		case <-c.dead:
			return
		case err := <-reply:
			// Any reply, even "request failed", proves the server is
			// there; only an error from the transport counts as missed.
			if err == nil {
				missed = 0
				continue
			}
			missed = maxMissed
		case <-time.After(interval):
			missed++
		}
		if missed >= maxMissed {
			c.close()
			return
		}
	}
}
