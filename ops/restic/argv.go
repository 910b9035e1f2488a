package restic

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// ErrNoPasswordSource refuses a repository configured with neither a
// password command nor a password file: restic would wait for a password
// on a terminal that does not exist.
var ErrNoPasswordSource = errors.New("no password_command or password_file configured")

// base is `env RESTIC_REPOSITORY=… [RESTIC_PASSWORD_FILE=…] restic
// [--password-command CMD]`: the environment travels in argv, so the
// console's own environment is never involved, and the password stays on
// the server.
func base(repo RepoConfig) ([]string, error) {
	switch {
	case strings.TrimSpace(repo.Repository) == "":
		return nil, errors.New("restic: repository not configured")
	case repo.PasswordCommand != "" && repo.PasswordFile != "":
		// restic itself refuses both ("mutually exclusive").
		return nil, fmt.Errorf("restic repository %s: password_command and password_file are mutually exclusive", repo.Repository)
	case repo.PasswordCommand == "" && repo.PasswordFile == "":
		return nil, fmt.Errorf("restic repository %s: %w", repo.Repository, ErrNoPasswordSource)
	}
	argv := []string{"env", "RESTIC_REPOSITORY=" + repo.Repository}
	if repo.PasswordFile != "" {
		argv = append(argv, "RESTIC_PASSWORD_FILE="+repo.PasswordFile, "restic")
	} else {
		argv = append(argv, "restic", "--password-command", repo.PasswordCommand)
	}
	return argv, nil
}

func with(repo RepoConfig, args ...string) ([]string, error) {
	argv, err := base(repo)
	if err != nil {
		return nil, err
	}
	return append(argv, args...), nil
}

// ArgvVersion is `restic version`.
func ArgvVersion() []string { return []string{"restic", "version"} }

// ArgvSnapshots lists every snapshot as JSON without locking, so a read
// never blocks (or is blocked by) a running backup.
func ArgvSnapshots(repo RepoConfig) ([]string, error) {
	return with(repo, "snapshots", "--json", "--no-lock")
}

// ArgvListLocks lists the IDs of the repository's lock files.
func ArgvListLocks(repo RepoConfig) ([]string, error) {
	return with(repo, "list", "locks", "--no-lock")
}

var lockIDRe = regexp.MustCompile(`^[0-9a-f]{8,64}$`)

// ArgvCatLock prints one lock file (who holds it, since when) as JSON.
func ArgvCatLock(repo RepoConfig, id string) ([]string, error) {
	if !lockIDRe.MatchString(id) {
		return nil, fmt.Errorf("restic: %q is not a lock ID", truncate(id, 80))
	}
	return with(repo, "cat", "lock", id, "--no-lock")
}

var subsetRe = regexp.MustCompile(`^([1-9][0-9]*/[1-9][0-9]*|[0-9]+(\.[0-9]+)?%|[1-9][0-9]*[KMGT]?)$`)

// ValidSubset checks a --read-data-subset value: "n/t" (group n of t),
// "x%" (a random percentage) or a size such as "500M".
func ValidSubset(s string) error {
	if !subsetRe.MatchString(s) {
		return fmt.Errorf("read-data subset %q: use n/t (e.g. 1/5), a percentage (e.g. 2.5%%) or a size (e.g. 500M)", truncate(s, 40))
	}
	var n, t int
	if _, err := fmt.Sscanf(s, "%d/%d", &n, &t); err == nil && n > t {
		return fmt.Errorf("read-data subset %s: group %d of only %d", s, n, t)
	}
	return nil
}

// ArgvCheck is `restic check [--read-data-subset S] [--json]`. jsonOut
// needs restic >= 0.18 (Version.HasCheckJSON).
func ArgvCheck(repo RepoConfig, subset string, jsonOut bool) ([]string, error) {
	args := []string{"check"}
	if subset != "" {
		if err := ValidSubset(subset); err != nil {
			return nil, err
		}
		args = append(args, "--read-data-subset", subset)
	}
	if jsonOut {
		args = append(args, "--json")
	}
	return with(repo, args...)
}

// ArgvLs lists the latest snapshot's tree as JSON lines.
func ArgvLs(repo RepoConfig) ([]string, error) {
	return with(repo, "ls", "--json", "latest")
}

// ArgvRestore restores one absolute path of the latest snapshot under
// target (restic recreates the full path below it).
func ArgvRestore(repo RepoConfig, target, file string) ([]string, error) {
	if !strings.HasPrefix(file, "/") {
		return nil, fmt.Errorf("restic restore: %q is not an absolute path", truncate(file, 80))
	}
	if !strings.HasPrefix(target, "/") {
		return nil, fmt.Errorf("restic restore: target %q is not an absolute path", truncate(target, 80))
	}
	return with(repo, "restore", "latest", "--target", target, "--include", file)
}

// ArgvUnlock is plain `restic unlock`, which removes only stale locks.
// There is deliberately no way to add --remove-all: a repository may be
// shared with other hosts whose backups hold live locks.
func ArgvUnlock(repo RepoConfig) ([]string, error) {
	return with(repo, "unlock")
}

var unitRe = regexp.MustCompile(`^[A-Za-z0-9:_.@\\-]+$`)

// ArgvUnitShow reads the last run of the unit that runs restic check.
// LoadState tells a unit that does not exist (systemctl show exits 0 for
// one) from one that never ran.
func ArgvUnitShow(unit string) ([]string, error) {
	if !unitRe.MatchString(unit) || strings.HasPrefix(unit, "-") {
		return nil, fmt.Errorf("check unit %q is not a systemd unit name", truncate(unit, 80))
	}
	return []string{"systemctl", "show", "-p", "ExecMainStatus,ExecMainExitTimestamp,ActiveState,LoadState", unit}, nil
}

// ArgvPgrep lists the PIDs of processes named exactly restic; it exits 1
// when there are none.
func ArgvPgrep() []string { return []string{"pgrep", "-x", "restic"} }

// ArgvHostname is the server's host name, which restic writes into the
// locks it takes.
func ArgvHostname() []string { return []string{"uname", "-n"} }
