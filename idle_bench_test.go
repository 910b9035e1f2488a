package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/opsdeck/opsdeck/remote/sshtest"
)

// BenchmarkIdleCPU runs the real console at the default refresh (5 s)
// against a real sshd replaying the lab captures, in a tmux pane, and
// reports the CPU it uses while nobody touches it, as a percentage of one
// core (target <= 0.5). It is a figure, not a pass/fail check; it runs one
// measurement window whatever b.N is.
func BenchmarkIdleCPU(b *testing.B) {
	if _, err := exec.LookPath("tmux"); err != nil {
		b.Skip("needs tmux")
	}
	srv := sshtest.Start(b)
	srv.InstallZFSReplay(b, "testdata/zfs/2.3")
	dir := b.TempDir()
	bin := filepath.Join(dir, "opsdeck")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("build: %v\n%s", err, out)
	}
	sock := filepath.Join(dir, "tmux.sock")
	stderr := filepath.Join(dir, "stderr")
	cmd := "env HOME=" + dir + " XDG_STATE_HOME=" + dir + "/state SSH_AUTH_SOCK= TERM=xterm-256color " +
		bin + " -F " + srv.ConfigFile + " " + srv.Alias + " 2>" + stderr
	if out, err := exec.Command("tmux", "-S", sock, "new-session", "-d", "-s", "idle", "-x", "160", "-y", "48", cmd).CombinedOutput(); err != nil {
		b.Fatalf("tmux: %v\n%s", err, out)
	}
	b.Cleanup(func() { exec.Command("tmux", "-S", sock, "kill-server").Run() })
	// Let it connect, draw and settle into its refresh rhythm.
	time.Sleep(5 * time.Second)
	// The binary's path is unique to this run, so pgrep finds the console
	// itself rather than the shell tmux started it from.
	out, err := exec.Command("pgrep", "-f", "-x", "^"+bin+" .*").Output()
	if err != nil {
		log, _ := os.ReadFile(stderr)
		b.Fatalf("console not running: %v\n%s", err, log)
	}
	pid := strings.Fields(string(out))[0]
	window := 30 * time.Second
	if testing.Short() {
		window = 10 * time.Second
	}
	b.ResetTimer()
	before := cpuTicks(b, pid, stderr)
	if p := os.Getenv("OPSDECK_BENCH_PERF"); p != "" {
		exec.Command("perf", "record", "-g", "-o", p, "-p", pid, "--", "sleep", "20").Run()
	}
	time.Sleep(window)
	after := cpuTicks(b, pid, stderr)
	b.StopTimer()
	const ticksPerSecond = 100 // USER_HZ on Linux
	used := float64(after-before) / ticksPerSecond
	b.ReportMetric(100*used/window.Seconds(), "%core")
}

// cpuTicks is utime+stime of pid from /proc/PID/stat, in clock ticks.
func cpuTicks(b *testing.B, pid, stderr string) int64 {
	raw, err := os.ReadFile("/proc/" + pid + "/stat")
	if err != nil {
		log, _ := os.ReadFile(stderr)
		b.Fatalf("console exited: %v\n%s", err, log)
	}
	// Fields after the parenthesised command name; utime and stime are
	// the 14th and 15th fields overall.
	s := string(raw)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+2:])
	ut, _ := strconv.ParseInt(f[11], 10, 64)
	st, _ := strconv.ParseInt(f[12], 10, 64)
	return ut + st
}
