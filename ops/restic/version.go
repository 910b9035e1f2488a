package restic

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Version is restic's version from `restic version`.
type Version struct {
	Major, Minor, Patch int
	// Raw is the whole first line, e.g. "restic 0.14.0 compiled with go1.19.8 on linux/amd64".
	Raw string
}

var versionRe = regexp.MustCompile(`^restic (\d+)\.(\d+)\.(\d+)`)

// ParseVersion reads `restic version` output.
func ParseVersion(out string) (Version, error) {
	line := strings.TrimSpace(out)
	if i := strings.IndexByte(line, '\n'); i >= 0 {
		line = strings.TrimSpace(line[:i])
	}
	m := versionRe.FindStringSubmatch(line)
	if m == nil {
		return Version{}, fmt.Errorf("restic version: unexpected output %q", truncate(line, 80))
	}
	v := Version{Raw: line}
	v.Major, _ = strconv.Atoi(m[1])
	v.Minor, _ = strconv.Atoi(m[2])
	v.Patch, _ = strconv.Atoi(m[3])
	return v, nil
}

// Known reports whether the version was read.
func (v Version) Known() bool { return v.Raw != "" }

// AtLeast reports whether v >= major.minor.patch.
func (v Version) AtLeast(major, minor, patch int) bool {
	if v.Major != major {
		return v.Major > major
	}
	if v.Minor != minor {
		return v.Minor > minor
	}
	return v.Patch >= patch
}

// HasCheckJSON reports whether `restic check --json` exists (0.18.0).
func (v Version) HasCheckJSON() bool { return v.AtLeast(0, 18, 0) }

// String is "0.14.0", or "unknown".
func (v Version) String() string {
	if !v.Known() {
		return "unknown"
	}
	return fmt.Sprintf("%d.%d.%d", v.Major, v.Minor, v.Patch)
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
