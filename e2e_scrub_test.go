//go:build e2e

package main

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/opsdeck/opsdeck/ops"
)

// scrubAction runs `opsdeck scrub ACTION tank HOST` through the console's
// action path, confirmed on the command line the way its danger level asks:
// --yes for a change, the pool's name for cancel (destructive).
func scrubAction(t *testing.T, host, action string) cmdResult {
	t.Helper()
	if action == "cancel" {
		return opsdeck(t, "scrub", action, labPool, host, "--confirm", labPool)
	}
	return opsdeck(t, "scrub", action, labPool, host, "--yes")
}

func mustScrub(t *testing.T, action string) {
	t.Helper()
	if r := scrubAction(t, labAlias, action); r.Code != 0 {
		t.Fatalf("opsdeck scrub %s: exit %d\nstdout: %s\nstderr: %s", action, r.Code, r.Stdout, r.Stderr)
	}
}

// stopScrub leaves the pool without a running scrub, whatever a test did.
func stopScrub(t *testing.T) {
	guestAs(t, labAlias, "zpool scrub -s "+labPool+" 2>/dev/null; true")
}

// waitScan polls the guest until the pool's scan reaches state, then checks
// that `opsdeck status --json` shows the same state.
func waitScan(t *testing.T, state ops.ScanState, timeout time.Duration) ops.Pool {
	t.Helper()
	waitFor(t, "zpool scan state "+string(state), timeout, func() (bool, string) {
		tp := zpoolTruth(t, labPool)
		return scanStateOf(tp) == state, fmt.Sprintf("%s %s paused=%v", tp.ScanFunc, tp.ScanState, tp.Paused)
	})
	var p ops.Pool
	waitFor(t, "status --json scan state "+string(state), 30*time.Second, func() (bool, string) {
		p = poolOf(t, statusOf(t, labAlias), labPool)
		return p.Scan.State == state, fmt.Sprintf("%+v", p.Scan)
	})
	return p
}

// TestE2EScrubLifecycle: start, see progress, pause, resume, cancel, then
// let one scrub finish, verifying each step from the guest and the console.
func TestE2EScrubLifecycle(t *testing.T) {
	stopScrub(t)
	t.Cleanup(func() { stopScrub(t) })

	// Pause right after starting: a paused scrub holds still, so each
	// later step is observed rather than raced against the scrub's end.
	mustScrub(t, "start")
	mustScrub(t, "pause")
	if tp := zpoolTruth(t, labPool); tp.ScanFunc != "SCRUB" || tp.ScanState != "SCANNING" || !tp.Paused {
		t.Fatalf("after start+pause the guest shows %s %s paused=%v; a scrub that ends within seconds "+
			"cannot be observed: lower OPSDECK_LAB_READ_BPS", tp.ScanFunc, tp.ScanState, tp.Paused)
	}
	p := waitScan(t, ops.ScanPaused, time.Minute)
	if p.Scan.PausedSince.IsZero() {
		t.Errorf("paused scrub without paused_since: %+v", p.Scan)
	}

	mustScrub(t, "resume")
	first := waitScan(t, ops.ScanScanning, time.Minute)
	waitFor(t, "scrub progress in status --json", time.Minute, func() (bool, string) {
		p := poolOf(t, statusOf(t, labAlias), labPool)
		return p.Scan.Issued > first.Scan.Issued,
			fmt.Sprintf("%s, issued %d (first %d)", p.Scan.State, p.Scan.Issued, first.Scan.Issued)
	})

	// Cancelling loses the scrub's progress: --yes alone must not do it.
	if r := opsdeck(t, "scrub", "cancel", labPool, labAlias, "--yes"); r.Code == 0 || !strings.Contains(r.Stderr, "--confirm") {
		t.Errorf("cancel with only --yes: exit %d, stderr %q; want a refusal naming --confirm", r.Code, r.Stderr)
	}
	if tp := zpoolTruth(t, labPool); scanStateOf(tp) != ops.ScanScanning {
		t.Fatalf("after a refused cancel the scrub is %s", scanStateOf(tp))
	}
	mustScrub(t, "cancel")
	p = waitScan(t, ops.ScanCanceled, time.Minute)
	if p.Scan.End.IsZero() {
		t.Errorf("canceled scrub without end time: %+v", p.Scan)
	}

	mustScrub(t, "start")
	p = waitScan(t, ops.ScanFinished, 10*time.Minute)
	if p.Scan.Errors != 0 || p.Scan.End.IsZero() || p.Scan.Function != "scrub" {
		t.Errorf("finished scrub: %+v", p.Scan)
	}
	if d := diffPool(p, zpoolTruth(t, labPool)); len(d) != 0 {
		t.Errorf("after the scrub: %s", strings.Join(d, "\n"))
	}
}
