package ops

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/opsdeck/opsdeck/remote"
)

// errNoRunner is returned when a Host has no transport yet.
var errNoRunner = errors.New("no runner: the host is not connected")

// output runs argv on r and returns its standard output.
func output(ctx context.Context, r remote.Runner, argv []string) ([]byte, error) {
	if r == nil {
		return nil, errNoRunner
	}
	res, err := r.Run(ctx, argv)
	if err != nil {
		return res.Stdout, err
	}
	return res.Stdout, nil
}

// privileged is the runner for reads that show more to root: `zpool
// status -v` lists damaged files only when the caller may read the error
// log (ZFS_IOC_ERROR_LOG needs the inject privilege); as a plain user the
// same command still succeeds, without the list.
func privileged(h *Host) remote.Runner {
	if h.Privileged != nil {
		return h.Privileged
	}
	return h.Runner
}

// hostLocation is the zone scan dates in text output are printed in:
// ctime() uses the host's TZ, which nothing in the text says, so the probe
// reads the host's UTC offset. A fixed offset is wrong only for dates on
// the other side of a daylight-saving change (an hour off); JSON output
// carries epoch seconds and needs no zone. Without an offset (a probe
// that could not run date), the local zone is the best guess.
func hostLocation(h *Host) *time.Location {
	if loc, ok := ParseUTCOffset(h.Platform.UTCOffset); ok {
		return loc
	}
	return time.Local
}

// ParseUTCOffset reads `date +%z` output such as "+0100" or "-0530" as a
// fixed zone.
func ParseUTCOffset(s string) (*time.Location, bool) {
	s = strings.TrimSpace(s)
	if len(s) != 5 || (s[0] != '+' && s[0] != '-') {
		return nil, false
	}
	hh, err1 := strconv.Atoi(s[1:3])
	mm, err2 := strconv.Atoi(s[3:5])
	if err1 != nil || err2 != nil || hh > 14 || mm > 59 {
		return nil, false
	}
	secs := hh*3600 + mm*60
	if s[0] == '-' {
		secs = -secs
	}
	return time.FixedZone("UTC"+s, secs), true
}

// describe turns a read error into the message HostStatus.Errors shows:
// the remote package's hint when it has one (sudoers line, zfs allow,
// not installed, connection down), then the evidence.
func describe(err error) string {
	if err == nil {
		return ""
	}
	if hint := remote.Hint(err); hint != "" {
		return fmt.Sprintf("%s (%v)", hint, err)
	}
	return err.Error()
}
