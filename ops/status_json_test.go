package ops

import (
	"math"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestPoolStatusJSONFixtures(t *testing.T) {
	p := onePool(t, "2.3/zpool_status_j_int.json")
	if p.Name != "tank" || p.State != "ONLINE" || p.Scan.State != ScanNone || p.Errors != "No known data errors" {
		t.Errorf("healthy %+v", p)
	}
	d0 := mustVdev(t, p, "virtio-zdata0")
	if d0.Path != "/dev/disk/by-id/virtio-zdata0-part1" || d0.Type != "disk" {
		t.Errorf("name must be what text shows, path the -part1 device: %+v", d0)
	}
	if r := mustVdev(t, p, "raidz2-0"); r.Type != "raidz2" || r.Path != "" {
		t.Errorf("raidz2-0 %+v", r)
	}

	paused := onePool(t, "2.3/scrub_paused_status_j_int.json").Scan
	if paused.State != ScanPaused || !paused.PausedSince.Equal(utc("2026-11-26 10:41:18")) || !paused.Start.Equal(utc("2026-11-26 10:41:16")) || paused.Issued != 30380032 || paused.Percent != 3.23 {
		t.Errorf("paused %+v", paused)
	}

	mid := onePool(t, "2.3/midscrub_status_j_int.json").Scan
	if mid.State != ScanScanning || mid.Examined != 939421696 || mid.Total != 939630592 || mid.Issued != 40873984 || mid.Rate != 0 || mid.HasETA {
		t.Errorf("midscrub %+v", mid)
	}

	corrupted := onePool(t, "2.3/corrupted_status_j.json")
	if c := mustVdev(t, corrupted, "virtio-zdata2"); c.ChecksumErrors != 362 || c.Note != "" {
		t.Errorf("a finished scrub leaves no (repairing) note: %+v", c)
	}
	if corrupted.Scan.Repaired != 94896128 || corrupted.Scan.Percent != 100 {
		t.Errorf("corrupted scan %+v", corrupted.Scan)
	}

	r2 := onePool(t, "2.3/resilver_inprog2_status_j_int.json")
	rep := mustVdev(t, r2, "replacing-3")
	if rep.Type != "replacing" || rep.Path != "" || rep.Children[1].Type != "file" || rep.Children[1].Note != "(resilvering)" || rep.Children[1].Path != "/var/tmp/replacement.img" {
		t.Errorf("replacing %+v", rep)
	}

	perm := onePool(t, "2.3/permerr_status_v_j_int.json")
	if perm.ErrorCount != 89 || len(perm.ErrorFiles) != 8 || perm.ErrorFiles[2] != "tank/scratch/victim@before:/sub dir/notes file.txt" || perm.Errors != permanentErrors {
		t.Errorf("permerr -v %d %q", perm.ErrorCount, perm.ErrorFiles)
	}
	noV := onePool(t, "2.3/permerr_status_j_int.json")
	if noV.ErrorFiles != nil || noV.Errors != "89 data errors, use '-v' for a list" {
		t.Errorf("permerr without -v %q %q", noV.Errors, noV.ErrorFiles)
	}

	// Without --json-int every value is a string, dates included.
	deg := onePool(t, "2.3/degraded_status_j.json")
	if deg.State != "DEGRADED" || mustVdev(t, deg, "virtio-zdata3").State != "OFFLINE" || !deg.Scan.End.Equal(utc("2026-11-26 10:41:24")) || deg.Scan.Examined != 896<<20 {
		t.Errorf("string JSON %+v", deg.Scan)
	}
}

func TestPoolStatusJSONRateAndETA(t *testing.T) {
	b := fixture(t, "2.3/resilver_inprog2_status_j_int.json")
	// pass_start 1795694059; 5 s later 555208704 bytes were issued this pass.
	now := time.Unix(1795694059+5, 0)
	sc := mustOne(t, b, now).Scan
	if sc.Rate != 555208704/5 || !sc.HasETA || sc.ETA != time.Duration((1561219072-161173504-555208704)/(555208704/5))*time.Second {
		t.Errorf("rate/eta %+v", sc)
	}
	paused := mustOne(t, fixture(t, "2.3/scrub_paused_status_j_int.json"), now).Scan
	if paused.Rate != 0 || paused.HasETA {
		t.Errorf("a paused scrub has no rate and no ETA: %+v", paused)
	}
	early := mustOne(t, fixture(t, "2.3/resilver_inprog1_status_j_int.json"), time.Unix(1795693956+1, 0)).Scan
	if early.HasETA {
		t.Errorf("no ETA before the resilver issues anything: %+v", early)
	}
}

func mustOne(t *testing.T, b []byte, now time.Time) Pool {
	t.Helper()
	pools, err := ParsePoolStatusJSONAt(b, now)
	if err != nil || len(pools) != 1 {
		t.Fatalf("%v %v", pools, err)
	}
	return pools[0]
}

// equivalencePairs are captures of the same pool state as text and JSON.
// sameMoment is false where the two commands ran seconds apart during a
// running scan, so progress figures legitimately differ.
var equivalencePairs = []struct {
	text, json string
	sameMoment bool
}{
	{"2.3/zpool_status_p.txt", "2.3/zpool_status_j_int.json", true},
	{"2.3/midscrub_status_p.txt", "2.3/midscrub_status_j_int.json", false},
	{"2.3/scrub_paused_status.txt", "2.3/scrub_paused_status_j_int.json", true},
	{"2.3/after_scrub_status_p.txt", "2.3/after_scrub_status_j.json", true},
	{"2.3/degraded_status.txt", "2.3/degraded_status_j.json", true},
	{"2.3/corrupted_status_v.txt", "2.3/corrupted_status_j.json", true},
	{"2.3/resilver_inprog1_status_p.txt", "2.3/resilver_inprog1_status_j_int.json", false},
	{"2.3/resilver_inprog2_status_p.txt", "2.3/resilver_inprog2_status_j_int.json", false},
	{"2.3/resilver_done_status_p.txt", "2.3/resilver_done_status_j_int.json", true},
	{"2.3/replaceback_inprog_status.txt", "2.3/replaceback_inprog_status_j_int.json", false},
	{"2.3/permerr_status_p.txt", "2.3/permerr_status_j_int.json", true},
	{"2.3/permerr_status_v.txt", "2.3/permerr_status_v_j_int.json", true},
	{"2.3/cleanup3_scrub1_status_v.txt", "2.3/cleanup3_scrub1_status_v_j_int.json", true},
}

// TestPoolStatusJSONEqualsText is the contract the e2e suite relies on:
// for the same state both parsers produce the same []Pool. Fields only
// one form has are compared loosely or not at all:
//   - Vdev.Path: JSON only (cleared before comparing);
//   - Scan.Text: text only;
//   - Scan.Rate, ETA, HasETA: text only (JSON needs the reading time);
//   - Scan.Examined/Issued/Total: exact in JSON, rounded to 3 digits in
//     text, and absent from the text of a finished scan;
//   - Scan.Repaired: exact in JSON, rounded in text;
//   - Scan.Percent: JSON computes it, text prints it with 2 decimals;
//   - Pool.ErrorCount with -v: 2.3 JSON counts damaged blocks, the text
//     only lists files (ErrorCount = number of files).
func TestPoolStatusJSONEqualsText(t *testing.T) {
	for _, pair := range equivalencePairs {
		t.Run(pair.text, func(t *testing.T) {
			text := onePool(t, pair.text)
			js := onePool(t, pair.json)
			ts, jsc := text.Scan, js.Scan
			if pair.sameMoment {
				if !near(ts.Repaired, jsc.Repaired) || math.Abs(ts.Percent-jsc.Percent) > 0.011 {
					t.Errorf("repaired/percent text %d %.2f, JSON %d %.2f", ts.Repaired, ts.Percent, jsc.Repaired, jsc.Percent)
				}
				if ts.State != ScanFinished && (!near(ts.Examined, jsc.Examined) || !near(ts.Issued, jsc.Issued) || !near(ts.Total, jsc.Total)) {
					t.Errorf("bytes text %+v, JSON %+v", ts, jsc)
				}
			}
			if len(text.ErrorFiles) > 0 || text.Errors == permanentErrors {
				js.ErrorCount = text.ErrorCount
			}
			normalise(&text, &js, pair.sameMoment)
			if !reflect.DeepEqual(text, js) {
				t.Errorf("text and JSON differ:\ntext %+v\njson %+v", text, js)
			}
		})
	}
}

// near is true when a (rounded by zfs_nicenum to 3 significant digits)
// and b (exact) are the same figure.
func near(a, b uint64) bool {
	d := math.Abs(float64(a) - float64(b))
	return d <= 1024 || d <= 0.006*float64(b)
}

func normalise(text, js *Pool, sameMoment bool) {
	for _, sc := range []*Scan{&text.Scan, &js.Scan} {
		sc.Text, sc.Rate, sc.ETA, sc.HasETA = "", 0, 0, false
		sc.Examined, sc.Issued, sc.Total, sc.Repaired = 0, 0, 0, 0
		if !sameMoment || sc.State != ScanFinished {
			sc.Percent = 0
		}
	}
	clearPaths(&js.Root)
}

func clearPaths(v *Vdev) {
	v.Path = ""
	for i := range v.Children {
		clearPaths(&v.Children[i])
	}
}

func TestPoolStatusJSONErrors(t *testing.T) {
	bad := map[string]string{
		"not json":    "invalid option 'j'",
		"pools array": `{"pools":[]}`,
		"two roots":   `{"pools":{"t":{"name":"t","vdevs":{"a":{"name":"a"},"b":{"name":"b"}}}}}`,
		"no root":     `{"pools":{"t":{"name":"t"}}}`,
		"bad count":   `{"pools":{"t":{"name":"t","vdevs":{"t":{"name":"t","read_errors":"lots"}}}}}`,
		"deep":        `{"pools":{"t":{"name":"t","vdevs":` + strings.Repeat(`{"x":{"name":"x","vdevs":`, 40) + `{}` + strings.Repeat(`}}`, 40) + `}}}`,
		"bad errlist": `{"pools":{"t":{"name":"t","vdevs":{"t":{"name":"t"}},"error_count":1,"errlist":[1]}}}`,
	}
	for name, in := range bad {
		if _, err := ParsePoolStatusJSON([]byte(in)); err == nil {
			t.Errorf("%s: want an error", name)
		}
	}
	pools, err := ParsePoolStatusJSON([]byte(`{"output_version":{},"pools":{}}`))
	if err != nil || len(pools) != 0 {
		t.Errorf("no pools: %v %v", pools, err)
	}
}
