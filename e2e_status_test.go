//go:build e2e

package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/opsdeck/opsdeck/ops"
)

// TestE2EStatusJSON: `opsdeck status opsdeck-lab --json` reports the pool,
// every vdev of every class with its counters, the scan state and the
// datasets exactly as the guest's own JSON does.
func TestE2EStatusJSON(t *testing.T) { checkStatusMatches(t) }

// TestE2EStatusText: the same with the text parsers forced, so the text path
// meets a live server and the comparison with -j output is not circular.
func TestE2EStatusText(t *testing.T) { checkStatusMatches(t, "--zfs-output=text") }

// TestE2EStatusLocal: the binary copied into the guest, `status --local
// --json` (the go-zfs path) reports what the SSH path reports.
func TestE2EStatusLocal(t *testing.T) {
	r := execCmd(t, 2*time.Minute, "", "scp", "-F", labSSHConfig(), "-o", "BatchMode=yes", "-q",
		opsdeckBin(), labAlias+":/usr/local/bin/opsdeck")
	if r.Code != 0 {
		t.Fatalf("scp opsdeck into the guest: %s", r.Stderr)
	}
	t.Cleanup(func() { guest(t, "rm -f /usr/local/bin/opsdeck") })
	var last string
	waitFor(t, "--local and SSH statuses to agree", 2*time.Minute, func() (bool, string) {
		viaSSH := statusOf(t, labAlias)
		local := decodeStatus(t, guest(t, "opsdeck status --local --json"))
		a, b := comparable(t, viaSSH), comparable(t, local)
		if a == b {
			return true, ""
		}
		last = lineDiff(a, b)
		return false, last
	})
}

// checkStatusMatches compares one status read with the guest's truth. ZFS
// can change between the two reads (txg syncs move used/avail), so it
// polls until one pair agrees and shows the last disagreement otherwise.
func checkStatusMatches(t *testing.T, extra ...string) {
	t.Helper()
	var st ops.HostStatus
	waitFor(t, "status --json to match zpool/zfs -j", 90*time.Second, func() (bool, string) {
		st = statusOf(t, labAlias, extra...)
		if len(st.Errors) != 0 {
			return false, fmt.Sprintf("status errors: %v", st.Errors)
		}
		d := diffPool(poolOf(t, st, labPool), zpoolTruth(t, labPool))
		d = append(d, diffDatasets(st.Datasets, zfsTruth(t, labPool))...)
		return len(d) == 0, strings.Join(d, "\n")
	})
	// The lab's pool has every class; a console that dropped one would
	// still match a truth that the walker failed to read, so insist.
	classes := map[string]bool{}
	vd := map[string]ops.Vdev{}
	flattenVdevs(poolOf(t, st, labPool).Root, vd)
	for _, v := range vd {
		classes[v.Class] = true
	}
	for _, c := range []string{ops.ClassNormal, ops.ClassSpecial, ops.ClassLog, ops.ClassCache, ops.ClassSpare} {
		if !classes[c] {
			t.Errorf("no %s vdev in the status (classes seen: %v)", c, classes)
		}
	}
	found := false
	for _, d := range st.Datasets {
		found = found || d.Name == "tank/data/q1 report: v1.2"
	}
	if !found {
		t.Error(`dataset "tank/data/q1 report: v1.2" (space, colon, period) missing`)
	}
	if v := st.Platform.ZFSVersion; v.Major != 2 || v.Minor != 3 {
		t.Errorf("ZFS version %+v, the lab runs 2.3", v)
	}
}

// comparable is the part of a status both paths must agree on, as
// indented JSON: pools and datasets (not the host name, the time, the ARC
// or I/O rates, which differ between two reads by nature).
func comparable(t *testing.T, st ops.HostStatus) string {
	t.Helper()
	b, err := json.MarshalIndent(struct {
		Pools    []ops.Pool
		Datasets []ops.Dataset
		Errors   map[string]string
	}{st.Pools, st.Datasets, st.Errors}, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// lineDiff shows the lines where a and b differ, for failure messages.
func lineDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	var out []string
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			out = append(out, fmt.Sprintf("line %d:\n  ssh:   %s\n  local: %s", i+1, x, y))
		}
		if len(out) == 10 {
			break
		}
	}
	return strings.Join(out, "\n")
}
