package ops

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// reTimerNext is the NEXT column of `systemctl list-timers`:
// "Sun 2026-12-13 00:00:00 UTC". It reads "n/a" or "-" when the timer
// has no next elapse.
var reTimerNext = regexp.MustCompile(`^\s*(\w{3} \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \S+)`)

// reScrubTimer names the timer units distributions ship for scrubs:
// Debian/Ubuntu zfsutils' zfs-scrub-monthly@POOL.timer and
// zfs-scrub-weekly@POOL.timer, NixOS's zfs-scrub.timer (all pools, or
// the pools in services.zfs.autoScrub.pools).
var reScrubTimer = regexp.MustCompile(`^zfs-scrub(?:-(monthly|weekly)@(.+))?\.timer$`)

// ParseScrubTimers reads `systemctl list-timers --all --no-pager
// --no-legend 'zfs-scrub*'` and returns one ScrubSchedule per pool, Found
// false for pools no timer covers. A timer with no next elapse (disabled
// or inactive) schedules nothing.
func ParseScrubTimers(out []byte, pools []string) []ScrubSchedule {
	found := map[string]ScrubSchedule{}
	var all *ScrubSchedule
	for _, line := range strings.Split(string(out), "\n") {
		var unit string
		for _, w := range strings.Fields(line) {
			if strings.HasSuffix(w, ".timer") {
				unit = w
				break
			}
		}
		m := reScrubTimer.FindStringSubmatch(unit)
		if m == nil {
			continue
		}
		nm := reTimerNext.FindStringSubmatch(line)
		if nm == nil {
			continue
		}
		next, err := time.Parse("Mon 2006-01-02 15:04:05 MST", nm[1])
		if err != nil {
			continue
		}
		s := ScrubSchedule{Source: unit, Next: next.UTC(), Found: true}
		if m[1] == "" {
			// NixOS: one timer for every pool; its OnCalendar is not shown
			// by list-timers, the next run is.
			s.When = "systemd timer (services.zfs.autoScrub)"
			all = &s
			continue
		}
		s.When = m[1]
		s.Pool = m[2]
		found[m[2]] = s
	}
	res := make([]ScrubSchedule, 0, len(pools))
	for _, p := range pools {
		s, ok := found[p]
		switch {
		case ok:
		case all != nil:
			s = *all
			s.Pool = p
		default:
			s = ScrubSchedule{Pool: p}
		}
		res = append(res, s)
	}
	return res
}

// debianScrubScript is what Debian's cron.d/zfsutils-linux runs to scrub
// every pool (whose org.debian:periodic-scrub is not "disable").
const debianScrubScript = "/usr/lib/zfs-linux/scrub"

// reCronDays is the day-of-month field Debian uses with a Sunday test:
// "8-14" is the second Sunday.
var reCronDays = map[string]string{
	"1-7": "first", "8-14": "second", "15-21": "third", "22-28": "fourth",
}

// ParseScrubCron reads /etc/cron.d/zfsutils-linux and returns one
// ScrubSchedule per pool: Found when an active line runs the scrub script
// (it scrubs all pools), false otherwise.
func ParseScrubCron(out []byte, pools []string) []ScrubSchedule {
	var sched *ScrubSchedule
	for _, line := range strings.Split(string(out), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") || !strings.Contains(line, debianScrubScript) {
			continue
		}
		f := strings.Fields(line)
		if len(f) < 7 {
			continue
		}
		when := "cron " + strings.Join(f[:5], " ")
		if nth, ok := reCronDays[f[2]]; ok && strings.Contains(line, "date +\\%w) -eq 0") {
			when = nth + " Sunday of every month"
			if h, herr := strconv.Atoi(f[1]); herr == nil {
				if m, merr := strconv.Atoi(f[0]); merr == nil {
					when += fmt.Sprintf(" at %02d:%02d", h, m)
				}
			}
		}
		sched = &ScrubSchedule{Source: "/etc/cron.d/zfsutils-linux", When: when, Found: true}
		break
	}
	res := make([]ScrubSchedule, 0, len(pools))
	for _, p := range pools {
		s := ScrubSchedule{Pool: p}
		if sched != nil {
			s = *sched
			s.Pool = p
		}
		res = append(res, s)
	}
	return res
}

// MergeSchedules prefers a systemd timer over cron for each pool; a pool
// neither covers keeps Found false ("no schedule").
func MergeSchedules(timers, cron []ScrubSchedule) []ScrubSchedule {
	byPool := map[string]ScrubSchedule{}
	for _, s := range cron {
		if s.Found {
			byPool[s.Pool] = s
		}
	}
	out := make([]ScrubSchedule, len(timers))
	for i, s := range timers {
		if c, ok := byPool[s.Pool]; ok && !s.Found {
			s = c
		}
		out[i] = s
	}
	return out
}
