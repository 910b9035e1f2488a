package ops

import "testing"

func TestParseARCStats(t *testing.T) {
	for rel, want := range map[string]ARC{
		"2.3/arcstats_kstat.txt": {Size: 98739296, Target: 157085440, Max: 2040389632, Min: 97316608, Hits: 44021, Misses: 0, HitRatio: 1},
		"2.1/arcstats_kstat.txt": {Size: 98586304, Target: 157436160, Max: 1557065728, Min: 97316608, Hits: 41886, Misses: 0, HitRatio: 1},
	} {
		got, err := ParseARCStats(fixture(t, rel))
		if err != nil || got != want {
			t.Errorf("%s: %+v %v, want %+v", rel, got, err, want)
		}
	}
	half, err := ParseARCStats([]byte("h\nname type data\nsize 4 1\nc 4 2\nc_max 4 3\nc_min 4 1\nhits 4 3\nmisses 4 1\n"))
	if err != nil || half.HitRatio != 0.75 {
		t.Errorf("ratio %+v %v", half, err)
	}
	for _, bad := range []string{"", "size 4 1\n", "size 4 x\nc 4 1\nc_max 4 1\nc_min 4 1\nhits 4 1\nmisses 4 1\n"} {
		if _, err := ParseARCStats([]byte(bad)); err == nil {
			t.Errorf("%q: want an error", bad)
		}
	}
}
