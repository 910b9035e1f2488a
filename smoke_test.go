package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestDemoInTmux drives the real binary as an operator would: `opsdeck
// demo` in a tmux pane, keys sent with send-keys, the screen read back
// with capture-pane. It starts a scrub through the confirmation dialog and
// sees the demo server report it running.
func TestDemoInTmux(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs tmux")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux not installed (apt-get install tmux)")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "opsdeck")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	sock := filepath.Join(dir, "tmux.sock")
	tmux := func(args ...string) string {
		t.Helper()
		out, err := exec.Command("tmux", append([]string{"-S", sock}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("tmux %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	env := "env HOME=" + dir + " XDG_STATE_HOME=" + dir + "/state XDG_CONFIG_HOME=" + dir + "/config TERM=xterm-256color NO_COLOR=1 "
	tmux("new-session", "-d", "-s", "smoke", "-x", "100", "-y", "30", env+bin+" demo")
	t.Cleanup(func() { exec.Command("tmux", "-S", sock, "kill-server").Run() })

	screen := func() string { return tmux("capture-pane", "-p", "-t", "smoke") }
	waitFor := func(what string, ok func(string) bool) string {
		t.Helper()
		deadline := time.Now().Add(60 * time.Second)
		for {
			s := screen()
			if ok(s) {
				return s
			}
			if time.Now().After(deadline) {
				t.Fatalf("timed out waiting for %s; screen:\n%s", what, s)
			}
			time.Sleep(200 * time.Millisecond)
		}
	}
	has := func(words ...string) func(string) bool {
		return func(s string) bool {
			for _, w := range words {
				if !strings.Contains(s, w) {
					return false
				}
			}
			return true
		}
	}
	waitFor("the Pool pane on the demo", has("DEMO", "tank", "raidz2-0", "special"))

	tmux("send-keys", "-t", "smoke", "Tab")
	waitFor("the Scrub pane", has("Scrub", "last scrub"))

	tmux("send-keys", "-t", "smoke", "s")
	waitFor("the confirmation naming the pool", has("tank", "[y/N]"))
	tmux("send-keys", "-t", "smoke", "y", "Enter")
	waitFor("the scrub running", has("scrub in progress"))

	tmux("send-keys", "-t", "smoke", "q")
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if exec.Command("tmux", "-S", sock, "has-session", "-t", "smoke").Run() != nil {
			return // the console exited and tmux closed the pane
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("console still running 10s after q; screen:\n%s", screen())
}
