package demo

import (
	"strings"
	"testing"
	"time"
)

func newDemoSim() (*Sim, *ManualClock) {
	clk := NewManualClock(demoEpoch)
	return NewSim(DemoHost(demoEpoch), clk), clk
}

func run(t *testing.T, s *Sim, argv ...string) Output {
	t.Helper()
	return s.Run(argv)
}

// scanLines returns the `scan:` paragraph of plain `zpool status`.
func scanLines(t *testing.T, s *Sim) string {
	t.Helper()
	out := run(t, s, "zpool", "status", "tank").Stdout
	i, j := strings.Index(out, "  scan: "), strings.Index(out, "config:")
	if i < 0 || j < i {
		t.Fatalf("no scan line in:\n%s", out)
	}
	return out[i:j]
}

func expectOK(t *testing.T, out Output) {
	t.Helper()
	if out.Code != 0 || out.Stderr != "" {
		t.Fatalf("exit %d, stderr %q", out.Code, out.Stderr)
	}
}

func TestScrubLifecycle(t *testing.T) {
	s, clk := newDemoSim()
	if got := scanLines(t, s); got != "  scan: scrub repaired 0B in 00:02:07 with 0 errors on Fri Nov 20 00:26:07 2026\n" {
		t.Fatalf("last scrub: %q", got)
	}
	expectOK(t, run(t, s, "zpool", "scrub", "tank"))
	clk.Advance(10 * time.Second)
	want := "  scan: scrub in progress since Thu Nov 26 12:00:00 2026\n" +
		"\t133G / 266G scanned at 13.3G/s, 15.9G / 266G issued at 1.59G/s\n" +
		"\t0B repaired, 5.98% done, 00:02:37 to go\n"
	if got := scanLines(t, s); got != want {
		t.Fatalf("after 10 s:\n%s\nwant:\n%s", got, want)
	}

	clk.Advance(20 * time.Second)
	expectOK(t, run(t, s, "sudo", "-n", "--", "zpool", "scrub", "-p", "tank"))
	paused := scanLines(t, s)
	clk.Advance(time.Hour) // nothing moves while paused
	if got := scanLines(t, s); got != paused || !strings.Contains(got, "scrub paused since Thu Nov 26 12:00:30 2026\n\tscrub started on Thu Nov 26 12:00:00 2026\n") {
		t.Fatalf("paused:\n%s\nthen:\n%s", paused, got)
	}
	if strings.Contains(paused, " at ") || strings.Contains(paused, "to go") {
		t.Fatalf("a paused scrub shows rates or an ETA:\n%s", paused)
	}
	out := run(t, s, "zpool", "scrub", "-p", "tank")
	if out.Code != 1 || out.Stderr != "cannot pause scrubbing tank: scrub is paused; use 'zpool scrub' to resume scrub\n" {
		t.Fatalf("pause twice: %+v", out)
	}

	expectOK(t, run(t, s, "zpool", "scrub", "tank")) // resume
	clk.Advance(30 * time.Second)
	got := scanLines(t, s)
	if !strings.Contains(got, "scrub in progress since Thu Nov 26 12:00:00 2026") || !strings.Contains(got, "48.72% done, 00:01:03 to go") {
		t.Fatalf("resumed: 60 s of scrubbing, the same as without the pause:\n%s", got)
	}
	out = run(t, s, "zpool", "scrub", "tank")
	if out.Code != 1 || out.Stderr != "cannot scrub tank: currently scrubbing; use 'zpool scrub -s' to cancel scrub\n" {
		t.Fatalf("start while scrubbing: %+v", out)
	}
	expectOK(t, run(t, s, "zpool", "scrub", "-s", "tank"))
	if got := scanLines(t, s); got != "  scan: scrub canceled on Thu Nov 26 13:01:00 2026\n" {
		t.Fatalf("canceled: %q", got)
	}
	out = run(t, s, "zpool", "scrub", "-s", "tank")
	if out.Code != 1 || out.Stderr != "cannot cancel scrubbing tank: there is no active scrub\n" {
		t.Fatalf("cancel with none running: %+v", out)
	}
	// OpenZFS 2.3 maps "nothing to pause" to success (libzfs zpool_scan).
	expectOK(t, run(t, s, "zpool", "scrub", "-p", "tank"))
}

func TestScrubRunsToCompletion(t *testing.T) {
	s, clk := newDemoSim()
	expectOK(t, run(t, s, "zpool", "scrub", "tank"))
	var lastPct string
	for i := 0; i < 11; i++ {
		clk.Advance(10 * time.Second)
		got := scanLines(t, s)
		pct := got[strings.Index(got, "repaired, ")+10 : strings.Index(got, "% done")]
		if len(pct) < len(lastPct) || len(pct) == len(lastPct) && pct <= lastPct {
			t.Fatalf("progress went from %s%% to %s%%:\n%s", lastPct, pct, got)
		}
		lastPct = pct
	}
	clk.Advance(10 * time.Second)
	if got := scanLines(t, s); got != "  scan: scrub repaired 0B in 00:02:00 with 0 errors on Thu Nov 26 12:02:00 2026\n" {
		t.Fatalf("finished: %q", got)
	}
	js := run(t, s, "zpool", "status", "-v", "-j", "--json-int").Stdout
	if !strings.Contains(js, `"scan_stats":{"function":"SCRUB","state":"FINISHED","start_time":1795694400,"end_time":1795694520,`) {
		t.Fatalf("JSON scan_stats: %s", js[:400])
	}
}

func TestScrubErrors(t *testing.T) {
	s, _ := newDemoSim()
	for _, tt := range []struct {
		argv   []string
		code   int
		stderr string
	}{
		{[]string{"zpool", "scrub", "ghost"}, 1, "cannot open 'ghost': no such pool\n"},
		{[]string{"zpool", "scrub"}, 2, "missing pool name argument\nusage: see 'zpool help'\n"},
		{[]string{"zpool", "scrub", "-s", "-p", "tank"}, 2, "invalid option combination: -s and -p are mutually exclusive\n"},
		{[]string{"zpool", "scrub", "-x", "tank"}, 2, "invalid option 'x'\nusage: see 'zpool help'\n"},
		{[]string{"zpool", "status", "ghost"}, 1, "cannot open 'ghost': no such pool\n"},
		{[]string{"cat", "/etc/shadow"}, 1, "cat: /etc/shadow: No such file or directory\n"},
		{[]string{"reboot"}, 127, "bash: line 1: reboot: command not found\n"},
	} {
		out := s.Run(tt.argv)
		if out.Code != tt.code || out.Stderr != tt.stderr || out.Stdout != "" {
			t.Errorf("%q: %+v, want exit %d %q", tt.argv, out, tt.code, tt.stderr)
		}
	}
	if out := s.Run([]string{"zpool", "destroy", "tank"}); out.Code != 127 || !strings.Contains(out.Stderr, "not simulated") {
		t.Errorf("zpool destroy: %+v", out)
	}
}

func TestSimConcurrentUse(t *testing.T) {
	s, clk := newDemoSim()
	done := make(chan struct{})
	for i := 0; i < 8; i++ {
		go func() {
			defer func() { done <- struct{}{} }()
			for j := 0; j < 50; j++ {
				s.Run([]string{"zpool", "scrub", "tank"})
				s.Run([]string{"zpool", "status", "-j", "--json-int"})
				s.Run([]string{"zpool", "scrub", "-p", "tank"})
				clk.Advance(time.Second)
			}
		}()
	}
	for i := 0; i < 8; i++ {
		<-done
	}
}
