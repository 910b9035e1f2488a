//go:build e2e

package main

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/opsdeck/opsdeck/ops"
)

// tmuxConsole is the interactive console running in a detached tmux
// session, driven with send-keys and read with capture-pane.
type tmuxConsole struct {
	t       *testing.T
	session string
}

// startConsole opens `opsdeck -F <lab> HOST` in a 120×40 tmux session.
func startConsole(t *testing.T, host string) *tmuxConsole {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Fatal("tmux is needed for the console tests (apt-get install tmux)")
	}
	c := &tmuxConsole{t: t, session: fmt.Sprintf("opsdeck-e2e-%d", os.Getpid())}
	cmd := strings.Join([]string{shq(opsdeckBin()), "-F", shq(labSSHConfig()), "--refresh", "1s", shq(host)}, " ")
	c.tmux("new-session", "-d", "-s", c.session, "-x", "120", "-y", "40",
		"env", "NO_COLOR=1", "TERM=xterm-256color", "sh", "-c", cmd+"; echo opsdeck exited $?; sleep 600")
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("last screen:\n%s", c.screen())
		}
		exec.Command("tmux", "kill-session", "-t", c.session).Run()
	})
	return c
}

func (c *tmuxConsole) tmux(args ...string) string {
	c.t.Helper()
	out, err := exec.Command("tmux", args...).CombinedOutput()
	if err != nil {
		c.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// screen is the visible pane as text.
func (c *tmuxConsole) screen() string {
	out, _ := exec.Command("tmux", "capture-pane", "-p", "-t", c.session).Output()
	return string(out)
}

// keys sends tmux key names ("Tab", "Enter", "s").
func (c *tmuxConsole) keys(keys ...string) {
	c.t.Helper()
	c.tmux(append([]string{"send-keys", "-t", c.session}, keys...)...)
}

// waitScreen polls the screen until every want appears on it.
func (c *tmuxConsole) waitScreen(what string, timeout time.Duration, want ...string) {
	c.t.Helper()
	waitFor(c.t, what, timeout, func() (bool, string) {
		s := c.screen()
		for _, w := range want {
			if !strings.Contains(s, w) {
				return false, fmt.Sprintf("no %q on screen:\n%s", w, s)
			}
		}
		return true, ""
	})
}

// TestE2EConsoleScrub drives the interactive console: the Pool pane shows
// the lab's vdev tree, Tab switches to the Scrub pane, s + y starts a
// scrub that the guest sees, p + y pauses it, c + the pool's name cancels it.
func TestE2EConsoleScrub(t *testing.T) {
	stopScrub(t)
	t.Cleanup(func() { stopScrub(t) })
	c := startConsole(t, labAlias)
	c.waitScreen("the Pool pane with the lab's pool", 90*time.Second,
		"tank", "raidz2-0", "virtio-zspec1", "virtio-zspare0", "ONLINE")

	c.keys("Tab")
	c.waitScreen("the Scrub pane", 30*time.Second, "schedule:")
	c.keys("s")
	c.waitScreen("the start confirmation", 30*time.Second, "y runs it")
	c.keys("y")
	waitFor(t, "the guest to run the scrub started from the console", time.Minute, func() (bool, string) {
		tp := zpoolTruth(t, labPool)
		return scanStateOf(tp) == ops.ScanScanning, tp.ScanState
	})
	c.waitScreen("the start task verified and progress on screen", time.Minute, "✓ Start scrub", "verified", "issued at")

	// Pause before cancelling, so the scrub cannot finish in between.
	c.keys("p")
	c.waitScreen("the pause confirmation", 30*time.Second, "y runs it")
	c.keys("y")
	waitFor(t, "the guest to see the scrub paused from the console", time.Minute, func() (bool, string) {
		tp := zpoolTruth(t, labPool)
		return scanStateOf(tp) == ops.ScanPaused, tp.ScanState
	})
	c.waitScreen("the pause task and the paused scrub on screen", time.Minute, "✓ Pause scrub", "paused")

	c.keys("c")
	c.waitScreen("the cancel confirmation", 30*time.Second, "enter confirms")
	c.keys("-l", labPool)
	c.keys("Enter")
	waitFor(t, "the guest to see the scrub cancelled from the console", time.Minute, func() (bool, string) {
		tp := zpoolTruth(t, labPool)
		return scanStateOf(tp) == ops.ScanCanceled, tp.ScanState
	})
	c.waitScreen("the cancel task on screen", time.Minute, "✓ Cancel scrub")

	c.keys("q")
	c.waitScreen("the console to quit", 30*time.Second, "opsdeck exited 0")
}
