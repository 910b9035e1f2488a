package iperf

import (
	"context"
	"errors"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"
)

// These tests run real iperf3 (apt package iperf3) through a real sshd
// on 127.0.0.1. sshd runs the commands as the test's user; as root, it
// delivers no signals, which is what the cancel test is about.

func TestGuidedTestOverSSH(t *testing.T) {
	h, hist := sshHost(t)
	v, err := DetectVersion(context.Background(), h.Runner, h.Name)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		spec Spec
	}{
		{"one stream", Spec{Target: "127.0.0.1", TargetName: "loopback", Duration: 2 * time.Second, ServerOnHost: true}},
		{"two streams reverse cubic", Spec{Target: "127.0.0.1", Duration: 2 * time.Second, Parallel: 2, Reverse: true, Congestion: "cubic", ServerOnHost: true}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			spec := tt.spec
			spec.Port, spec.Version = freePort(t), v
			a := TestAction(h, spec, hist)
			if c := a.Confirmation(); c.Expect != "y" || !strings.Contains(c.Prompt, "127.0.0.1 port "+strconv.Itoa(spec.Port)) {
				t.Errorf("confirmation %+v", c)
			}
			col := newCollector()
			ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
			defer cancel()
			res := executor(t, h.Name).Run(ctx, a, col.line)
			if res.Err != nil {
				t.Fatalf("test failed: %v\n%s", res.Err, strings.Join(col.lines, "\n"))
			}
			ivs := col.p.Intervals()
			sum, ok := col.p.Summary()
			if len(ivs) < 2 || !ok || sum.ReceivedBps <= 0 || sum.SentBps <= 0 {
				t.Fatalf("intervals %+v summary %+v %v\n%s", ivs, sum, ok, strings.Join(col.lines, "\n"))
			}
			if spec.Congestion != "" && sum.SenderCC != spec.Congestion {
				t.Errorf("sender congestion control %q, want %q", sum.SenderCC, spec.Congestion)
			}
			if !strings.Contains(res.VerifyText, "received") || res.VerifyErr != nil {
				t.Errorf("verify %q %v", res.VerifyText, res.VerifyErr)
			}
			last, ok, err := hist.Last(h.Name)
			if err != nil || !ok || last.Port != spec.Port || last.Summary != sum || len(last.Intervals) != len(ivs) {
				t.Errorf("history %+v %v %v", last, ok, err)
			}
			assertNoIperf3(t, spec.Port)
		})
	}
}

func TestGuidedTestCanceled(t *testing.T) {
	h, hist := sshHost(t)
	// With the one-off server on the host, and against a server the test
	// does not own: then nothing but the cleanup's own kill stops the
	// client, since sshd does not deliver signals to a root login's
	// commands and iperf3 ignores its closed output.
	for _, onHost := range []bool{true, false} {
		t.Run("server on host "+strconv.FormatBool(onHost), func(t *testing.T) {
			port := freePort(t)
			if !onHost {
				startServer(t, port)
			}
			a := TestAction(h, Spec{Target: "127.0.0.1", Port: port, Duration: 30 * time.Second, ServerOnHost: onHost}, hist)
			col := newCollector()
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			go func() {
				select {
				case <-col.first:
				case <-time.After(20 * time.Second):
				}
				cancel()
			}()
			start := time.Now()
			res := executor(t, h.Name).Run(ctx, a, col.line)
			if !res.Canceled || !errors.Is(res.Err, context.Canceled) {
				t.Fatalf("result %+v, want canceled", res)
			}
			if len(col.p.Intervals()) == 0 {
				t.Errorf("canceled before any interval arrived:\n%s", strings.Join(col.lines, "\n"))
			}
			if d := time.Since(start); d > 20*time.Second {
				t.Errorf("cancel took %s: the 30 s test ran on", d)
			}
			if onHost {
				assertNoIperf3(t, port)
			} else {
				assertNoProcess(t, `^(timeout .*)?iperf3 -c .*-p `+strconv.Itoa(port)+`( |$)`)
			}
			if rs, _ := hist.Load(h.Name); len(rs) != 0 {
				t.Errorf("a canceled test was recorded: %+v", rs)
			}
		})
	}
}

func TestGuidedTestServerBusy(t *testing.T) {
	h, hist := sshHost(t)
	n := freePort(t)
	port := strconv.Itoa(n)
	startServer(t, n)
	// A long client occupies the server; its first interval says the
	// test is under way.
	busy := exec.Command("iperf3", "-c", "127.0.0.1", "-p", port, "-t", "15", "-i", "1", "--forceflush")
	out, err := busy.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := busy.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { busy.Process.Kill(); busy.Wait() })
	if !waitFor(out, " sec ") {
		t.Fatal("the occupying client never started")
	}

	a := TestAction(h, Spec{Target: "127.0.0.1", Port: n, Duration: 2 * time.Second}, hist)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	res := executor(t, h.Name).Run(ctx, a, nil)
	var e *Error
	if !errors.As(res.Err, &e) || e.Kind != KindBusy {
		t.Fatalf("error %v, want server busy", res.Err)
	}
	if !strings.Contains(res.Err.Error(), "busy running another test") {
		t.Errorf("message %q", res.Err)
	}
}

func TestGuidedTestRefused(t *testing.T) {
	h, hist := sshHost(t)
	port := freePort(t)
	a := TestAction(h, Spec{Target: "127.0.0.1", TargetName: "nothing", Port: port, Duration: 2 * time.Second}, hist)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	res := executor(t, h.Name).Run(ctx, a, nil)
	var e *Error
	if !errors.As(res.Err, &e) || e.Kind != KindRefused {
		t.Fatalf("error %v, want connection refused", res.Err)
	}
	if !strings.Contains(e.Error(), "connection to nothing (127.0.0.1 port "+strconv.Itoa(port)+") refused") {
		t.Errorf("message %q", e.Error())
	}
	assertNoIperf3(t, port)
}

func TestOneOffServerStopped(t *testing.T) {
	h, _ := sshHost(t)
	port := freePort(t)
	plan, err := NewPlan(Spec{Target: "127.0.0.1", Port: port, ServerOnHost: true}, "stoptest")
	if err != nil {
		t.Fatal(err)
	}
	s := &oneOff{runner: h.Runner, argv: plan.Server, stop: plan.StopServer, host: h.Name}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := s.start(ctx); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("pgrep", "-f", "iperf3 -s -1 -p "+strconv.Itoa(port)).Output(); err != nil {
		t.Fatalf("server not running after start: %v %s", err, out)
	}
	// A second server on the same port cannot listen: a clear error.
	other, err := NewPlan(Spec{Target: "127.0.0.1", Port: port, ServerOnHost: true}, "stoptest2")
	if err != nil {
		t.Fatal(err)
	}
	second := &oneOff{runner: h.Runner, argv: other.Server, host: h.Name}
	var e *Error
	if err := second.start(ctx); !errors.As(err, &e) || e.Kind != KindPortInUse {
		t.Errorf("second server: %v, want port in use", err)
	}
	if err := s.stopAndWait(ctx); err != nil {
		t.Fatal(err)
	}
	assertNoIperf3(t, port)
}
