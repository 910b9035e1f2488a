package remote

import (
	"os/exec"
	"strings"
	"testing"
)

// FuzzParseSSHG: whatever `ssh -G` (or a broken ssh) prints, parsing
// returns settings or an error, never a panic.
func FuzzParseSSHG(f *testing.F) {
	f.Add([]byte("hostname nas\nport 22\nidentityfile ~/.ssh/id_%r\nconnecttimeout 1m\n"))
	f.Add([]byte("port -1\nserveraliveinterval x\nproxycommand %\n"))
	f.Fuzz(func(t *testing.T, out []byte) {
		parseSSHG(out, "nas", tokenEnv{home: "/h", localUser: "u"})
	})
}

// FuzzSplitDirective: ssh_config lines never panic the alias lister.
func FuzzSplitDirective(f *testing.F) {
	f.Add(`Host "a b" c=d # x`)
	f.Add(`Host="unterminated`)
	f.Fuzz(func(t *testing.T, line string) {
		splitDirective(line)
	})
}

// FuzzQuote: the quoted line always splits back into argv in sh.
func FuzzQuote(f *testing.F) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		f.Skip("no sh")
	}
	f.Add("a b", "it's", "$(x)")
	f.Fuzz(func(t *testing.T, a, b, c string) {
		argv := []string{a, b, c}
		if checkArgv(append([]string{"x"}, argv...)) != nil {
			return
		}
		out, err := exec.Command(sh, "-c", "printf '%s\\0' "+Quote(argv)).Output()
		if err != nil {
			t.Fatalf("sh: %v for %q", err, Quote(argv))
		}
		if got := strings.TrimSuffix(string(out), "\x00"); got != strings.Join(argv, "\x00") {
			t.Fatalf("argv %q came back as %q", argv, got)
		}
	})
}
