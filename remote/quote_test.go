package remote

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"
)

var quoteCases = []struct {
	name string
	argv []string
	want string
}{
	{"plain", []string{"zpool", "status", "-p", "tank"}, "zpool status -p tank"},
	{"dataset path", []string{"zfs", "list", "tank/home@snap-1"}, "zfs list tank/home@snap-1"},
	{"space", []string{"echo", "a b"}, "echo 'a b'"},
	{"single quote", []string{"echo", "it's"}, `echo 'it'\''s'`},
	{"double quote", []string{"echo", `say "hi"`}, `echo 'say "hi"'`},
	{"command substitution", []string{"echo", "$(reboot)"}, "echo '$(reboot)'"},
	{"backticks", []string{"echo", "`id`"}, "echo '`id`'"},
	{"variable", []string{"echo", "$HOME"}, "echo '$HOME'"},
	{"newline", []string{"echo", "a\nb"}, "echo 'a\nb'"},
	{"tab", []string{"echo", "a\tb"}, "echo 'a\tb'"},
	{"unicode", []string{"echo", "tank/données/日本"}, "echo 'tank/données/日本'"},
	{"empty", []string{"echo", "", "x"}, "echo '' x"},
	{"leading dash", []string{"zfs", "-H", "--", "-weird"}, "zfs -H -- -weird"},
	{"glob", []string{"ls", "*.txt", "a?b", "[ab]"}, "ls '*.txt' 'a?b' '[ab]'"},
	{"semicolon and pipe", []string{"echo", "a;b|c&d"}, "echo 'a;b|c&d'"},
	{"redirect", []string{"echo", ">/etc/passwd"}, "echo '>/etc/passwd'"},
	{"assignment first", []string{"FOO=bar", "x"}, "'FOO=bar' x"},
	{"tilde", []string{"ls", "~root"}, "ls '~root'"},
	{"only quotes", []string{"''"}, `''\'''\'''`},
	{"backslash", []string{`a\b`}, `'a\b'`},
	{"no args", nil, ""},
}

func TestQuote(t *testing.T) {
	for _, tc := range quoteCases {
		t.Run(tc.name, func(t *testing.T) {
			if got := Quote(tc.argv); got != tc.want {
				t.Errorf("Quote(%q) = %q, want %q", tc.argv, got, tc.want)
			}
		})
	}
}

// TestQuoteRoundTripShell proves the quoting against a real POSIX shell:
// the words sh splits out of Quote's line must be the argv we started with.
func TestQuoteRoundTripShell(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh on PATH")
	}
	for _, tc := range quoteCases {
		if len(tc.argv) == 0 {
			continue
		}
		t.Run(tc.name, func(t *testing.T) {
			// printf repeats its format for every argument, so each
			// word comes back NUL-terminated.
			line := "printf '%s\\0' " + Quote(tc.argv)
			out, err := exec.Command(sh, "-c", line).Output()
			if err != nil {
				t.Fatalf("sh -c %q: %v", line, err)
			}
			got := strings.Split(string(bytes.TrimSuffix(out, []byte{0})), "\x00")
			if strings.Join(got, "\x00") != strings.Join(tc.argv, "\x00") {
				t.Errorf("shell saw %q, want %q", got, tc.argv)
			}
		})
	}
}
