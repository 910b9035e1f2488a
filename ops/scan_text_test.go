package ops

import (
	"testing"
	"time"
)

func TestScanFromFixtures(t *testing.T) {
	const M, G, K = 1 << 20, 1 << 30, 1 << 10
	tests := []struct {
		rel                string
		fn                 string
		state              ScanState
		start, end, paused string
		examined, issued   float64 // in bytes, as the text rounds them
		total, rate        float64
		repaired           float64
		percent            float64
		hasETA             bool
		eta                time.Duration
		errors             uint64
	}{
		{rel: "2.3/midscrub_status.txt", fn: "scrub", state: ScanScanning, start: "2026-11-26 10:41:08",
			examined: 896 * M, issued: 29.5 * M, total: 896 * M, rate: 14.8 * M, percent: 3.30, hasETA: true, eta: 58 * time.Second},
		{rel: "2.3/midscrub_status_p.txt", fn: "scrub", state: ScanScanning, start: "2026-11-26 10:41:08",
			examined: 896 * M, issued: 34.4 * M, total: 896 * M, rate: 17.2 * M, percent: 3.83, hasETA: true, eta: 50 * time.Second},
		{rel: "2.3/scrub_paused_status.txt", fn: "scrub", state: ScanPaused, start: "2026-11-26 10:41:16", paused: "2026-11-26 10:41:18",
			examined: 896 * M, issued: 29.0 * M, total: 896 * M, percent: 3.23},
		{rel: "2.3/after_scrub_status_p.txt", fn: "scrub", state: ScanFinished, start: "2026-11-26 10:41:16", end: "2026-11-26 10:41:24", percent: 100},
		{rel: "2.3/permerr_status_p.txt", fn: "scrub", state: ScanFinished, start: "2026-11-26 11:59:04", end: "2026-11-26 12:00:28", percent: 100, errors: 89},
		{rel: "2.3/resilver_inprog1_status_p.txt", fn: "resilver", state: ScanScanning, start: "2026-11-26 11:52:36",
			examined: 1.45 * G, issued: 0, total: 1.45 * G, rate: 0, percent: 0},
		{rel: "2.3/resilver_inprog2_status_p.txt", fn: "resilver", state: ScanScanning, start: "2026-11-26 11:52:36",
			examined: 1.45 * G, issued: 529 * M, total: 1.45 * G, rate: 106 * M, repaired: 78.8 * M, percent: 39.66, hasETA: true, eta: 7 * time.Second},
		{rel: "2.3/resilver_done_status_p.txt", fn: "resilver", state: ScanFinished, start: "2026-11-26 11:52:36", end: "2026-11-26 11:54:36", repaired: 223 * M, percent: 100},
		{rel: "2.1/midscrub_status.txt", fn: "scrub", state: ScanScanning, start: "2026-11-26 11:12:36",
			examined: 897 * M, issued: 96.5 * M, total: 901 * M, rate: 32.2 * M, percent: 10.72, hasETA: true, eta: 24 * time.Second},
		{rel: "2.1/scrub_paused_status.txt", fn: "scrub", state: ScanPaused, start: "2026-11-26 11:12:44", paused: "2026-11-26 11:12:46",
			examined: 897 * M, issued: 65.3 * M, total: 898 * M, percent: 7.28},
		{rel: "2.1/resilver_inprog1_status_p.txt", fn: "resilver", state: ScanScanning, start: "2026-11-26 11:52:36",
			examined: 1.32 * G, issued: 9.86 * M, total: 1.32 * G, rate: 2.46 * M, repaired: 68 * K, percent: 0.73},
		{rel: "2.1/replaceback_removed_status_p.txt", fn: "resilver", state: ScanScanning, start: "2026-11-26 11:55:16",
			examined: 1.32 * G, issued: 30.1 * M, total: 1.32 * G, rate: 685 * K, repaired: 136 * K, percent: 2.23},
		{rel: "2.1/cleanup4_scrub2_status_v.txt", fn: "scrub", state: ScanFinished, start: "2026-11-26 12:03:36", end: "2026-11-26 12:03:42", percent: 100},
	}
	for _, tc := range tests {
		t.Run(tc.rel, func(t *testing.T) {
			sc := onePool(t, tc.rel).Scan
			if sc.Function != tc.fn || sc.State != tc.state || sc.HasETA != tc.hasETA || sc.ETA != tc.eta || sc.Percent != tc.percent || sc.Errors != tc.errors {
				t.Errorf("scan %+v", sc)
			}
			for name, pair := range map[string][2]float64{
				"examined": {float64(sc.Examined), tc.examined}, "issued": {float64(sc.Issued), tc.issued},
				"total": {float64(sc.Total), tc.total}, "rate": {float64(sc.Rate), tc.rate}, "repaired": {float64(sc.Repaired), tc.repaired},
			} {
				if d := pair[0] - pair[1]; d > 1 || d < -1 {
					t.Errorf("%s = %.0f, want %.0f", name, pair[0], pair[1])
				}
			}
			for name, pair := range map[string][2]any{"start": {sc.Start, tc.start}, "end": {sc.End, tc.end}, "paused": {sc.PausedSince, tc.paused}} {
				got, want := pair[0].(time.Time), pair[1].(string)
				if want == "" && !got.IsZero() || want != "" && !got.Equal(utc(want)) {
					t.Errorf("%s = %v, want %q", name, got, want)
				}
			}
			if sc.Text == "" {
				t.Error("Text should keep the paragraph")
			}
		})
	}
}

