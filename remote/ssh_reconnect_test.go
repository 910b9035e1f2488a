package remote

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/opsdeck/opsdeck/remote/sshtest"
)

// stateLog collects OnState reports.
type stateLog struct {
	mu     sync.Mutex
	states []ConnState
}

func (l *stateLog) add(s ConnState) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.states = append(l.states, s)
}

func (l *stateLog) phases() []ConnPhase {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []ConnPhase
	for _, s := range l.states {
		out = append(out, s.Phase)
	}
	return out
}

// waitFor polls until the reported phases are exactly want.
func (l *stateLog) waitFor(t *testing.T, want []ConnPhase, within time.Duration) {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		got := l.phases()
		if fmt.Sprint(got) == fmt.Sprint(want) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("phases %v, want %v", got, want)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// waitPhase polls r until it reaches phase.
func waitPhase(t *testing.T, r *SSHRunner, phase ConnPhase, within time.Duration) {
	t.Helper()
	deadline := time.Now().Add(within)
	for r.State().Phase != phase {
		if time.Now().After(deadline) {
			t.Fatalf("state %v, want %v within %v", r.State(), phase, within)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestSSHReconnectAfterConnectionKilled(t *testing.T) {
	t.Parallel()
	srv := sshtest.Start(t)
	log := &stateLog{}
	r, err := dialTest(t, srv, nil, func(o *SSHOptions) {
		o.OnState = log.add
		// A wide first backoff leaves a window to observe the outage.
		o.BackoffMin = time.Second
	})
	if err != nil {
		t.Fatal(err)
	}

	// A command in flight when the connection dies ends with a ConnError.
	done := make(chan error, 1)
	go func() {
		_, err := r.Run(testCtx(t), []string{"sleep", "30"})
		done <- err
	}()
	time.Sleep(500 * time.Millisecond)
	srv.KillConnections()
	select {
	case err := <-done:
		var ce *ConnError
		if !errors.As(err, &ce) {
			t.Fatalf("in-flight Run: err = %v, want *ConnError", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("in-flight Run hung after the connection died")
	}

	// During the outage, Run fails fast without touching the network.
	waitPhase(t, r, Reconnecting, 5*time.Second)
	start := time.Now()
	_, err = r.Run(testCtx(t), []string{"true"})
	if !errors.Is(err, ErrDisconnected) {
		t.Errorf("Run while reconnecting: err = %v, want ErrDisconnected", err)
	}
	if d := time.Since(start); d > 200*time.Millisecond {
		t.Errorf("Run while reconnecting took %v", d)
	}
	if st := r.State(); st.Attempt < 1 || st.LastErr == nil {
		t.Errorf("reconnecting state lacks attempt/cause: %+v", st)
	}

	log.waitFor(t, []ConnPhase{Connecting, Connected, Reconnecting, Connected}, 20*time.Second)
	res, err := r.Run(testCtx(t), []string{"echo", "back"})
	if err != nil || string(res.Stdout) != "back\n" {
		t.Fatalf("Run after reconnect: %q, %v", res.Stdout, err)
	}

	r.Close()
	if r.State().Phase != Closed {
		t.Errorf("after Close: %v", r.State())
	}
	if _, err := r.Run(testCtx(t), []string{"true"}); !errors.Is(err, ErrClosed) {
		t.Errorf("Run after Close: %v", err)
	}
	if err := r.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}

// TestSSHReconnectBacksOffWhileDown: with the server gone, attempts keep
// failing with growing delays until the runner is closed.
func TestSSHReconnectBacksOffWhileDown(t *testing.T) {
	t.Parallel()
	srv := sshtest.Start(t)
	log := &stateLog{}
	r, err := dialTest(t, srv, nil, func(o *SSHOptions) {
		o.OnState = log.add
		o.BackoffMin = 50 * time.Millisecond
		o.BackoffMax = 200 * time.Millisecond
	})
	if err != nil {
		t.Fatal(err)
	}
	srv.Stop()
	deadline := time.Now().Add(10 * time.Second)
	for r.State().Attempt < 4 {
		if time.Now().After(deadline) {
			t.Fatalf("state %v: no repeated attempts", r.State())
		}
		time.Sleep(20 * time.Millisecond)
	}
	closed := make(chan struct{})
	go func() { r.Close(); close(closed) }()
	select {
	case <-closed:
	case <-time.After(5 * time.Second):
		t.Fatal("Close hung while reconnecting")
	}
}

// blockingPrompter blocks every host key question until release closes,
// like a UI waiting for the operator.
type blockingPrompter struct {
	DenyPrompter
	asked   chan struct{}
	release chan struct{}
	once    sync.Once
}

func (b *blockingPrompter) ConfirmHostKey(string, string, string) (bool, error) {
	b.once.Do(func() { close(b.asked) })
	<-b.release
	return false, ErrPromptDenied
}

// TestSSHCloseWhileReconnectPrompts: Close returns even though the
// reconnect goroutine is stuck in a Prompter question (the UI calling
// Close may be the only thing that could answer it).
func TestSSHCloseWhileReconnectPrompts(t *testing.T) {
	t.Parallel()
	srv := sshtest.Start(t)
	kh := filepath.Join(t.TempDir(), "known_hosts")
	if err := os.WriteFile(kh, []byte(srv.KnownHostsLine()+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg := writeConfig(t, srv.HostBlock("UserKnownHostsFile "+kh, "StrictHostKeyChecking ask"))
	p := &blockingPrompter{asked: make(chan struct{}), release: make(chan struct{})}
	defer close(p.release)
	r, err := dialTest(t, srv, p, func(o *SSHOptions) { o.ConfigFile = cfg; o.BackoffMin = 10 * time.Millisecond })
	if err != nil {
		t.Fatal(err)
	}
	// Forget the host, then drop the connection: the reconnect asks.
	os.WriteFile(kh, nil, 0o600)
	srv.KillConnections()
	select {
	case <-p.asked:
	case <-time.After(20 * time.Second):
		t.Fatal("reconnect never asked about the host key")
	}
	start := time.Now()
	r.Close()
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("Close took %v while a question was open", d)
	}
	if st := r.State(); st.Phase != Closed {
		t.Errorf("state after Close: %v", st)
	}
}
