package iperf

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/opsdeck/opsdeck/remote"
)

// Version is an iperf3 version as `iperf3 --version` prints it.
type Version struct {
	Major, Minor, Patch int
	Raw                 string // the first line, e.g. "iperf 3.12 (cJSON 1.7.15)"
}

// ArgvVersion asks iperf3 for its version.
func ArgvVersion() []string { return []string{"iperf3", "--version"} }

var versionRe = regexp.MustCompile(`^iperf (\d{1,4})\.(\d{1,4})(?:\.(\d{1,4}))?`)

// ParseVersion reads the output of `iperf3 --version`.
func ParseVersion(out string) (Version, error) {
	first, _, _ := strings.Cut(strings.TrimLeft(out, "\r\n \t"), "\n")
	first = strings.TrimSpace(first)
	m := versionRe.FindStringSubmatch(first)
	if m == nil {
		return Version{}, fmt.Errorf("iperf3 --version: unrecognised output %q", clip(first, 80))
	}
	v := Version{Raw: first}
	// The regexp bounds each number to four digits, so Atoi cannot fail.
	v.Major, _ = strconv.Atoi(m[1])
	v.Minor, _ = strconv.Atoi(m[2])
	if m[3] != "" {
		v.Patch, _ = strconv.Atoi(m[3])
	}
	return v, nil
}

// String is "3.12" or "3.17.1"; "unknown" for the zero Version.
func (v Version) String() string {
	switch {
	case v.Major == 0:
		return "unknown"
	case v.Patch != 0:
		return fmt.Sprintf("%d.%d.%d", v.Major, v.Minor, v.Patch)
	}
	return fmt.Sprintf("%d.%d", v.Major, v.Minor)
}

// atLeast reports whether v >= major.minor.
func (v Version) atLeast(major, minor int) bool {
	return v.Major > major || (v.Major == major && v.Minor >= minor)
}

// HasJSONStream reports whether this iperf3 has --json-stream (3.17+),
// whose interval lines arrive live. Older ones print -J only at exit, so
// tests there read the --forceflush text output instead.
func (v Version) HasJSONStream() bool { return v.atLeast(3, 17) }

// hasConnectTimeout: --connect-timeout exists from 3.9 on; the zero
// Version stands for the Debian 12 baseline (3.12), which has it.
func (v Version) hasConnectTimeout() bool { return v.Major == 0 || v.atLeast(3, 9) }

// DetectVersion runs `iperf3 --version` on the host. A missing iperf3 is
// an *Error of KindMissing whose message says how to install it.
func DetectVersion(ctx context.Context, r remote.Runner, host string) (Version, error) {
	res, err := r.Run(ctx, ArgvVersion())
	if err != nil {
		var ee *remote.ExitError
		if errors.Is(err, remote.ErrNotInstalled) || (errors.As(err, &ee) && ee.Code == 127) {
			return Version{}, &Error{Kind: KindMissing, Host: host}
		}
		return Version{}, fmt.Errorf("iperf3 --version on %s: %w", orWord(host, "the host"), err)
	}
	return ParseVersion(string(res.Stdout))
}

// clip bounds text quoted in errors.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
