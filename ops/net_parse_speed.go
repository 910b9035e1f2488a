package ops

import (
	"fmt"
	"strconv"
	"strings"
)

// ParseLinkSpeeds reads linkSpeedScript's "NAME SPEED" lines into Mb/s
// by interface. A speed of -1 (no carrier, or a driver that does not
// know, such as virtio-net) or 0 means unknown and is left out.
func ParseLinkSpeeds(b []byte) (map[string]int, error) {
	speeds := map[string]int{}
	for n, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		if len(f) != 2 {
			return nil, fmt.Errorf("link speed line %d: want NAME SPEED, got %q", n+1, line)
		}
		v, err := strconv.Atoi(f[1])
		if err != nil {
			return nil, fmt.Errorf("link speed of %s: %q is not a number", f[0], f[1])
		}
		if v > 0 {
			speeds[f[0]] = v
		}
	}
	return speeds, nil
}
