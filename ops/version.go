package ops

import (
	"fmt"
	"path"
	"regexp"
	"strconv"
	"strings"
)

// reZFSVersion matches the userland line of `zfs version`; the
// distribution's revision follows ("zfs-2.3.2-2~bpo12+2").
var reZFSVersion = regexp.MustCompile(`^zfs-(\d+)\.(\d+)\.(\d+)`)

// ParseZFSVersion reads `zfs version` (first line "zfs-2.1.11-1+deb12u1",
// second "zfs-kmod-…"). Older releases without `zfs version` fail here.
func ParseZFSVersion(out []byte) (ZFSVersion, error) {
	for _, line := range strings.Split(string(out), "\n") {
		line = strings.TrimSpace(line)
		m := reZFSVersion.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		var v ZFSVersion
		var err error
		for i, dst := range []*int{&v.Major, &v.Minor, &v.Patch} {
			if *dst, err = strconv.Atoi(m[i+1]); err != nil {
				return ZFSVersion{}, fmt.Errorf("zfs version %q: %w", line, err)
			}
		}
		v.Raw = line
		return v, nil
	}
	return ZFSVersion{}, fmt.Errorf("zfs version: no zfs-X.Y.Z line in %q", firstLine(out))
}

// ParseOSRelease returns PRETTY_NAME from /etc/os-release, or NAME and
// VERSION when it is missing.
func ParseOSRelease(b []byte) (string, error) {
	vals := map[string]string{}
	for _, line := range strings.Split(string(b), "\n") {
		k, v, ok := strings.Cut(strings.TrimSpace(line), "=")
		if !ok || strings.HasPrefix(k, "#") {
			continue
		}
		if uq, err := strconv.Unquote(v); err == nil {
			v = uq
		} else {
			v = strings.Trim(v, `'"`)
		}
		vals[k] = v
	}
	if p := vals["PRETTY_NAME"]; p != "" {
		return p, nil
	}
	if n := strings.TrimSpace(vals["NAME"] + " " + vals["VERSION"]); n != "" {
		return n, nil
	}
	return "", fmt.Errorf("os-release: no PRETTY_NAME or NAME")
}

// ParseTools reads the probe script's `command -v` output (one path, or
// a bare name for shell builtins, per tool found) into a map with every
// probed tool present.
func ParseTools(out []byte) map[string]bool {
	found := map[string]bool{}
	for _, line := range strings.Split(string(out), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			found[path.Base(line)] = true
		}
	}
	tools := make(map[string]bool, len(ToolsProbed))
	for _, t := range ToolsProbed {
		tools[t] = found[t]
	}
	return tools
}

func firstLine(b []byte) string {
	s, _, _ := strings.Cut(string(b), "\n")
	if len(s) > 120 {
		s = s[:120]
	}
	return s
}
