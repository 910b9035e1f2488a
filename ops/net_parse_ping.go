package ops

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// errNoReply is a ping whose probes all went unanswered.
var errNoReply = errors.New("no reply")

// ParsePing reads the summary of `ping -q`: iputils' "3 packets
// transmitted, 3 received, …" and "rtt min/avg/max/mdev = a/b/c/d ms"
// (busybox says "round-trip min/avg/max = a/b/c ms"). With every probe
// lost there is no rtt line: the counts come back with an error.
func ParsePing(b []byte) (NetPing, error) {
	var p NetPing
	var haveCounts, haveRTT bool
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case strings.Contains(line, "packets transmitted"):
			f := strings.Fields(strings.ReplaceAll(line, ",", " "))
			if len(f) < 4 {
				return NetPing{}, fmt.Errorf("ping: unexpected %q", line)
			}
			tx, err1 := strconv.Atoi(f[0])
			rx, err2 := strconv.Atoi(f[3])
			if err1 != nil || err2 != nil || tx < 0 || rx < 0 {
				return NetPing{}, fmt.Errorf("ping: unexpected %q", line)
			}
			p.Transmitted, p.Received, haveCounts = tx, rx, true
		case strings.HasPrefix(line, "rtt ") || strings.HasPrefix(line, "round-trip "):
			_, vals, ok := strings.Cut(line, "=")
			vals = strings.TrimSuffix(strings.TrimSpace(vals), "ms")
			f := strings.Split(strings.TrimSpace(vals), "/")
			if !ok || len(f) < 3 {
				return NetPing{}, fmt.Errorf("ping: unexpected %q", line)
			}
			var d [3]time.Duration
			for i := range d {
				ms, err := strconv.ParseFloat(strings.TrimSpace(f[i]), 64)
				if err != nil || ms < 0 || ms > 1e7 {
					return NetPing{}, fmt.Errorf("ping: unexpected %q", line)
				}
				d[i] = time.Duration(ms * float64(time.Millisecond))
			}
			p.Min, p.Avg, p.Max, haveRTT = d[0], d[1], d[2], true
		}
	}
	switch {
	case !haveCounts:
		return NetPing{}, errors.New("ping: no summary in the output")
	case !haveRTT || p.Received == 0:
		return p, fmt.Errorf("ping: %w to %d probes", errNoReply, p.Transmitted)
	}
	return p, nil
}
