package remote

import "strings"

// Quote joins argv into one POSIX shell command line in which every
// argument reaches the program exactly as given. The SSH protocol carries a
// single string that the remote user's shell parses, so quoting is the only
// thing standing between a dataset name and shell injection.
//
// Arguments made only of characters no shell treats specially are left
// bare, which keeps command lines readable in the audit log and the
// read-only preview; everything else is wrapped in single quotes, and an
// embedded single quote closes the quoting, adds an escaped quote and
// reopens it. A NUL byte cannot travel in an argv at all; runners reject
// it before quoting (see checkArgv).
func Quote(argv []string) string {
	var b strings.Builder
	for i, arg := range argv {
		if i > 0 {
			b.WriteByte(' ')
		}
		quoteArg(&b, arg)
	}
	return b.String()
}

func quoteArg(b *strings.Builder, arg string) {
	if arg != "" && isBare(arg) {
		b.WriteString(arg)
		return
	}
	b.WriteByte('\'')
	b.WriteString(strings.ReplaceAll(arg, "'", `'\''`))
	b.WriteByte('\'')
}

// isBare reports whether arg needs no quoting. '=' is excluded on purpose:
// a first word like FOO=bar would be an environment assignment, not a
// command. '~' is excluded because a leading tilde expands.
func isBare(arg string) bool {
	for i := 0; i < len(arg); i++ {
		c := arg[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case strings.IndexByte("_@%+:,./-", c) >= 0:
		default:
			return false
		}
	}
	return true
}
