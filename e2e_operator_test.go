//go:build e2e

package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/opsdeck/opsdeck/ops"
)

// TestE2EOperatorLab checks the lab's own promise to the operator tests:
// what zfs allow delegates works, what it does not is refused by ZFS, and
// the sudoers line admits exactly the scrub commands.
func TestE2EOperatorLab(t *testing.T) {
	t.Cleanup(func() {
		guestAs(t, labAlias, "zfs destroy tank/data@e2e-operator 2>/dev/null; zpool scrub -s tank 2>/dev/null; true")
	})
	if r := guestAs(t, labOperator, "zfs snapshot tank/data@e2e-operator"); r.Code != 0 {
		t.Errorf("delegated snapshot refused: %s", r.Stderr)
	}
	if r := guestAs(t, labOperator, "zfs destroy tank/data@e2e-operator"); r.Code == 0 {
		t.Error("operator destroyed a snapshot without the destroy permission")
	}
	if r := guestAs(t, labOperator, "zpool offline tank virtio-zdata0"); r.Code == 0 {
		guest(t, "zpool online tank virtio-zdata0")
		t.Error("operator took a disk offline without privileges")
	}
	if r := guestAs(t, labOperator, "sudo -n zpool scrub tank && sudo -n zpool scrub -s tank"); r.Code != 0 {
		t.Errorf("sudo -n zpool scrub refused: %s", r.Stderr)
	}
	if r := guestAs(t, labOperator, "sudo -n zpool clear tank"); r.Code == 0 || !strings.Contains(r.Stderr, "password is required") {
		t.Errorf("sudo -n zpool clear: exit %d, stderr %q; want sudo's refusal", r.Code, r.Stderr)
	}
}

// TestE2EOperatorStatus: reads need no privileges, so the operator sees
// the same pool and datasets as root.
func TestE2EOperatorStatus(t *testing.T) {
	waitFor(t, "the operator's status to match zpool/zfs -j", 90*time.Second, func() (bool, string) {
		st := statusOf(t, labOperator)
		d := diffPool(poolOf(t, st, labPool), zpoolTruth(t, labPool))
		d = append(d, diffDatasets(st.Datasets, zfsTruth(t, labPool))...)
		return len(d) == 0, strings.Join(d, "\n")
	})
}

// TestE2EOperatorScrubDenied: without sudo configured for the host, the
// operator's scrub is refused by ZFS and the console turns that into its
// hint (zfs allow or a sudoers line) instead of raw stderr; nothing runs.
func TestE2EOperatorScrubDenied(t *testing.T) {
	stopScrub(t)
	r := scrubAction(t, labOperator, "start")
	if r.Code == 0 {
		stopScrub(t)
		t.Fatalf("the operator started a scrub without privileges:\n%s", r.Stdout)
	}
	for _, want := range []string{"permission denied", "zfs allow", "NOPASSWD"} {
		if !strings.Contains(r.Stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.Stderr)
		}
	}
	if tp := zpoolTruth(t, labPool); tp.ScanState == "SCANNING" {
		t.Error("a scrub runs after the refusal")
	}
}

// TestE2EOperatorSudo: with `sudo = true` for the operator's alias in the
// console's config, scrub start/pause/cancel run through `sudo -n` under the
// lab's sudoers line, the guest sees each, and the audit log records them
// with the sudo argv.
func TestE2EOperatorSudo(t *testing.T) {
	stopScrub(t)
	t.Cleanup(func() { stopScrub(t) })
	cfg := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(cfg, []byte("[hosts.\""+labOperator+"\"]\nsudo = true\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		verb, confirm string
		want          ops.ScanState
	}{
		{"start", "--yes", ops.ScanScanning},
		{"pause", "--yes", ops.ScanPaused},
		{"cancel", "--confirm=" + labPool, ops.ScanCanceled},
	}
	for _, s := range steps {
		r := opsdeck(t, "scrub", s.verb, labPool, labOperator, s.confirm, "--config", cfg)
		if r.Code != 0 {
			t.Fatalf("operator scrub %s through sudo: exit %d\n%s", s.verb, r.Code, r.Stderr)
		}
		waitFor(t, "the guest to see scrub "+s.verb, time.Minute, func() (bool, string) {
			tp := zpoolTruth(t, labPool)
			return scanStateOf(tp) == s.want, fmt.Sprintf("%s paused=%v", tp.ScanState, tp.Paused)
		})
	}
	audit, err := os.ReadFile(filepath.Join(os.Getenv("XDG_STATE_HOME"), "opsdeck", "audit.log"))
	if err != nil {
		t.Fatalf("audit log: %v", err)
	}
	var sudoLines int
	for _, line := range strings.Split(strings.TrimSpace(string(audit)), "\n") {
		var e struct {
			Host    string     `json:"host"`
			Argv    [][]string `json:"argv"`
			Outcome string     `json:"outcome"`
		}
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatalf("audit line %q: %v", line, err)
		}
		if e.Host == labOperator && e.Outcome == "ok" && len(e.Argv) > 0 && e.Argv[0][0] == "sudo" {
			sudoLines++
		}
	}
	if sudoLines < len(steps) {
		t.Errorf("audit log has %d ok sudo lines for %s, want %d:\n%s", sudoLines, labOperator, len(steps), audit)
	}
}
