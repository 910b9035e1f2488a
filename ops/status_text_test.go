package ops

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

// findVdev returns the first vdev named name in a depth-first walk.
func findVdev(v *Vdev, name string) *Vdev {
	if v.Name == name {
		return v
	}
	for i := range v.Children {
		if f := findVdev(&v.Children[i], name); f != nil {
			return f
		}
	}
	return nil
}

func mustVdev(t *testing.T, p Pool, name string) *Vdev {
	t.Helper()
	v := findVdev(&p.Root, name)
	if v == nil {
		t.Fatalf("pool %s has no vdev %q", p.Name, name)
	}
	return v
}

func utc(s string) time.Time {
	t, err := time.Parse("2006-01-02 15:04:05", s)
	if err != nil {
		panic(err)
	}
	return t
}

func onePool(t *testing.T, rel string) Pool {
	t.Helper()
	var pools []Pool
	var err error
	if strings.HasSuffix(rel, ".json") {
		pools, err = ParsePoolStatusJSON(fixture(t, rel))
	} else {
		pools, err = ParsePoolStatusText(fixture(t, rel), time.UTC)
	}
	if err != nil {
		t.Fatalf("%s: %v", rel, err)
	}
	if len(pools) != 1 {
		t.Fatalf("%s: %d pools, want 1", rel, len(pools))
	}
	return pools[0]
}

