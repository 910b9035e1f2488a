package ops

import (
	"strings"
	"testing"
	"time"
)

// Fuzz targets: every parser takes arbitrary bytes without panicking and,
// when it accepts them, returns values that keep the model's invariants.
// Seeds are the fixtures. Run one with e.g.
//   go test ./ops -run '^$' -fuzz '^FuzzParsePoolStatusText$' -fuzztime 20s

func seed(f *testing.F, globs ...string) {
	for _, g := range globs {
		for _, rel := range fixtures(f, g) {
			f.Add(fixture(f, rel))
		}
	}
}

func FuzzParsePoolStatusText(f *testing.F) {
	seed(f, "2.3/*status*.txt", "2.1/*status*.txt")
	f.Add([]byte(syntheticStatus()))
	f.Fuzz(func(t *testing.T, b []byte) {
		pools, err := ParsePoolStatusText(b, time.UTC)
		if err != nil {
			return
		}
		for _, p := range pools {
			if p.Name == "" || p.Root.Type != "root" || p.Scan.State == "" {
				t.Fatalf("accepted a pool without name, root or scan state: %+v", p)
			}
		}
	})
}

func FuzzParsePoolStatusJSON(f *testing.F) {
	seed(f, "2.3/*status*.json")
	f.Add([]byte(syntheticStatusJSON()))
	f.Fuzz(func(t *testing.T, b []byte) {
		pools, err := ParsePoolStatusJSONAt(b, time.Unix(1795694100, 0))
		if err != nil {
			return
		}
		for _, p := range pools {
			if p.Root.Type != "root" || p.Scan.HasETA && p.Scan.State != ScanScanning {
				t.Fatalf("invariant broken: %+v", p)
			}
		}
	})
}

func FuzzParseDatasetsText(f *testing.F) {
	seed(f, "2.3/datasets_o.txt", "2.1/datasets_o.txt", "2.3/zfs_list_Hp_o.txt")
	f.Fuzz(func(t *testing.T, b []byte) {
		ds, err := ParseDatasetsText(b)
		if err != nil {
			return
		}
		for _, d := range ds {
			if d.Name == "" || strings.Contains(d.Name, "\t") {
				t.Fatalf("bad name %q", d.Name)
			}
		}
	})
}

func FuzzParseARCStats(f *testing.F) {
	seed(f, "*/arcstats_kstat.txt")
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := ParseARCStats(b)
		if err == nil && (a.HitRatio < 0 || a.HitRatio > 1) {
			t.Fatalf("hit ratio %v", a.HitRatio)
		}
	})
}

func FuzzParseIOStat(f *testing.F) {
	seed(f, "*/zpool_iostat_vHp.txt", "*/zpool_iostat_vlHp.txt")
	tree := []Pool{{Name: "tank", Root: Vdev{Name: "tank", Children: []Vdev{{Name: "raidz2-0", Children: []Vdev{{Name: "virtio-zdata0"}}}}}}}
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, pools := range [][]Pool{nil, tree} {
			rows, err := ParseIOStat(b, pools)
			if err != nil {
				continue
			}
			for _, r := range rows {
				if r.Pool == "" || r.Depth < 0 {
					t.Fatalf("row %+v", r)
				}
				// Latency comes only from a line with the columns -l adds.
				if r.Latency != nil && !hasLongLine(b, iostatFields+minLatencyCols) {
					t.Fatalf("row %+v has latency without its columns", r)
				}
			}
		}
	})
}

func FuzzScanLine(f *testing.F) {
	for _, rel := range append(fixtures(f, "2.3/*status*.txt"), fixtures(f, "2.1/*status*.txt")...) {
		pools, _ := ParsePoolStatusText(fixture(f, rel), time.UTC) // -x output has none
		for _, p := range pools {
			if p.Scan.Text != "" {
				f.Add(p.Scan.Text)
			}
		}
	}
	f.Add("scrub canceled on Sun Mar  1 09:00:05 2026")
	f.Add("resilvered (draid1-0) 1.50G in 1 days 00:10:00 with 0 errors on Tue Mar  3 12:00:00 2026")
	f.Fuzz(func(t *testing.T, s string) {
		sc, err := ParseScanText(s, time.UTC)
		if err != nil {
			return
		}
		if sc.HasETA && sc.State != ScanScanning || sc.Percent < 0 || sc.ETA < 0 {
			t.Fatalf("invariant broken for %q: %+v", s, sc)
		}
	})
}
