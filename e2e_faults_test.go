//go:build e2e

package main

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/opsdeck/opsdeck/ops"
)

// findVdev returns the named vdev of the pool's tree.
func findVdev(t *testing.T, p ops.Pool, name string) ops.Vdev {
	t.Helper()
	vd := map[string]ops.Vdev{}
	flattenVdevs(p.Root, vd)
	v, ok := vd[name]
	if !ok {
		t.Fatalf("vdev %s not in status", name)
	}
	return v
}

// waitStatusMatches polls until status --json agrees with the guest's truth
// and returns the pool from the matching read.
func waitStatusMatches(t *testing.T, what string, extra ...string) ops.Pool {
	t.Helper()
	var p ops.Pool
	waitFor(t, what, 90*time.Second, func() (bool, string) {
		p = poolOf(t, statusOf(t, labAlias, extra...), labPool)
		d := diffPool(p, zpoolTruth(t, labPool))
		return len(d) == 0, strings.Join(d, "\n")
	})
	return p
}

// TestE2EFaultOffline: a data disk taken offline shows as DEGRADED in the
// console (JSON and text paths), and ONLINE again after it returns.
func TestE2EFaultOffline(t *testing.T) {
	const disk = "virtio-zdata3"
	t.Cleanup(func() {
		guestAs(t, labAlias, "zpool online tank "+disk+"; zpool wait -t resilver tank")
	})
	guest(t, "zpool offline tank "+disk)
	for _, mode := range [][]string{nil, {"--zfs-output=text"}} {
		p := waitStatusMatches(t, fmt.Sprintf("degraded pool in status %v", mode), mode...)
		if p.State != "DEGRADED" || findVdev(t, p, disk).State != "OFFLINE" {
			t.Errorf("%v: pool %s, %s %s; want DEGRADED and OFFLINE", mode, p.State, disk, findVdev(t, p, disk).State)
		}
		if p.Status == "" || p.Action == "" {
			t.Errorf("%v: a degraded pool without status/action text: %+v", mode, p)
		}
	}
	guest(t, "zpool online tank "+disk+" && zpool wait -t resilver tank")
	p := waitStatusMatches(t, "the pool back ONLINE")
	if p.State != "ONLINE" {
		t.Errorf("pool %s after online", p.State)
	}
}

// TestE2EFaultChecksum: blocks of one data disk overwritten behind ZFS's
// back, then a scrub: the console shows the CKSUM counter, the repaired
// bytes and the status text, on both parser paths.
func TestE2EFaultChecksum(t *testing.T) {
	const disk = "virtio-zdata2"
	stopScrub(t)
	t.Cleanup(func() { guestAs(t, labAlias, "zpool scrub -s tank; zpool clear tank") })
	// Past the front labels (the first 4 MiB) and well inside the data the
	// first boot wrote; O_DIRECT so the write reaches the disk now.
	guest(t, "dd if=/dev/urandom of=/dev/disk/by-id/"+disk+"-part1 bs=1M seek=16 count=32 oflag=direct conv=notrunc status=none")
	guest(t, "zpool scrub -w tank")
	tp := zpoolTruth(t, labPool)
	if tp.Vdevs[disk].Cksum == 0 {
		t.Fatalf("the corruption was not detected by ZFS itself: %+v", tp.Vdevs[disk])
	}
	for _, mode := range [][]string{nil, {"--zfs-output=text"}} {
		p := waitStatusMatches(t, fmt.Sprintf("checksum errors in status %v", mode), mode...)
		if c := findVdev(t, p, disk).ChecksumErrors; c == 0 {
			t.Errorf("%v: %s shows no checksum errors", mode, disk)
		}
		if p.Scan.State != ops.ScanFinished || p.Scan.Repaired == 0 {
			t.Errorf("%v: scan %+v; want a finished scrub that repaired bytes", mode, p.Scan)
		}
		if !strings.Contains(p.See, "ZFS-8000-9P") {
			t.Errorf("%v: see %q; want the ZFS-8000-9P link", mode, p.See)
		}
	}
	guest(t, "zpool clear tank")
	p := waitStatusMatches(t, "counters cleared")
	if c := findVdev(t, p, disk).ChecksumErrors; c != 0 {
		t.Errorf("after zpool clear, %s still shows %d checksum errors", disk, c)
	}
}