// TestPoolStatusTextTree checks the vdev tree of the healthy capture in
// full: classes, types, order.
func TestPoolStatusTextTree(t *testing.T) {
	for _, rel := range []string{"2.3/zpool_status_p.txt", "2.1/zpool_status_p.txt", "2.1/zpool_status_s.txt"} {
		p := onePool(t, rel)
		if p.Name != "tank" || p.State != "ONLINE" || p.Errors != "No known data errors" || p.ErrorCount != 0 {
			t.Errorf("%s: pool header %+v", rel, p)
		}
		if p.Scan.State != ScanNone || p.Scan.Function != "" {
			t.Errorf("%s: scan %+v, want none", rel, p.Scan)
		}
		var got []string
		var walk func(v Vdev, d int)
		walk = func(v Vdev, d int) {
			got = append(got, strings.Repeat(" ", d)+v.Name+" "+v.Type+" "+v.Class+" "+v.State)
			for _, c := range v.Children {
				walk(c, d+1)
			}
		}
		walk(p.Root, 0)
		want := []string{
			"tank root normal ONLINE",
			" raidz2-0 raidz2 normal ONLINE",
			"  virtio-zdata0 disk normal ONLINE",
			"  virtio-zdata1 disk normal ONLINE",
			"  virtio-zdata2 disk normal ONLINE",
			"  virtio-zdata3 disk normal ONLINE",
			"  virtio-zdata4 disk normal ONLINE",
			"  virtio-zdata5 disk normal ONLINE",
			" mirror-1 mirror special ONLINE",
			"  virtio-zspec0 disk special ONLINE",
			"  virtio-zspec1 disk special ONLINE",
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: tree\n%s\nwant\n%s", rel, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

func TestPoolStatusTextFullPaths(t *testing.T) {
	p := onePool(t, "2.1/zpool_status_P.txt")
	v := mustVdev(t, p, "/dev/disk/by-id/virtio-zdata0-part1")
	if v.Type != "disk" || v.Class != ClassNormal {
		t.Errorf("-P leaf %+v, want a normal disk", v)
	}
}

func TestPoolStatusTextStates(t *testing.T) {
	t.Run("degraded", func(t *testing.T) {
		for _, rel := range []string{"2.3/degraded_status.txt", "2.1/degraded_status.txt"} {
			p := onePool(t, rel)
			if p.State != "DEGRADED" || mustVdev(t, p, "raidz2-0").State != "DEGRADED" || mustVdev(t, p, "virtio-zdata3").State != "OFFLINE" {
				t.Errorf("%s: states wrong", rel)
			}
			if p.Status != "One or more devices has been taken offline by the administrator. Sufficient replicas exist for the pool to continue functioning in a degraded state." {
				t.Errorf("%s: status %q", rel, p.Status)
			}
			if p.Action != "Online the device using 'zpool online' or replace the device with 'zpool replace'." {
				t.Errorf("%s: action %q", rel, p.Action)
			}
		}
	})
	t.Run("checksum errors", func(t *testing.T) {
		for rel, want := range map[string]struct {
			cksum, repaired uint64
		}{
			"2.3/corrupted_status_v.txt": {362, 94896128},  // 90.5M
			"2.1/corrupted_status_v.txt": {428, 112197632}, // 107M
		} {
			p := onePool(t, rel)
			v := mustVdev(t, p, "virtio-zdata2")
			if v.ChecksumErrors != want.cksum || v.ReadErrors != 0 || mustVdev(t, p, "virtio-zdata1").ChecksumErrors != 0 {
				t.Errorf("%s: zdata2 %+v, want CKSUM %d", rel, v, want.cksum)
			}
			if p.Scan.State != ScanFinished || p.Scan.Repaired != want.repaired || p.Scan.Errors != 0 {
				t.Errorf("%s: scan %+v", rel, p.Scan)
			}
			if p.See != "https://openzfs.github.io/openzfs-docs/msg/ZFS-8000-9P" || p.Errors != "No known data errors" {
				t.Errorf("%s: see %q errors %q", rel, p.See, p.Errors)
			}
		}
	})
	t.Run("cleared", func(t *testing.T) {
		p := onePool(t, "2.3/after_clear_status.txt")
		if mustVdev(t, p, "virtio-zdata2").ChecksumErrors != 0 || p.Status != "" || p.Scan.Repaired != 94896128 {
			t.Errorf("after clear: %+v", p)
		}
	})
}

func TestPoolStatusTextResilver(t *testing.T) {
	p := onePool(t, "2.3/resilver_inprog2_status_p.txt")
	r := mustVdev(t, p, "replacing-3")
	if r.Type != "replacing" || len(r.Children) != 2 || r.Children[0].Name != "virtio-zdata3" || r.Children[1].Name != "/var/tmp/replacement.img" {
		t.Fatalf("replacing-3 %+v", r)
	}
	if img := r.Children[1]; img.Type != "file" || img.Note != "(resilvering)" || r.Children[0].Note != "" {
		t.Errorf("replacing children %+v", r.Children)
	}
	if got := len(mustVdev(t, p, "raidz2-0").Children); got != 6 {
		t.Errorf("raidz2-0 has %d children, want 6 (replacing-3 counts once)", got)
	}

	back := onePool(t, "2.3/replaceback_inprog_status.txt")
	r = mustVdev(t, back, "replacing-3")
	if r.Children[0].Name != "/var/tmp/replacement.img" || r.Children[1].Note != "(resilvering)" {
		t.Errorf("replace-back lists the file first and resilvers the disk: %+v", r.Children)
	}

	removed := onePool(t, "2.1/replaceback_removed_status_p.txt")
	if mustVdev(t, removed, "replacing-3").State != "DEGRADED" || mustVdev(t, removed, "virtio-zdata3").State != "REMOVED" || removed.State != "DEGRADED" {
		t.Errorf("2.1 replace-back: states wrong")
	}

	done := onePool(t, "2.3/resilver_done_status_p.txt")
	if findVdev(&done.Root, "replacing-3") != nil || mustVdev(t, done, "raidz2-0").Children[3].Name != "/var/tmp/replacement.img" {
		t.Errorf("resilver done: slot 3 should be the file, replacing gone")
	}
	if done.Scan.Function != "resilver" || done.Scan.State != ScanFinished || done.Scan.Repaired != 233832448 || !done.Scan.End.Equal(utc("2026-11-26 11:54:36")) || !done.Scan.Start.Equal(utc("2026-11-26 11:52:36")) {
		t.Errorf("resilver done scan %+v", done.Scan)
	}

	// 2.1 keeps replacing-N after the scan line already says resilvered.
	lingering := onePool(t, "2.1/replaceback_resilvered_replacing_status.txt")
	if lingering.Scan.State != ScanFinished || findVdev(&lingering.Root, "replacing-3") == nil {
		t.Errorf("2.1 lingering replacing: %+v", lingering.Scan)
	}
}

func TestPoolStatusTextPermanentErrors(t *testing.T) {
	v23 := onePool(t, "2.3/permerr_status_v.txt")
	want23 := []string{
		"tank/scratch/victim@before:/report 2026.bin",
		"tank/scratch/victim@before:/photo one.jpg",
		"tank/scratch/victim@before:/sub dir/notes file.txt",
		"tank/scratch/victim@before:/old draft.doc",
		"/tank/scratch/fill.bin",
		"/tank/scratch/victim/report 2026.bin",
		"/tank/scratch/victim/photo one.jpg",
		"/tank/scratch/victim/sub dir/notes file.txt",
	}
	if !reflect.DeepEqual(v23.ErrorFiles, want23) || v23.Errors != permanentErrors {
		t.Errorf("2.3 files %q", v23.ErrorFiles)
	}
	for _, d := range []string{"virtio-zdata0", "virtio-zdata5"} {
		if mustVdev(t, v23, d).ChecksumErrors != 178 {
			t.Errorf("%s CKSUM want 178", d)
		}
	}
	if v23.Scan.Errors != 89 || v23.See != "https://openzfs.github.io/openzfs-docs/msg/ZFS-8000-8A" {
		t.Errorf("2.3 permerr scan %+v", v23.Scan)
	}

	v21 := onePool(t, "2.1/permerr_status_v.txt")
	if len(v21.ErrorFiles) != 5 || v21.ErrorFiles[0] != "/tank/scratch/fill.bin" || v21.ErrorFiles[3] != "tank/scratch/victim@before:/sub dir/notes file.txt" {
		t.Errorf("2.1 files %q", v21.ErrorFiles)
	}
	for rel, n := range map[string]uint64{"2.3/permerr_status_p.txt": 89, "2.1/permerr_status_p.txt": 5} {
		p := onePool(t, rel)
		if p.ErrorCount != n || p.ErrorFiles != nil || p.Errors != fmt.Sprintf("%d data errors, use '-v' for a list", n) {
			t.Errorf("%s: count %d files %q errors %q", rel, p.ErrorCount, p.ErrorFiles, p.Errors)
		}
	}

	gone := onePool(t, "2.1/cleanup1_destroyed_status_v.txt")
	if !reflect.DeepEqual(gone.ErrorFiles, []string{"tank/scratch:<0x3>", "<0xee>:<0x3>", "<0xee>:<0x4>", "<0xee>:<0x5>", "<0xee>:<0x6>"}) {
		t.Errorf("destroyed objects %q", gone.ErrorFiles)
	}
	empty := onePool(t, "2.3/cleanup1_destroyed_status_v.txt")
	if empty.Errors != permanentErrors || empty.ErrorFiles == nil || len(empty.ErrorFiles) != 0 {
		t.Errorf("2.3 cleanup1: header without files: %q %q", empty.Errors, empty.ErrorFiles)
	}
	for _, rel := range []string{"2.3/cleanup2_cleared_status_v.txt", "2.3/cleanup4_scrub2_status_v.txt", "2.1/cleanup3_scrub1_status_v.txt"} {
		if p := onePool(t, rel); p.ErrorFiles != nil || p.Errors != "No known data errors" {
			t.Errorf("%s: %q", rel, p.ErrorFiles)
		}
	}
}

func TestPoolStatusTextOddLines(t *testing.T) {
	in := string(fixture(t, "2.3/permerr_status_v.txt"))
	in = strings.Replace(in, "config:\n", "    scan warning: skipping blocks that are only referenced by the checkpoint.\ncheckpoint: created Thu Nov 26 11:00:00 2026, consumes 1.2M\nconfig:\n", 1)
	in += "        pool: a dataset named like a header:<0x3>\n"
	pools, err := ParsePoolStatusText([]byte(in), time.UTC)
	if err != nil || len(pools) != 1 {
		t.Fatalf("%v %d pools", err, len(pools))
	}
	files := pools[0].ErrorFiles
	if len(files) != 9 || files[8] != "pool: a dataset named like a header:<0x3>" {
		t.Errorf("files %q", files)
	}
	if pools[0].Scan.State != ScanFinished {
		t.Errorf("scan %+v", pools[0].Scan)
	}
}
