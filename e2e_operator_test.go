//go:build e2e

package main

import (
	"strings"
	"testing"
	"time"
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
