package remote

import (
	"errors"
	"fmt"
	"strings"
)

// Known failure kinds, matched with errors.Is on an *ExitError. They are
// derived from the command's exit status and standard error, so callers
// never compare stderr text themselves.
var (
	// ErrPermissionDenied: the command ran but was not allowed to act.
	ErrPermissionDenied = errors.New("permission denied")
	// ErrSudoPassword: `sudo -n` would have needed a password, or the
	// sudoers policy does not allow this command.
	ErrSudoPassword = errors.New("sudo needs a password or forbids this command")
	// ErrNotInstalled: the program does not exist on the host.
	ErrNotInstalled = errors.New("command not installed")
)

// ExitError is a command that ran and exited non-zero (or was killed by
// a signal). It keeps the evidence: what ran, where, how it ended and the
// tail of its standard error.
type ExitError struct {
	Argv   []string
	Code   int    // exit status; -1 when killed by a signal
	Signal string // e.g. "KILL" when the remote side reported a signal
	Stderr string // at most MaxStderr bytes, the tail kept
	Host   string // the host alias, or "localhost"
	User   string // the user the command ran as, when known
}

// Error is one line: the command, its status and the last stderr line.
func (e *ExitError) Error() string {
	var b strings.Builder
	b.WriteString(Quote(e.Argv))
	if e.Host != "" {
		fmt.Fprintf(&b, " on %s", e.Host)
	}
	if e.Signal != "" {
		fmt.Fprintf(&b, ": killed by signal %s", e.Signal)
	} else {
		fmt.Fprintf(&b, ": exit status %d", e.Code)
	}
	if line := lastLine(e.Stderr); line != "" {
		b.WriteString(": ")
		b.WriteString(line)
	}
	return b.String()
}

// Is lets errors.Is(err, ErrPermissionDenied) (and the other kinds) match.
func (e *ExitError) Is(target error) bool {
	k := e.kind()
	return k != nil && k == target
}

// kind classifies the failure from its exit status and stderr text. sudo
// is checked first because its messages wrap the real command's.
func (e *ExitError) kind() error {
	lower := strings.ToLower(e.Stderr)
	switch {
	case strings.Contains(lower, "sudo: a password is required"),
		strings.Contains(lower, "sudo: a terminal is required"),
		strings.Contains(lower, "is not allowed to execute"),
		strings.Contains(lower, "is not in the sudoers file"):
		return ErrSudoPassword
	case e.Code == 127,
		strings.HasPrefix(lower, "sudo:") && strings.Contains(lower, "command not found"):
		return ErrNotInstalled
	case strings.Contains(lower, "permission denied"),
		strings.Contains(lower, "operation not permitted"):
		return ErrPermissionDenied
	}
	return nil
}

// program is the command that was meant to run, looking past a
// `sudo -n --` prefix.
func (e *ExitError) program() (name string, viaSudo bool, rest []string) {
	argv := e.Argv
	if len(argv) > 0 && argv[0] == "sudo" {
		viaSudo = true
		argv = argv[1:]
		for len(argv) > 0 && strings.HasPrefix(argv[0], "-") {
			done := argv[0] == "--"
			argv = argv[1:]
			if done {
				break
			}
		}
	}
	if len(argv) == 0 {
		return "", viaSudo, nil
	}
	return argv[0], viaSudo, argv
}

func lastLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		s = strings.TrimSpace(s[i+1:])
	}
	const max = 200
	if len(s) > max {
		s = s[:max] + "…"
	}
	return s
}

// ConnError means the transport failed: the host could not be reached,
// the connection dropped mid-command, or it is down and being re-established.
// Panes keep their last data and mark it stale when they see one.
type ConnError struct {
	Host string
	Op   string // "connect", "run", "stream", "dial"
	Err  error
}

// Error names the host, what was being done and the cause.
func (e *ConnError) Error() string {
	return fmt.Sprintf("%s %s: connection failed: %v", e.Host, e.Op, e.Err)
}

// Unwrap exposes the cause (a net error, ErrDisconnected, ...).
func (e *ConnError) Unwrap() error { return e.Err }

// ErrDisconnected is the cause of a ConnError returned while the
// connection is down and a reconnect is in progress: the call failed fast
// without touching the network.
var ErrDisconnected = errors.New("not connected (reconnecting)")

// ErrClosed is returned by a Runner after Close.
var ErrClosed = errors.New("runner closed")
