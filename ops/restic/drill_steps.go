package restic

import (
	"fmt"
	"path"
	"regexp"
	"strconv"
	"strings"
)

// drillTemplate is mktemp's template; the X's become random characters.
const drillTemplate = "opsdeck-drill.XXXXXXXXXX"

// ArgvMktemp makes the drill's fresh directory under the server's TMPDIR.
func ArgvMktemp() []string { return []string{"mktemp", "-d", "-t", drillTemplate} }

var drillDirRe = regexp.MustCompile(`^/[^\x00]*/opsdeck-drill\.[A-Za-z0-9]{10}$`)

// checkDrillDir accepts only what ArgvMktemp can have printed, so the
// removal can never be pointed anywhere else.
func checkDrillDir(dir string) error {
	if !drillDirRe.MatchString(dir) || strings.Contains(dir, "/../") || strings.Contains(dir, "/./") || strings.Contains(dir, "\n") {
		return fmt.Errorf("restore drill: %q is not a directory mktemp made for the drill", truncate(dir, 80))
	}
	return nil
}

// ArgvRemoveDrillDir removes the drill's directory.
func ArgvRemoveDrillDir(dir string) ([]string, error) {
	if err := checkDrillDir(dir); err != nil {
		return nil, err
	}
	return []string{"rm", "-rf", "--", dir}, nil
}

// ArgvSha256 is `sha256sum -- FILE`.
func ArgvSha256(file string) []string { return []string{"sha256sum", "--", file} }

// ArgvMtime is `stat -c %Y -- FILE`: the modification time in seconds.
func ArgvMtime(file string) []string { return []string{"stat", "-c", "%Y", "--", file} }

// restoredPath is where restic restore puts file under dir: it recreates
// the whole path below the target.
func restoredPath(dir, file string) string { return path.Join(dir, file) }

// globEscape makes file a literal --include pattern: restic matches
// include patterns as globs, with backslash as the escape character.
func globEscape(file string) string {
	var b strings.Builder
	for _, r := range file {
		if strings.ContainsRune(`*?[]\`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// ParseSha256 reads sha256sum's line for one file: 64 hex digits, after
// a backslash when the name needed escaping.
func ParseSha256(out string) (string, error) {
	s := strings.TrimPrefix(strings.TrimSpace(out), `\`)
	if len(s) < 64 {
		return "", fmt.Errorf("sha256sum: unexpected output %q", truncate(s, 80))
	}
	sum := s[:64]
	for _, c := range sum {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return "", fmt.Errorf("sha256sum: unexpected output %q", truncate(s, 80))
		}
	}
	return sum, nil
}

// ParseMtime reads `stat -c %Y` output.
func ParseMtime(out string) (int64, error) {
	n, err := strconv.ParseInt(strings.TrimSpace(out), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("stat: unexpected output %q", truncate(strings.TrimSpace(out), 40))
	}
	return n, nil
}

// Compare decides a drill's outcome from the two checksums and
// modification times; liveMissing when the live file is gone.
func Compare(restoredSum, liveSum string, restoredMtime, liveMtime int64, liveMissing bool) Outcome {
	switch {
	case liveMissing:
		return OutcomeLiveMissing
	case restoredSum == liveSum:
		return OutcomeMatch
	case liveMtime > restoredMtime:
		return OutcomeChanged
	}
	return OutcomeMismatch
}
