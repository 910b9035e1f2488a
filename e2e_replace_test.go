//go:build e2e

package main

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/opsdeck/opsdeck/ops"
)

// TestE2EReplaceDisk: a data disk replaced by the lab's spare virtio disk.
// While the resilver runs, the console shows the replacing vdev exactly as
// zpool does (JSON and text paths) and refuses to start a scrub; after it,
// the new disk sits in the raidz2 vdev. The original disk is put back.
func TestE2EReplaceDisk(t *testing.T) {
	const oldDisk, newDisk = "virtio-zdata1", "virtio-zfree0"
	stopScrub(t)
	t.Cleanup(func() {
		guestAs(t, labAlias, "zpool wait -t resilver tank; zpool replace -f tank "+newDisk+" "+oldDisk+
			" && zpool wait -t resilver tank")
	})
	guest(t, "zpool replace tank "+oldDisk+" "+newDisk)
	resilvering := func() bool {
		tp := zpoolTruth(t, labPool)
		return tp.ScanFunc == "RESILVER" && tp.ScanState == "SCANNING"
	}
	if !resilvering() {
		t.Fatal("the resilver ended before it could be observed; lower OPSDECK_LAB_READ_BPS")
	}
	for _, mode := range [][]string{nil, {"--zfs-output=text"}} {
		var p ops.Pool
		var last string
		waitFor(t, fmt.Sprintf("the resilver in status %v", mode), 90*time.Second, func() (bool, string) {
			p = poolOf(t, statusOf(t, labAlias, mode...), labPool)
			d := diffPool(p, zpoolTruth(t, labPool))
			last = strings.Join(d, "\n")
			return len(d) == 0, last
		})
		if p.Scan.Function == "resilver" && p.Scan.State == ops.ScanScanning {
			vd := map[string]ops.Vdev{}
			flattenVdevs(p.Root, vd)
			found := false
			for name, v := range vd {
				found = found || (strings.HasPrefix(name, "replacing-") && v.Type == "replacing")
			}
			if !found {
				t.Errorf("%v: no replacing-N vdev of type replacing during the resilver", mode)
			}
		}
	}
	before := resilvering()
	r := scrubAction(t, labAlias, "start")
	if before && resilvering() {
		if r.Code == 0 {
			t.Errorf("a scrub start was accepted during a resilver:\n%s", r.Stdout)
		} else if !strings.Contains(strings.ToLower(r.Stderr), "resilver") {
			t.Errorf("the refusal does not say why (a resilver runs):\n%s", r.Stderr)
		}
	}
	guest(t, "zpool wait -t resilver tank")
	p := waitStatusMatches(t, "the pool after the resilver")
	vd := map[string]ops.Vdev{}
	flattenVdevs(p.Root, vd)
	if _, ok := vd[newDisk]; !ok {
		t.Errorf("%s not in the pool after the replace", newDisk)
	}
	if _, ok := vd[oldDisk]; ok {
		t.Errorf("%s still in the pool after the replace", oldDisk)
	}
}
