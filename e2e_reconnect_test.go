//go:build e2e

package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/opsdeck/opsdeck/remote"
)

// killSessionOf kills, in the guest, the sshd processes serving the
// connection that runs `sleep SECONDS` (its ancestors named "sshd: root…"),
// which drops that TCP connection and no other.
func killSessionOf(t *testing.T, seconds int) {
	t.Helper()
	guest(t, fmt.Sprintf(`p=$(pgrep -xf 'sleep %d' | head -1); [ -n "$p" ] || exit 3
s=$p killed=0
while [ -n "$p" ] && [ "$p" -gt 1 ]; do
  c=$(tr '\0' ' ' </proc/$p/cmdline)
  case "$c" in "sshd: root"*) kill -9 "$p"; killed=1 ;; esac
  p=$(awk '{print $4}' /proc/$p/stat)
done
kill "$s" 2>/dev/null
[ $killed = 1 ]`, seconds))
}

// TestE2EReconnect: the guest's sshd session is killed while a command
// runs on the console's connection; the command fails as a connection
// error, the runner reconnects by itself and reads the same pool again.
func TestE2EReconnect(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	var mu sync.Mutex
	var phases []string
	r, err := remote.DialSSH(ctx, remote.SSHOptions{
		Alias: labAlias, ConfigFile: labSSHConfig(), NoAgent: true,
		BackoffMin: 200 * time.Millisecond, BackoffMax: 2 * time.Second,
		OnState: func(s remote.ConnState) {
			mu.Lock()
			phases = append(phases, s.Phase.String())
			mu.Unlock()
		},
	})
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	defer r.Close()
	argv := []string{"zpool", "list", "-H", "-o", "name,health", labPool}
	before, err := r.Run(ctx, argv)
	if err != nil {
		t.Fatalf("first read: %v", err)
	}

	// A long command stands in for a refresh in flight when the link dies.
	const marker = 587
	guestAs(t, labAlias, fmt.Sprintf("kill $(pgrep -xf 'sleep %d') 2>/dev/null", marker)) // a leftover of an aborted run
	inflight := make(chan error, 1)
	go func() {
		_, err := r.Run(ctx, []string{"sleep", fmt.Sprint(marker)})
		inflight <- err
	}()
	waitFor(t, "the in-flight command to run in the guest", time.Minute, func() (bool, string) {
		r := guestAs(t, labAlias, fmt.Sprintf("pgrep -xf 'sleep %d'", marker))
		return r.Code == 0, r.Stderr
	})
	killSessionOf(t, marker)
	select {
	case err := <-inflight:
		var ce *remote.ConnError
		if !errors.As(err, &ce) {
			t.Errorf("in-flight command ended with %v; want a *remote.ConnError", err)
		}
	case <-time.After(time.Minute):
		t.Fatal("the in-flight command did not notice the dropped connection within a minute")
	}

	var after remote.Result
	waitFor(t, "a read to succeed after the reconnect", 90*time.Second, func() (bool, string) {
		after, err = r.Run(ctx, argv)
		return err == nil, fmt.Sprint(err)
	})
	if string(after.Stdout) != string(before.Stdout) {
		t.Errorf("after reconnect: %q, before: %q", after.Stdout, before.Stdout)
	}
	mu.Lock()
	seen := strings.Join(phases, " ")
	mu.Unlock()
	if !strings.Contains(seen, "reconnecting") || !strings.HasSuffix(seen, "connected") {
		t.Errorf("connection phases %q; want a reconnect ending connected", seen)
	}
}
