package remote

import (
	"context"
	"net"
	"sync"
	"time"
)

// trackingPrompter wraps the operator's Prompter and records when a
// question is open, so timeouts do not run while a human is thinking.
type trackingPrompter struct {
	p    Prompter
	mu   sync.Mutex
	open int
	last time.Time // when the last question was answered
}

func (t *trackingPrompter) begin() { t.mu.Lock(); t.open++; t.mu.Unlock() }
func (t *trackingPrompter) end()   { t.mu.Lock(); t.open--; t.last = time.Now(); t.mu.Unlock() }

// idleSince returns when the silence being timed began: start, or the
// last answer if later; ok is false while a question is open.
func (t *trackingPrompter) idleSince(start time.Time) (time.Time, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.open > 0 {
		return time.Time{}, false
	}
	if t.last.After(start) {
		return t.last, true
	}
	return start, true
}

// watchdog closes raw if ctx ends, or if limit passes without an open
// question, until stop is closed.
func (t *trackingPrompter) watchdog(ctx context.Context, raw net.Conn, limit time.Duration, stop <-chan struct{}, timedOut chan<- struct{}) {
	start := time.Now()
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-stop:
			return
		case <-ctx.Done():
			raw.Close()
			return
		case <-tick.C:
			if since, ok := t.idleSince(start); ok && time.Since(since) > limit {
				close(timedOut)
				raw.Close()
				return
			}
		}
	}
}

// ConfirmHostKey forwards to the operator's Prompter.
func (t *trackingPrompter) ConfirmHostKey(host, keyType, fp string) (bool, error) {
	t.begin()
	defer t.end()
	return t.p.ConfirmHostKey(host, keyType, fp)
}

// Passphrase forwards to the operator's Prompter.
func (t *trackingPrompter) Passphrase(keyFile string) (string, error) {
	t.begin()
	defer t.end()
	return t.p.Passphrase(keyFile)
}

// Password forwards to the operator's Prompter.
func (t *trackingPrompter) Password(user, host string) (string, error) {
	t.begin()
	defer t.end()
	return t.p.Password(user, host)
}

// KeyboardInteractive forwards to the operator's Prompter.
func (t *trackingPrompter) KeyboardInteractive(user, instr string, q []string, echos []bool) ([]string, error) {
	t.begin()
	defer t.end()
	return t.p.KeyboardInteractive(user, instr, q, echos)
}
