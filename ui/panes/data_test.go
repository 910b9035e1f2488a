package panes

import (
	"testing"
	"time"

	"github.com/opsdeck/opsdeck/ops"
)

func TestMerge(t *testing.T) {
	t0 := time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)
	good := ops.HostStatus{CollectedAt: t0, Pools: []ops.Pool{{Name: "tank", State: "ONLINE"}},
		Datasets: []ops.Dataset{{Name: "tank"}}, ARC: &ops.ARC{Size: 1},
		Platform: ops.Platform{ZFSVersion: ops.ZFSVersion{Major: 2, Minor: 3, Raw: "zfs-2.3.2"}}}
	d := Merge(Data{}, good)
	if !d.Loaded || !d.Has(SectionPools) || len(d.Errors) != 0 {
		t.Fatalf("first merge: %+v", d)
	}

	// The pools read failed outright: keep the old pools, marked stale.
	t1 := t0.Add(time.Minute)
	failed := ops.HostStatus{CollectedAt: t1, Datasets: []ops.Dataset{{Name: "tank"}, {Name: "tank/a"}},
		Errors: map[string]string{SectionPools: "boom", "future": "new section failed"}}
	d = Merge(d, failed)
	d.Now = t1.Add(time.Minute)
	if len(d.Status.Pools) != 1 || d.Errors[SectionPools] != "boom" || d.Errors["future"] == "" {
		t.Fatalf("failed pools: %+v", d)
	}
	if age, stale := d.Stale(SectionPools); !stale || age != 2*time.Minute {
		t.Errorf("pools stale = %v %v", age, stale)
	}
	if _, stale := d.Stale(SectionDatasets); stale || len(d.Status.Datasets) != 2 {
		t.Errorf("datasets: %+v", d.Status.Datasets)
	}
	if d.Status.Platform.ZFSVersion.Raw != "zfs-2.3.2" {
		t.Error("platform lost when the new read had none")
	}

	// A partial read (status fine, list failed) replaces the old pools.
	partial := ops.HostStatus{CollectedAt: t1, Pools: []ops.Pool{{Name: "tank", State: "DEGRADED"}},
		Errors: map[string]string{SectionPools: "zpool list: boom"}}
	d = Merge(d, partial)
	if d.Status.Pools[0].State != "DEGRADED" {
		t.Errorf("partial read ignored: %+v", d.Status.Pools)
	}
	if _, stale := d.Stale(SectionPools); stale {
		t.Error("fresh partial data marked stale")
	}

	// Disconnected: everything read so far is stale.
	d.Disconnected = true
	if _, stale := d.Stale(SectionDatasets); !stale {
		t.Error("disconnected data not stale")
	}
	// Never read successfully: an error, nothing to show, not stale.
	first := Merge(Data{}, failed)
	if first.Has(SectionPools) || first.Errors[SectionPools] == "" {
		t.Errorf("first read failed: %+v", first)
	}
	if _, stale := first.Stale(SectionPools); stale {
		t.Error("nothing shown, yet stale")
	}
}
