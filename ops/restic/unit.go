package restic

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/opsdeck/opsdeck/ops"
)

// UnitRun is the last run of the configured check unit as systemd knows
// it. systemd keeps no history either: only the latest run is there.
type UnitRun struct {
	Unit        string
	LoadState   string // "loaded", "not-found", …
	ActiveState string // "inactive", "active" (running now), "failed"
	// Ran is false when the unit has not exited since boot.
	Ran bool
	// Status is ExecMainStatus: restic check's exit status.
	Status int
	// Exited is ExecMainExitTimestamp.
	Exited time.Time
}

// OK reports whether the last run exited 0.
func (u UnitRun) OK() bool { return u.Ran && u.Status == 0 }

// ParseUnitShow reads `systemctl show -p …` (KEY=VALUE lines, any
// order). systemd prints timestamps in the server's local time with a
// zone abbreviation ("Thu 2026-11-26 10:36:33 CET"), which Go cannot map
// to an offset; utcOffset ("+0100", from the host probe's date +%z) gives
// it, and UTC/GMT need none.
func ParseUnitShow(out, unit, utcOffset string) (UnitRun, error) {
	u := UnitRun{Unit: unit}
	var haveStatus bool
	for _, line := range strings.Split(out, "\n") {
		k, v, ok := strings.Cut(strings.TrimSpace(line), "=")
		if !ok {
			continue
		}
		switch k {
		case "LoadState":
			u.LoadState = v
		case "ActiveState":
			u.ActiveState = v
		case "ExecMainStatus":
			n, err := strconv.Atoi(v)
			if err != nil {
				return UnitRun{}, fmt.Errorf("systemctl show %s: ExecMainStatus=%q", unit, truncate(v, 40))
			}
			u.Status, haveStatus = n, true
		case "ExecMainExitTimestamp":
			if v == "" || v == "n/a" {
				continue
			}
			t, err := parseSystemdTime(v, utcOffset)
			if err != nil {
				return UnitRun{}, fmt.Errorf("systemctl show %s: %w", unit, err)
			}
			u.Exited = t
		}
	}
	if !haveStatus && u.ActiveState == "" {
		return UnitRun{}, fmt.Errorf("systemctl show %s: no properties in output", unit)
	}
	u.Ran = !u.Exited.IsZero()
	return u, nil
}

// parseSystemdTime reads "Thu 2026-11-26 10:36:33 UTC" or "@1700000000".
func parseSystemdTime(v, utcOffset string) (time.Time, error) {
	if strings.HasPrefix(v, "@") {
		n, err := strconv.ParseInt(v[1:], 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("timestamp %q", truncate(v, 40))
		}
		return time.Unix(n, 0), nil
	}
	f := strings.Fields(v)
	if len(f) != 4 {
		return time.Time{}, fmt.Errorf("timestamp %q", truncate(v, 60))
	}
	loc := time.UTC
	if z := f[3]; z != "UTC" && z != "GMT" {
		if strings.HasPrefix(z, "+") || strings.HasPrefix(z, "-") {
			utcOffset = z
		}
		off, ok := ops.ParseUTCOffset(utcOffset)
		if !ok {
			return time.Time{}, fmt.Errorf("timestamp %q in zone %s: the server's UTC offset is unknown", v, z)
		}
		loc = off
	}
	t, err := time.ParseInLocation("2006-01-02 15:04:05", f[1]+" "+f[2], loc)
	if err != nil {
		return time.Time{}, fmt.Errorf("timestamp %q", truncate(v, 60))
	}
	return t, nil
}
