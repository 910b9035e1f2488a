package snapshots

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// gen makes auto snapshots of "tank/d" every step from first to last
// (inclusive), named by index so names carry no date.
func gen(first, last time.Time, step time.Duration) []Snapshot {
	var out []Snapshot
	for t, i := first, 0; !t.After(last); t, i = t.Add(step), i+1 {
		out = append(out, Snapshot{Dataset: "tank/d", Name: fmt.Sprintf("auto-%05d", i), Creation: t})
	}
	return out
}

func utc(y int, m time.Month, d, h int) time.Time { return time.Date(y, m, d, h, 0, 0, 0, time.UTC) }

// keptAt maps each kept snapshot's creation (UTC, "2006-01-02 15") to
// its reasons joined by ",".
func keptAt(p Plan) map[string]string {
	out := map[string]string{}
	for _, k := range p.Keep {
		out[k.Snapshot.Creation.UTC().Format("2006-01-02 15")] = strings.Join(k.Reasons, ",")
	}
	return out
}

func TestPlanRetention(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Skipf("no tzdata: %v", err)
	}
	withHold := gen(utc(2026, 11, 1, 0), utc(2026, 11, 10, 0), 24*time.Hour)
	withHold[2].Holds = 1
	manualMix := append(gen(utc(2026, 11, 1, 12), utc(2026, 11, 3, 12), 24*time.Hour),
		Snapshot{Dataset: "tank/d", Name: "manual-x", Creation: utc(2026, 11, 3, 20)},
		Snapshot{Dataset: "tank/d", Name: "before-upgrade", Creation: utc(2026, 11, 2, 20)})
	tests := []struct {
		name    string
		snaps   []Snapshot
		policy  Policy
		loc     *time.Location
		keep    map[string]string // creation UTC -> reasons, all of them unless nKeep says more
		nKeep   int
		destroy int
	}{
		{name: "empty", policy: DefaultPolicy()},
		{name: "all manual", policy: DefaultPolicy(), nKeep: 3, snaps: []Snapshot{
			{Dataset: "tank/d", Name: "manual-1", Creation: utc(2024, 1, 1, 0)},
			{Dataset: "tank/d", Name: "manual-2", Creation: utc(2025, 1, 1, 0)},
			{Dataset: "tank/d", Name: "manual-3", Creation: utc(2026, 1, 1, 0)}}},
		{name: "hourly for two years, default policy", policy: DefaultPolicy(),
			snaps: gen(utc(2025, 1, 1, 0), utc(2026, 11, 26, 10), time.Hour), nKeep: 20,
			keep: map[string]string{
				"2026-11-26 10": "daily 2026-11-26,weekly 2026-W48,monthly 2026-11,yearly 2026,newest",
				"2026-11-22 23": "daily 2026-11-22,weekly 2026-W47",
				"2026-11-20 23": "daily 2026-11-20",
				"2026-11-15 23": "weekly 2026-W46",
				"2026-11-08 23": "weekly 2026-W45",
				"2026-10-31 23": "monthly 2026-10",
				"2025-12-31 23": "monthly 2025-12,yearly 2025",
			}},
		{name: "ISO weeks across the new year", policy: Policy{Weekly: 3},
			snaps: gen(utc(2025, 12, 20, 12), utc(2026, 1, 3, 12), 24*time.Hour), nKeep: 3,
			keep: map[string]string{"2026-01-03 12": "weekly 2026-W01,newest", "2025-12-28 12": "weekly 2025-W52",
				"2025-12-21 12": "weekly 2025-W51"}},
		{name: "month boundary", policy: Policy{Monthly: 2},
			snaps: gen(utc(2026, 1, 30, 0), utc(2026, 3, 1, 0), 12*time.Hour), nKeep: 2,
			keep: map[string]string{"2026-03-01 00": "monthly 2026-03,newest", "2026-02-28 12": "monthly 2026-02"}},
		{name: "Berlin spring forward", policy: Policy{Daily: 3}, loc: berlin,
			snaps: gen(utc(2026, 3, 28, 0), utc(2026, 3, 30, 12), time.Hour), nKeep: 3,
			// Days end at local midnight: 23:00 UTC in CET, 22:00 in CEST.
			keep: map[string]string{"2026-03-30 12": "daily 2026-03-30,newest", "2026-03-29 21": "daily 2026-03-29",
				"2026-03-28 22": "daily 2026-03-28"}},
		{name: "Berlin fall back", policy: Policy{Daily: 3}, loc: berlin,
			snaps: gen(utc(2026, 10, 23, 0), utc(2026, 10, 26, 12), time.Hour), nKeep: 3,
			keep: map[string]string{"2026-10-26 12": "daily 2026-10-26,newest", "2026-10-25 22": "daily 2026-10-25",
				"2026-10-24 21": "daily 2026-10-24"}},
		{name: "same set in UTC", policy: Policy{Daily: 3},
			snaps: gen(utc(2026, 3, 28, 0), utc(2026, 3, 30, 12), time.Hour), nKeep: 3,
			keep: map[string]string{"2026-03-30 12": "daily 2026-03-30,newest", "2026-03-29 23": "daily 2026-03-29",
				"2026-03-28 23": "daily 2026-03-28"}},
		{name: "held snapshot survives", policy: Policy{Daily: 2}, snaps: withHold, nKeep: 3,
			keep: map[string]string{"2026-11-10 00": "daily 2026-11-10,newest", "2026-11-09 00": "daily 2026-11-09",
				"2026-11-03 00": "held"}},
		{name: "manual and other names fill no bucket", policy: Policy{Daily: 1}, snaps: manualMix, nKeep: 3,
			keep: map[string]string{"2026-11-03 12": "daily 2026-11-03,newest", "2026-11-03 20": "manual",
				"2026-11-02 20": "not automatic"}},
		{name: "zero policy keeps the newest", snaps: gen(utc(2026, 1, 1, 0), utc(2026, 1, 2, 0), time.Hour), nKeep: 1,
			keep: map[string]string{"2026-01-02 00": "newest"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := slices.Clone(tc.snaps)
			p := PlanRetention("tank/d", tc.snaps, tc.policy, DefaultNaming(), tc.loc)
			if !slices.Equal(in, tc.snaps) {
				t.Error("the input was modified")
			}
			if len(p.Keep) != tc.nKeep || len(p.Keep)+len(p.Destroy) != len(tc.snaps) {
				t.Errorf("keep %d destroy %d of %d, want keep %d: %v", len(p.Keep), len(p.Destroy), len(tc.snaps), tc.nKeep, keptAt(p))
			}
			if !contains(keptAt(p), tc.keep) {
				t.Errorf("kept\n got %v\nwant %v", keptAt(p), tc.keep)
			}
			for i, s := range p.Destroy {
				if s.Holds > 0 || DefaultNaming().Kind(s.Name) != KindAuto {
					t.Errorf("would destroy %+v", s)
				}
				if i > 0 && s.Creation.Before(p.Destroy[i-1].Creation) {
					t.Error("destroy list not oldest first")
				}
			}
		})
	}
}

// contains reports whether every entry of want is in got.
func contains(got, want map[string]string) bool {
	for k, v := range want {
		if got[k] != v {
			return false
		}
	}
	return true
}
