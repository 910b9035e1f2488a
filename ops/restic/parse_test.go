package restic

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestParseVersion(t *testing.T) {
	for _, gen := range generations {
		f := load(t, gen+"_version.txt")
		v, err := ParseVersion(f.body)
		if err != nil || v.String() != f.version {
			t.Fatalf("%s: %v %v", gen, v, err)
		}
		if v.HasCheckJSON() != (gen == "0.18") {
			t.Errorf("%s: HasCheckJSON %v", gen, v.HasCheckJSON())
		}
	}
	if _, err := ParseVersion("bash: restic: command not found"); err == nil {
		t.Error("garbage accepted")
	}
	if !(Version{Major: 0, Minor: 17, Patch: 1}).AtLeast(0, 17, 1) || (Version{Major: 0, Minor: 17}).AtLeast(0, 17, 1) {
		t.Error("AtLeast")
	}
}

func TestParseSnapshotsBothGenerations(t *testing.T) {
	now := time.Date(2026, 11, 27, 13, 0, 0, 0, time.UTC)
	for _, gen := range generations {
		snaps, err := ParseSnapshots([]byte(load(t, gen+"_snapshots.json").body))
		if err != nil {
			t.Fatal(err)
		}
		if len(snaps) != 3 {
			t.Fatalf("%s: %d snapshots", gen, len(snaps))
		}
		if (snaps[0].Summary != nil) != (gen == "0.18") {
			t.Errorf("%s: summary %+v", gen, snaps[0].Summary)
		}
		if gen == "0.18" && (snaps[0].Summary.FilesNew != 2 || snaps[0].ProgramVersion != "restic 0.18.1") {
			t.Errorf("summary %+v %q", snaps[0].Summary, snaps[0].ProgramVersion)
		}
		latest := LatestPerGroup(snaps, now, 26*time.Hour)
		if len(latest) != 2 || latest[0].Host != "web1" || latest[1].Host != "zlab" || latest[1].Count != 2 {
			t.Fatalf("%s: latest %+v", gen, latest)
		}
		if latest[1].Snapshot.ID != snaps[2].ID || latest[1].Snapshot.Parent != snaps[0].ID {
			t.Errorf("%s: latest of zlab is %s", gen, latest[1].Snapshot.ID)
		}
		if latest[1].Stale || latest[1].Age <= 23*time.Hour {
			t.Errorf("%s: age %v stale %v", gen, latest[1].Age, latest[1].Stale)
		}
		if l := LatestPerGroup(snaps, now, 2*time.Hour); !l[0].Stale {
			t.Errorf("%s: not stale against 2h", gen)
		}
	}
	for _, lab := range []string{"lab_openzfs-2.1_snapshots.json", "lab_openzfs-2.3_snapshots.json"} {
		snaps, err := ParseSnapshots([]byte(load(t, lab).body))
		if err != nil || len(snaps) != 1 || snaps[0].Tags[0] != "lab" || len(snaps[0].Paths) != 2 {
			t.Fatalf("%s: %+v %v", lab, snaps, err)
		}
	}
	if _, err := ParseSnapshots([]byte(`[{"id":"x"}]`)); err == nil {
		t.Error("snapshot without time accepted")
	}
}

func TestParseStats(t *testing.T) {
	s, err := ParseStats([]byte(load(t, "lab_stats.json").body))
	if err != nil || s.SnapshotsCount != 1 || s.TotalFileCount != 2690 || s.TotalSize != 20570383 {
		t.Fatalf("%+v %v", s, err)
	}
}

func TestParseLocks(t *testing.T) {
	for _, gen := range generations {
		for name, want := range map[string]int{"locks_none.txt": 0, "locks_one.txt": 1, "locks_stale.txt": 1, "locks_after_unlock_live.txt": 1, "locks_after_unlock.txt": 0} {
			ids, err := ParseLockList(load(t, gen+"_"+name).body)
			if err != nil || len(ids) != want {
				t.Errorf("%s %s: %v %v", gen, name, ids, err)
			}
		}
		l, err := ParseLock([]byte(load(t, gen+"_cat_lock.json").body))
		if err != nil || l.Hostname == "" || l.PID == 0 || l.Exclusive {
			t.Fatalf("%s: %+v %v", gen, l, err)
		}
		if l.Stale(l.Time.Add(time.Minute), l.Hostname, []int{l.PID}) {
			t.Errorf("%s: fresh lock of a live process is stale", gen)
		}
		if !l.Stale(l.Time.Add(time.Minute), l.Hostname, nil) {
			t.Errorf("%s: lock of a dead local process is not stale", gen)
		}
		if l.Stale(l.Time.Add(time.Minute), "otherhost", nil) || !l.Stale(l.Time.Add(31*time.Minute), "otherhost", nil) {
			t.Errorf("%s: age rule", gen)
		}
	}
	if _, err := ParseLockList("Fatal: wrong password\n"); err == nil {
		t.Error("garbage lock list accepted")
	}
	pids, err := ParsePIDs("123\n4567\n")
	if err != nil || len(pids) != 2 || pids[1] != 4567 {
		t.Errorf("%v %v", pids, err)
	}
	if _, err := ParsePIDs("12a\n"); err == nil {
		t.Error("bad pid accepted")
	}
}

