package ops

import (
	"reflect"
	"testing"
)

func TestParsePoolList(t *testing.T) {
	healthy := Pool{Name: "tank", State: "ONLINE", Size: 6408896512, Alloc: 134025216, Free: 6274871296, Fragmentation: 0, Capacity: 2, DedupRatio: 1}
	for rel, want := range map[string]Pool{
		"2.3/pool_list_o.txt":          healthy,
		"2.3/degraded_pool_list_o.txt": {Name: "tank", State: "DEGRADED", Size: 6408896512, Alloc: 939790336, Free: 5469106176, Capacity: 14, DedupRatio: 1},
		"2.1/degraded_pool_list_o.txt": {Name: "tank", State: "DEGRADED", Size: 6408896512, Alloc: 941010944, Free: 5467885568, Capacity: 14, DedupRatio: 1},
	} {
		got, err := ParsePoolListText(fixture(t, rel))
		if err != nil || len(got) != 1 || !reflect.DeepEqual(got[0], want) {
			t.Errorf("%s: %+v %v", rel, got, err)
		}
	}
	js, err := ParsePoolListJSON(fixture(t, "2.3/zpool_list_j.json"))
	if err != nil || len(js) != 1 || !reflect.DeepEqual(js[0], healthy) {
		t.Errorf("JSON: %+v %v, want %+v", js, err, healthy)
	}

	dash, err := ParsePoolListText([]byte("old\t100\t50\t50\t-\t-\t1.50x\tFAULTED\n"))
	if err != nil || dash[0].Fragmentation != -1 || dash[0].Capacity != -1 || dash[0].DedupRatio != 1.5 {
		t.Errorf("dashes: %+v %v", dash, err)
	}
	for name, in := range map[string]string{
		"default columns": string(fixture(t, "2.3/zpool_list_Hp.txt")),
		"short":           "tank\t1\t2\n",
		"bad size":        "tank\tbig\t1\t1\t0\t0\t1.00\tONLINE\n",
		"bad ratio":       "tank\t1\t1\t1\t0\t0\tlots\tONLINE\n",
	} {
		if _, err := ParsePoolListText([]byte(in)); err == nil {
			t.Errorf("%s: want an error", name)
		}
	}
}

func TestMergePoolList(t *testing.T) {
	status := []Pool{{Name: "tank", State: "ONLINE", Fragmentation: -1, Capacity: -1, Errors: "No known data errors"}, {Name: "gone", Fragmentation: -1, Capacity: -1}}
	list := []Pool{{Name: "tank", Size: 10, Alloc: 4, Free: 6, Fragmentation: 3, Capacity: 40, DedupRatio: 1.2}, {Name: "new", Size: 1}}
	got := MergePoolList(status, list)
	if len(got) != 2 || got[0].Size != 10 || got[0].Capacity != 40 || got[0].Errors != "No known data errors" || got[1].Capacity != -1 {
		t.Errorf("merge %+v", got)
	}
}