func TestParseScanTextForms(t *testing.T) {
	loc := time.FixedZone("CET", 3600)
	tests := []struct {
		in    string
		fn    string
		state ScanState
		check func(t *testing.T, sc Scan)
	}{
		{"none requested", "", ScanNone, nil},
		{"scrub canceled on Sun Mar  1 09:00:05 2026", "scrub", ScanCanceled, func(t *testing.T, sc Scan) {
			if !sc.End.Equal(utc("2026-03-01 08:00:05")) {
				t.Errorf("end %v: the date is in the host's zone", sc.End)
			}
		}},
		{"resilver canceled on Sun Mar  1 09:00:05 2026", "resilver", ScanCanceled, nil},
		{"scrub repaired 1.2K in 2 days 03:04:05 with 3 errors on Tue Mar  3 12:00:00 2026", "scrub", ScanFinished, func(t *testing.T, sc Scan) {
			if sc.Repaired != 1229 || sc.Errors != 3 || sc.End.Sub(sc.Start) != 2*24*time.Hour+3*time.Hour+4*time.Minute+5*time.Second {
				t.Errorf("%+v", sc)
			}
		}},
		{"scrub repaired 0B in 0 days 00:00:14 with 0 errors on Tue Mar  3 12:00:00 2026", "scrub", ScanFinished, func(t *testing.T, sc Scan) {
			if sc.End.Sub(sc.Start) != 14*time.Second {
				t.Errorf("0.8-style duration: %+v", sc)
			}
		}},
		{"thorough scrub repaired 0B in 00:01:00 with 0 errors on Tue Mar  3 12:00:00 2026", "scrub", ScanFinished, nil},
		{"resilvered (draid1-0) 1.50G in 00:10:00 with 0 errors on Tue Mar  3 12:00:00 2026", "resilver", ScanFinished, func(t *testing.T, sc Scan) {
			if sc.Repaired != 1610612736 {
				t.Errorf("repaired %d", sc.Repaired)
			}
		}},
		{"resilver (draid1-0) in progress since Tue Mar  3 12:00:00 2026\n\t10G / 20G scanned at 100M/s, 5G / 20G issued at 50M/s\n\t1G resilvered, 50.00% done, 1 days 00:00:01 to go", "resilver", ScanScanning, func(t *testing.T, sc Scan) {
			if !sc.HasETA || sc.ETA != 24*time.Hour+time.Second || sc.Rate != 50<<20 || sc.Percent != 50 {
				t.Errorf("%+v", sc)
			}
		}},
		{"scrub in progress since Tue Mar  3 12:00:00 2026\n\t1T scanned at 1G/s, 0B issued, 2T total\n\t0B repaired, 0.00% done, no estimated completion time", "scrub", ScanScanning, func(t *testing.T, sc Scan) {
			if sc.HasETA || sc.Rate != 0 || sc.Examined != 1<<40 || sc.Total != 2<<40 {
				t.Errorf("%+v", sc)
			}
		}},
	}
	for _, tc := range tests {
		sc, err := ParseScanText(tc.in, loc)
		if err != nil {
			t.Errorf("%q: %v", tc.in, err)
			continue
		}
		if sc.Function != tc.fn || sc.State != tc.state {
			t.Errorf("%q: got %s/%s", tc.in, sc.Function, sc.State)
		}
		if tc.check != nil {
			t.Run(tc.in[:20], func(t *testing.T) { tc.check(t, sc) })
		}
	}
	for _, bad := range []string{"", "scrub in progress since yesterday", "scrub repaired 1Q in 00:00:01 with 0 errors on Tue Mar  3 12:00:00 2026", "defragmenting the universe"} {
		if _, err := ParseScanText(bad, loc); err == nil {
			t.Errorf("%q: want an error", bad)
		}
	}
}