func TestParseCheck(t *testing.T) {
	for _, gen := range generations {
		c := ParseCheckText(load(t, gen+"_check.txt").body, "", 0)
		if !c.OK || c.Summary() != "no errors" {
			t.Errorf("%s check: %+v", gen, c)
		}
		c = ParseCheckText(load(t, gen+"_check_subset.txt").body, "", 0)
		if !c.OK || !strings.HasPrefix(c.ReadData, "read group #1 of ") {
			t.Errorf("%s subset: %+v", gen, c)
		}
		f := load(t, gen+"_damaged_check.txt.err")
		c = ParseCheckText(loadOpt(t, gen+"_damaged_check.txt"), f.body, f.exit)
		if c.OK || c.NumErrors == 0 || !strings.Contains(c.Errors[0], "does not exist") {
			t.Errorf("%s damaged: %+v", gen, c)
		}
		for _, e := range c.Errors {
			if strings.HasPrefix(e, "Load(") || strings.HasPrefix(e, "Fatal") {
				t.Errorf("%s: noise kept: %q", gen, e)
			}
		}
	}
	c, ok := ParseCheckJSON(load(t, "0.18_check.json").body, "", 0)
	if !ok || !c.OK {
		t.Errorf("json ok: %+v", c)
	}
	f := load(t, "0.18_damaged_check.json.err")
	c, ok = ParseCheckJSON(load(t, "0.18_damaged_check.json").body, f.body, f.exit)
	if !ok || c.OK || c.NumErrors != 1 || !strings.Contains(c.Summary(), "does not exist") {
		t.Errorf("json damaged: %+v %v", c, ok)
	}
	f = load(t, "0.18_locked_check.json.err")
	if c, ok = ParseCheckJSON("", f.body, f.exit); ok || c.OK {
		t.Errorf("locked check parsed as a result: %+v", c)
	}
}

func TestParseLs(t *testing.T) {
	for _, gen := range generations {
		snap, nodes, err := ParseLs(load(t, gen+"_ls.json").body)
		if err != nil {
			t.Fatal(err)
		}
		if snap.Hostname != "zlab" || snap.ID == "" {
			t.Errorf("%s: snapshot %+v", gen, snap)
		}
		var files []string
		for _, n := range nodes {
			if n.Type == "file" {
				files = append(files, n.Path)
			}
		}
		want := `/tmp/opsdeck-restic-capture/data/docs/it's "q" $(x) ünï.txt`
		if len(files) != 2 || files[0] != want || nodes[len(nodes)-1].Mtime.IsZero() {
			t.Errorf("%s: files %q", gen, files)
		}
	}
	if _, _, err := ParseLs(`{"struct_type":"node","name":"x"}`); err == nil {
		t.Error("node without path accepted")
	}
}

func TestParseFailures(t *testing.T) {
	for _, tt := range []struct {
		file string
		kind error
	}{
		{"noRepo_snapshots.json.err", ErrNoRepository},
		{"wrongPassword_snapshots.json.err", ErrWrongPassword},
		{"locked_check.txt.err", ErrLocked},
		{"noPasswordFile_snapshots.json.err", ErrPasswordSource},
		{"failingPasswordCommand_snapshots.json.err", ErrPasswordSource},
	} {
		for _, gen := range generations {
			f := load(t, gen+"_"+tt.file)
			kind, msg := ParseFailure(f.exit, f.body)
			if kind != tt.kind || msg == "" {
				t.Errorf("%s %s: %v %q", gen, tt.file, kind, msg)
			}
			if gen == "0.18" && f.exit < 10 && tt.kind != ErrPasswordSource {
				t.Errorf("%s: 0.18 exit %d", tt.file, f.exit)
			}
		}
	}
	f := load(t, "0.18_locked_check.json.err")
	if kind, msg := ParseFailure(f.exit, f.body); kind != ErrLocked || !strings.HasPrefix(msg, "unable to create lock") {
		t.Errorf("json lock: %v %q", kind, msg)
	}
	if kind, _ := ParseFailure(1, "Fatal: something else"); kind != nil {
		t.Errorf("unknown failure classified %v", kind)
	}
	e := &Error{Kind: ErrWrongPassword, Repo: "/srv/repo", Host: "zlab"}
	if !errors.Is(e, ErrWrongPassword) || !strings.Contains(e.Hint(), "password_file") {
		t.Errorf("%v / %s", e, e.Hint())
	}
}

func TestParseUnitShow(t *testing.T) {
	// systemctl show prints KEY=VALUE in its own order; an empty
	// timestamp means the unit has not exited since boot.
	u, err := ParseUnitShow("ExecMainStatus=0\nExecMainExitTimestamp=Thu 2026-11-26 10:36:33 CET\nActiveState=inactive\nLoadState=loaded\n", "restic-check.service", "+0100")
	if err != nil || !u.OK() || !u.Exited.Equal(time.Date(2026, 11, 26, 9, 36, 33, 0, time.UTC)) {
		t.Fatalf("%+v %v", u, err)
	}
	u, err = ParseUnitShow("ExecMainStatus=1\nExecMainExitTimestamp=Thu 2026-11-26 10:36:33 UTC\nActiveState=failed\n", "x", "")
	if err != nil || u.OK() || !u.Ran || u.Status != 1 {
		t.Fatalf("%+v %v", u, err)
	}
	u, err = ParseUnitShow("ExecMainStatus=0\nExecMainExitTimestamp=\nActiveState=inactive\nLoadState=not-found\n", "x", "")
	if err != nil || u.Ran || u.LoadState != "not-found" {
		t.Fatalf("%+v %v", u, err)
	}
	if _, err := ParseUnitShow("ExecMainStatus=0\nExecMainExitTimestamp=Thu 2026-11-26 10:36:33 CET\n", "x", ""); err == nil {
		t.Error("local time without a known offset accepted")
	}
	if _, err := ParseUnitShow("Failed to connect to bus", "x", ""); err == nil {
		t.Error("garbage accepted")
	}
}
