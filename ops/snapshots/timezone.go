package snapshots

import (
	"context"
	"fmt"
	"strings"
	"time"

	// Day boundaries need the server's zone rules even when the machine
	// running the console has no zoneinfo (a minimal container).
	_ "time/tzdata"

	"github.com/opsdeck/opsdeck/ops"
)

// ArgvTimeZone resolves /etc/localtime, which on Debian and most Linux
// systems is a symlink into /usr/share/zoneinfo naming the IANA zone.
func ArgvTimeZone() []string { return []string{"readlink", "-f", "/etc/localtime"} }

// ParseTimeZone takes the zone name out of ArgvTimeZone's output
// ("/usr/share/zoneinfo/Europe/Berlin" -> "Europe/Berlin").
func ParseTimeZone(out string) (string, error) {
	path := strings.TrimSpace(out)
	_, name, ok := strings.Cut(path, "/zoneinfo/")
	name = strings.TrimPrefix(strings.TrimPrefix(name, "posix/"), "right/")
	if !ok || name == "" || strings.Contains(name, "..") {
		return "", fmt.Errorf("/etc/localtime resolves to %q, not a zoneinfo file", clip(path))
	}
	return name, nil
}

// ReadLocation returns the server's time zone, which the retention
// planner's day, week, month and year boundaries follow. It always
// returns a usable location: the IANA zone /etc/localtime names; failing
// that, a fixed zone at the offset the probe found (h.Platform.UTCOffset,
// right except across DST changes); failing that, UTC. The error says
// why it fell back.
func ReadLocation(ctx context.Context, h *ops.Host) (*time.Location, error) {
	res, err := h.Runner.Run(ctx, ArgvTimeZone())
	var name string
	if err == nil {
		name, err = ParseTimeZone(string(res.Stdout))
	}
	if err == nil {
		loc, lerr := time.LoadLocation(name)
		if lerr == nil {
			return loc, nil
		}
		err = lerr
	}
	if loc, ok := ops.ParseUTCOffset(h.Platform.UTCOffset); ok {
		return loc, fmt.Errorf("server time zone unknown, using the fixed offset %s (no DST): %w", h.Platform.UTCOffset, err)
	}
	return time.UTC, fmt.Errorf("server time zone unknown, using UTC: %w", err)
}
