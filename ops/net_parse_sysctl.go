package ops

import (
	"fmt"
	"strconv"
	"strings"
)

// ParseSysctlTCP reads the output of ArgvSysctlTCP: one value a line in
// sysctlTCPKeys order. A key the kernel lacks makes sysctl skip its line
// (and complain on stderr), which would shift every later value into the
// wrong field, so a line count other than len(sysctlTCPKeys) is an error
// rather than a guess. BDP fields are left for ReadNetwork.
func ParseSysctlTCP(b []byte) (TCPTuning, error) {
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(lines) != len(sysctlTCPKeys) {
		return TCPTuning{}, fmt.Errorf("sysctl: want %d values (%s), got %d lines",
			len(sysctlTCPKeys), strings.Join(sysctlTCPKeys, " "), len(lines))
	}
	for i := range lines {
		lines[i] = strings.TrimSpace(lines[i])
	}
	t := TCPTuning{
		CongestionControl: lines[0],
		Available:         strings.Fields(lines[1]),
		DefaultQdisc:      lines[2],
	}
	if t.CongestionControl == "" || t.DefaultQdisc == "" {
		return TCPTuning{}, fmt.Errorf("sysctl: empty congestion control or default qdisc")
	}
	ecn, err := strconv.Atoi(lines[3])
	if err != nil {
		return TCPTuning{}, fmt.Errorf("sysctl %s: %q is not a number", sysctlTCPKeys[3], lines[3])
	}
	t.ECN = ecn
	if t.RmemMax, err = strconv.ParseUint(lines[4], 10, 64); err != nil {
		return TCPTuning{}, fmt.Errorf("sysctl %s: %q is not a number", sysctlTCPKeys[4], lines[4])
	}
	if t.WmemMax, err = strconv.ParseUint(lines[5], 10, 64); err != nil {
		return TCPTuning{}, fmt.Errorf("sysctl %s: %q is not a number", sysctlTCPKeys[5], lines[5])
	}
	if t.TCPRmem, err = parseTriple(lines[6]); err != nil {
		return TCPTuning{}, fmt.Errorf("sysctl %s: %w", sysctlTCPKeys[6], err)
	}
	if t.TCPWmem, err = parseTriple(lines[7]); err != nil {
		return TCPTuning{}, fmt.Errorf("sysctl %s: %w", sysctlTCPKeys[7], err)
	}
	return t, nil
}

// parseTriple reads "min default max" (tab-separated as the kernel
// prints it; any spaces accepted).
func parseTriple(s string) ([3]uint64, error) {
	var t [3]uint64
	f := strings.Fields(s)
	if len(f) != 3 {
		return t, fmt.Errorf("%q is not three numbers", s)
	}
	for i, v := range f {
		n, err := strconv.ParseUint(v, 10, 64)
		if err != nil {
			return t, fmt.Errorf("%q is not three numbers", s)
		}
		t[i] = n
	}
	return t, nil
}
