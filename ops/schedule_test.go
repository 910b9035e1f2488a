package ops

import (
	"reflect"
	"testing"
)

func TestScrubSchedules(t *testing.T) {
	pools := []string{"tank", "backup", "scratch"}
	debian := ParseScrubTimers(fixture(t, "systemd/timers_debian.txt"), pools)
	want := []ScrubSchedule{
		{Pool: "tank", Source: "zfs-scrub-monthly@tank.timer", When: "monthly", Next: utc("2026-12-01 00:41:17"), Found: true},
		{Pool: "backup", Source: "zfs-scrub-weekly@backup.timer", When: "weekly", Next: utc("2026-11-30 00:07:51"), Found: true},
		{Pool: "scratch"},
	}
	if !reflect.DeepEqual(debian, want) {
		t.Errorf("debian timers\n%+v\nwant\n%+v", debian, want)
	}
	nixos := ParseScrubTimers(fixture(t, "systemd/timers_nixos.txt"), pools)
	for _, s := range nixos {
		if !s.Found || s.Source != "zfs-scrub.timer" || !s.Next.Equal(utc("2026-11-28 02:00:00")) {
			t.Errorf("nixos %+v", s)
		}
	}
	for _, rel := range []string{"systemd/timers_inactive.txt", "systemd/timers_none.txt"} {
		for _, s := range ParseScrubTimers(fixture(t, rel), pools) {
			if s.Found {
				t.Errorf("%s: %+v should not count as a schedule", rel, s)
			}
		}
	}

	cron := ParseScrubCron(fixture(t, "systemd/cron_zfsutils_debian12.txt"), pools)
	if c := cron[2]; !c.Found || c.Pool != "scratch" || c.When != "second Sunday of every month at 00:24" || c.Source != "/etc/cron.d/zfsutils-linux" {
		t.Errorf("cron %+v", c)
	}
	for _, s := range ParseScrubCron(fixture(t, "systemd/cron_scrub_disabled.txt"), pools) {
		if s.Found {
			t.Errorf("commented-out cron line: %+v", s)
		}
	}
	merged := MergeSchedules(debian, cron)
	if merged[0].Source != "zfs-scrub-monthly@tank.timer" || merged[2].Source != "/etc/cron.d/zfsutils-linux" {
		t.Errorf("merged %+v", merged)
	}
	none := MergeSchedules(ParseScrubTimers(nil, pools), ParseScrubCron(nil, pools))
	if len(none) != 3 || none[1].Found || none[1].Pool != "backup" {
		t.Errorf("no schedule %+v", none)
	}
}
