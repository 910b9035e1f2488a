package restic

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/opsdeck/opsdeck/remote"
)

// Failure kinds, matched with errors.Is on an *Error. restic >= 0.17.0
// exits 10 and 11, >= 0.17.1 exits 12; older versions exit 1 and are
// recognised by their message.
var (
	ErrNoRepository  = errors.New("no restic repository at that location")
	ErrLocked        = errors.New("restic repository is locked")
	ErrWrongPassword = errors.New("wrong restic password")
	ErrNotInstalled  = errors.New("restic is not installed")
	// ErrPasswordSource: restic could not read the password file or the
	// password command failed, on the server.
	ErrPasswordSource = errors.New("restic could not get the repository password")
)

// Exit codes of restic >= 0.17.
const (
	ExitNoRepository  = 10
	ExitLockFailed    = 11
	ExitWrongPassword = 12
)

// Error is a restic command that failed, with the evidence.
type Error struct {
	// Kind is one of the Err* values above, or nil when unrecognised.
	Kind error
	// Code is restic's exit status (-1 when there was none).
	Code int
	// Message is restic's own message, one line, bounded.
	Message string
	// Host and Repo say where (the repository string, never a password).
	Host, Repo string
	// Err is the underlying error (a *remote.ExitError, a ConnError…).
	Err error
}

// Error is the kind (or restic's message) with the repository.
func (e *Error) Error() string {
	what := e.Message
	if e.Kind != nil {
		what = e.Kind.Error()
		if e.Message != "" {
			what += ": " + e.Message
		}
	}
	if what == "" && e.Err != nil {
		what = e.Err.Error()
	}
	return fmt.Sprintf("restic %s: %s", orWord(e.Repo, "repository"), what)
}

// Unwrap exposes the transport or exit error.
func (e *Error) Unwrap() error { return e.Err }

// Is matches the kind.
func (e *Error) Is(target error) bool { return e.Kind != nil && e.Kind == target }

// Hint is one line an operator can act on.
func (e *Error) Hint() string {
	host := orWord(e.Host, "the server")
	switch e.Kind {
	case ErrNoRepository:
		return fmt.Sprintf("no repository at %s as %s sees it: check the repository string (and that its disk or remote is mounted/reachable), or create it with restic init", e.Repo, host)
	case ErrLocked:
		return "another restic process holds a lock: wait for it, or if no restic runs anywhere, remove stale locks with the unlock action (plain restic unlock)"
	case ErrWrongPassword:
		return fmt.Sprintf("restic on %s could not open the repository with the configured password: check password_file / password_command on the server", host)
	case ErrPasswordSource:
		return fmt.Sprintf("on %s, check that password_file exists and is readable by the user restic runs as (or enable sudo for this host), or that password_command succeeds there", host)
	case ErrNotInstalled:
		return fmt.Sprintf("restic is not on the PATH of %s: install it (apt-get install restic)", host)
	}
	if h := remote.Hint(e.Err); h != "" {
		return h
	}
	return ""
}

// Hint returns the operator hint of a restic *Error in err's chain, or
// remote.Hint's for anything else.
func Hint(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Hint()
	}
	return remote.Hint(err)
}

// exitMessage is restic >= 0.17's JSON error line on stderr under --json.
type exitMessage struct {
	MessageType string `json:"message_type"`
	Code        int    `json:"code"`
	Message     string `json:"message"`
}

// classify turns a failed restic command into an *Error; nil stays nil.
func classify(err error, host, repo string) error {
	if err == nil {
		return nil
	}
	var xe *remote.ExitError
	if !errors.As(err, &xe) {
		return &Error{Code: -1, Host: host, Repo: repo, Err: err}
	}
	e := &Error{Code: xe.Code, Host: host, Repo: repo, Err: err}
	e.Kind, e.Message = classifyText(xe.Code, xe.Stderr)
	return e
}

// classifyText reads an exit status and standard error. Exported through
// ParseFailure for tests and fuzzing.
func classifyText(code int, stderr string) (kind error, message string) {
	msg := stderr
	for _, line := range strings.Split(stderr, "\n") {
		var m exitMessage
		if strings.HasPrefix(strings.TrimSpace(line), "{") && json.Unmarshal([]byte(line), &m) == nil && m.MessageType == "exit_error" {
			if m.Code != 0 {
				code = m.Code
			}
			msg = m.Message
		}
	}
	message = firstFatal(msg)
	lower := strings.ToLower(msg)
	switch {
	case code == ExitNoRepository,
		strings.Contains(lower, "unable to open config file"),
		strings.Contains(lower, "repository does not exist"):
		return ErrNoRepository, message
	case code == ExitLockFailed,
		strings.Contains(lower, "unable to create lock"),
		strings.Contains(lower, "repository is already locked"):
		return ErrLocked, message
	case code == ExitWrongPassword,
		strings.Contains(lower, "wrong password or no key found"):
		return ErrWrongPassword, message
	case strings.Contains(lower, "resolving password failed"):
		return ErrPasswordSource, message
	case code == 127:
		return ErrNotInstalled, message
	}
	return nil, message
}

// ParseFailure classifies a restic exit status and standard error the way
// reads do: the kind (nil when unrecognised) and restic's message.
func ParseFailure(code int, stderr string) (kind error, message string) {
	return classifyText(code, stderr)
}

// firstFatal is the line restic's failure is best summarised by: the
// first "Fatal:" or lock line, else the last non-empty line; bounded.
func firstFatal(s string) string {
	var last string
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "Fatal:") || strings.HasPrefix(line, "unable to create lock") || strings.HasPrefix(line, "Resolving password failed") {
			return truncate(line, 240)
		}
		last = line
	}
	return truncate(last, 240)
}

func orWord(s, word string) string {
	if s == "" {
		return word
	}
	return s
}
