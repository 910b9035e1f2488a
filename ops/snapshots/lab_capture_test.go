package snapshots

import (
	"testing"
	"time"
)

// TestLabCaptures parses listings captured from the lab's real OpenZFS
// 2.3.2: the hold on tank/data@initial, a dataset and a snapshot whose
// names carry spaces, a colon and a period, and integer snapshots_changed.
func TestLabCaptures(t *testing.T) {
	snaps, err := ParseList([]byte(fixture(t, "lab_list_2.3.txt")))
	if err != nil {
		t.Fatal(err)
	}
	if len(snaps) != 14 {
		t.Fatalf("%d snapshots, want 14", len(snaps))
	}
	var held, odd int
	for _, s := range snaps {
		if s.Holds > 0 {
			held++
			if s.FullName() != "tank/data@initial" {
				t.Errorf("unexpected hold on %s", s.FullName())
			}
		}
		if s.Dataset == "tank/data/q1 report: v1.2" {
			odd++
		}
	}
	if held != 1 || odd != 2 {
		t.Errorf("held %d (want 1), snapshots of the odd dataset %d (want 2)", held, odd)
	}
	last := snaps[len(snaps)-1]
	if last.FullName() != "tank/home/alice@before-cleanup" || !last.Creation.Equal(time.Unix(1795696513, 0)) {
		t.Errorf("last snapshot %s at %v", last.FullName(), last.Creation)
	}

	one, err := ParseList([]byte(fixture(t, "lab_list_d1_2.3.txt")))
	if err != nil || len(one) != 2 || one[1].Name != "final draft" {
		t.Fatalf("-d 1 listing: %+v, %v", one, err)
	}

	props, err := ParseDatasetProps([]byte(fixture(t, "lab_props_2.3.txt")))
	if err != nil {
		t.Fatal(err)
	}
	if p := props["tank/backup"]; p.UsedBySnapshots != 65536 || p.SnapshotsChanged != 1795696500 {
		t.Errorf("tank/backup props %+v", p)
	}
	if _, ok := props["tank/data/q1 report: v1.2"]; !ok {
		t.Error("the dataset with a space, a colon and a period has no properties")
	}
}
