package snapshots

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/remote"
)

func TestParseListFixtures(t *testing.T) {
	for _, name := range []string{"list_2.1.txt", "list_2.3.txt"} {
		snaps, err := ParseList([]byte(fixture(t, name)))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(snaps) != 6 {
			t.Fatalf("%s: %d snapshots", name, len(snaps))
		}
		db := snaps[3]
		if db.Dataset != "tank/backup/db dumps: 2026.11" || db.Name != "auto-20261126-0900" ||
			!db.Creation.Equal(time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)) || db.Used != 49152 || db.Referenced != 1073741824 {
			t.Errorf("%s: %+v", name, db)
		}
		if snaps[2].Holds != 1 || snaps[2].FullName() != "tank/home@manual-20261125-093012" {
			t.Errorf("%s: held %+v", name, snaps[2])
		}
	}
}

func TestParseLineRejects(t *testing.T) {
	for _, line := range []string{
		"",
		"tank@a\t1\t2\t3",              // four fields
		"tank@a\t1\t2\t3\t0\textra",    // six
		"tank\t1\t2\t3\t0",             // no '@'
		"@a\t1\t2\t3\t0",               // no dataset
		"tank@\t1\t2\t3\t0",            // no snapshot name
		"tank@a@b\t1\t2\t3\t0",         // two '@'
		"tank@a\t-\t2\t3\t0",           // creation not a number
		"tank@a\t-5\t2\t3\t0",          // before 1970
		"tank@a\t1\t2K\t3\t0",          // human size (missing -p)
		"tank@a\t1\t2\t3\t-",           // userrefs not a number
		"tank@a\t1\t2\t3\t99999999999", // absurd hold count
		"tank@" + strings.Repeat("x", 300) + "\t1\t2\t3\t0",
	} {
		if s, err := ParseLine(line); err == nil {
			t.Errorf("%q parsed as %+v", line, s)
		}
	}
	if _, err := ParseList([]byte("tank@a\t1\t2\t3\t0\nbroken\n")); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("ParseList error %v", err)
	}
}

func TestParseDatasetProps(t *testing.T) {
	p23, err := ParseDatasetProps([]byte(fixture(t, "props_2.3.txt")))
	if err != nil {
		t.Fatal(err)
	}
	if got := p23["tank/home"]; got != (DatasetProps{UsedBySnapshots: 1859584, SnapshotsChanged: 1795687200}) {
		t.Errorf("2.3 home %+v", got)
	}
	if got := p23["tank"]; got != (DatasetProps{}) || len(p23) != 5 {
		t.Errorf("2.3 tank %+v (%d datasets)", got, len(p23))
	}
	p21, err := ParseDatasetProps([]byte(fixture(t, "props_2.1.txt")))
	if err != nil {
		t.Fatal(err)
	}
	if got := p21["tank/backup/db dumps: 2026.11"]; got != (DatasetProps{UsedBySnapshots: 90112}) {
		t.Errorf("2.1 db %+v", got)
	}
	for _, bad := range []string{"tank\tusedbysnapshots\n", "tank\tusedbysnapshots\t1G\n", "tank\tsnapshots_changed\tyesterday\n", "\tused\t1\n"} {
		if p, err := ParseDatasetProps([]byte(bad)); err == nil {
			t.Errorf("%q parsed as %+v", bad, p)
		}
	}
}

func TestArgvVersions(t *testing.T) {
	if got := strings.Join(ArgvDatasetProps(false), " "); strings.Contains(got, "snapshots_changed") {
		t.Errorf("2.1 argv asks for snapshots_changed: %s", got)
	}
	for v, want := range map[[2]int]bool{{2, 1}: false, {2, 2}: true, {2, 3}: true, {3, 0}: true, {0, 8}: false} {
		if got := HasSnapshotsChanged(opsVersion(v[0], v[1])); got != want {
			t.Errorf("%v: %v", v, got)
		}
	}
	// The dataset is one argv element, whatever it contains.
	argv := ArgvListDataset("tank/a b:c.d")
	if argv[len(argv)-1] != "tank/a b:c.d" || argv[len(argv)-2] != "1" || argv[len(argv)-3] != "-d" {
		t.Errorf("%q", argv)
	}
	if got := ArgvDestroy("tank/x", []string{"a", "b c"}); strings.Join(got, "|") != "zfs|destroy|-v|tank/x@a,b c" {
		t.Errorf("%q", got)
	}
}

func opsVersion(major, minor int) ops.ZFSVersion { return ops.ZFSVersion{Major: major, Minor: minor} }

// A host whose probe claimed 2.2+ but whose zfs rejects
// snapshots_changed (the 2.1 stderr) is asked again without it.
func TestReadDatasetPropsRetriesWithout(t *testing.T) {
	stderr := fixture(t, "props_2.1_snapshots_changed.txt")
	f := &fakeRunner{answer: func(argv []string) (string, error) {
		if strings.Contains(argv[len(argv)-1], "snapshots_changed") {
			return "", &remote.ExitError{Argv: argv, Code: 2, Stderr: stderr}
		}
		return fixture(t, "props_2.1.txt"), nil
	}}
	props, err := ReadDatasetProps(context.Background(), fakeHost(f, 2, 3))
	if err != nil || len(props) != 5 || f.count() != 2 {
		t.Errorf("%d props, %d calls, %v", len(props), f.count(), err)
	}
	props, err = ReadDatasetProps(context.Background(), fakeHost(f, 2, 1))
	if err != nil || len(props) != 5 || f.count() != 3 {
		t.Errorf("2.1: %d props, %d calls, %v", len(props), f.count(), err)
	}
}
