package remote

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestExitErrorKinds(t *testing.T) {
	cases := []struct {
		name   string
		err    *ExitError
		kind   error
		hint   []string // substrings the hint must contain
		noHint bool
	}{
		{
			name: "zpool scrub without privileges",
			err:  &ExitError{Argv: []string{"zpool", "scrub", "tank"}, Code: 1, Stderr: "cannot scrub 'tank': permission denied\n", Host: "nas", User: "ops"},
			kind: ErrPermissionDenied,
			hint: []string{"zfs allow ops", "ops ALL=(root) NOPASSWD: /path/to/zpool scrub tank", "on nas"},
		},
		{
			name: "sudo wants a password",
			err:  &ExitError{Argv: []string{"sudo", "-n", "--", "zpool", "scrub", "-p", "tank"}, Code: 1, Stderr: "sudo: a password is required\n", Host: "nas", User: "ops"},
			kind: ErrSudoPassword,
			hint: []string{"sudo on nas needs a password", "ops ALL=(root) NOPASSWD: /path/to/zpool scrub -p tank", "command -v zpool"},
		},
		{
			name: "sudo with absolute path",
			err:  &ExitError{Argv: []string{"sudo", "-n", "--", "/usr/sbin/zpool", "scrub", "tank"}, Code: 1, Stderr: "sudo: a password is required"},
			kind: ErrSudoPassword,
			hint: []string{"USER ALL=(root) NOPASSWD: /usr/sbin/zpool scrub tank"},
		},
		{
			name: "not in sudoers",
			err:  &ExitError{Argv: []string{"sudo", "-n", "--", "zpool", "scrub", "tank"}, Code: 1, Stderr: "Sorry, user ops is not allowed to execute '/usr/sbin/zpool scrub tank' as root on nas."},
			kind: ErrSudoPassword,
		},
		{
			name: "command not found",
			err:  &ExitError{Argv: []string{"zpool", "status"}, Code: 127, Stderr: "bash: line 1: zpool: command not found\n", Host: "nas"},
			kind: ErrNotInstalled,
			hint: []string{"zpool is not installed on nas"},
		},
		{
			name: "sudo command not found",
			err:  &ExitError{Argv: []string{"sudo", "-n", "--", "zpool", "status"}, Code: 1, Stderr: "sudo: zpool: command not found\n", Host: "nas"},
			kind: ErrNotInstalled,
			hint: []string{"zpool is not installed on nas"},
		},
		{
			name:   "ordinary failure",
			err:    &ExitError{Argv: []string{"zpool", "status", "nope"}, Code: 1, Stderr: "cannot open 'nope': no such pool\n"},
			noHint: true,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var wrapped error = fmt.Errorf("read pools: %w", tc.err)
			for _, k := range []error{ErrPermissionDenied, ErrSudoPassword, ErrNotInstalled} {
				if got := errors.Is(wrapped, k); got != (k == tc.kind) {
					t.Errorf("errors.Is(%v) = %v", k, got)
				}
			}
			h := Hint(wrapped)
			if tc.noHint && h != "" {
				t.Errorf("Hint = %q, want none", h)
			}
			for _, s := range tc.hint {
				if !strings.Contains(h, s) {
					t.Errorf("Hint = %q, missing %q", h, s)
				}
			}
			if strings.Contains(h, "\n") {
				t.Errorf("Hint is not one line: %q", h)
			}
		})
	}
}

func TestExitErrorMessage(t *testing.T) {
	e := &ExitError{Argv: []string{"zpool", "status", "my pool"}, Code: 1, Stderr: "noise\ncannot open 'my pool': no such pool\n", Host: "nas"}
	want := "zpool status 'my pool' on nas: exit status 1: cannot open 'my pool': no such pool"
	if e.Error() != want {
		t.Errorf("Error() = %q, want %q", e.Error(), want)
	}
}

func TestConnErrorHint(t *testing.T) {
	err := &ConnError{Host: "nas", Op: "run", Err: ErrDisconnected}
	if !errors.Is(err, ErrDisconnected) {
		t.Error("ConnError does not unwrap to its cause")
	}
	if h := Hint(err); !strings.Contains(h, "stale") {
		t.Errorf("Hint = %q", h)
	}
	auth := &ConnError{Host: "nas", Op: "connect", Err: errors.New("ssh: handshake failed: ssh: unable to authenticate, attempted methods [none publickey]")}
	if h := Hint(auth); !strings.Contains(h, "refused every key") {
		t.Errorf("auth hint = %q", h)
	}
	if Hint(nil) != "" || Hint(errors.New("other")) != "" {
		t.Error("Hint of nil or a foreign error is not empty")
	}
}

func TestTailBuffer(t *testing.T) {
	tb := newTailBuffer(10)
	for i := 0; i < 100; i++ {
		fmt.Fprintf(tb, "%d,", i)
	}
	if got := string(tb.Bytes()); got != "96,97,98,99,"[2:] {
		t.Errorf("tail = %q", got)
	}
	tb.Write([]byte(strings.Repeat("x", 50) + "0123456789"))
	if got := string(tb.Bytes()); got != "0123456789" {
		t.Errorf("tail after big write = %q", got)
	}
}
