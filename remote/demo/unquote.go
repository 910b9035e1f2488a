package demo

import (
	"errors"
	"fmt"
	"strings"
)

// Unquote splits a command line back into argv. It accepts exactly what
// remote.Quote produces, and nothing a shell would interpret differently:
// words separated by blanks, each made of bare safe characters
// ([A-Za-z0-9_@%+:,./-]), single-quoted runs (anything but a single quote,
// including newlines), and the \' escape between runs. Every other
// character outside quotes -- $, `, ;, |, &, <, >, (, ), *, ?, [, ", \,
// ~, #, =, !, {, }, newlines -- is an error, because the demo server runs
// no shell and must not pretend to run something it cannot.
func Unquote(line string) ([]string, error) {
	if strings.IndexByte(line, 0) >= 0 {
		return nil, errors.New("NUL byte in command line")
	}
	var argv []string
	var word strings.Builder
	inWord := false
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c == ' ' || c == '\t':
			if inWord {
				argv = append(argv, word.String())
				word.Reset()
				inWord = false
			}
		case c == '\'':
			end := strings.IndexByte(line[i+1:], '\'')
			if end < 0 {
				return nil, errors.New("unterminated single quote")
			}
			word.WriteString(line[i+1 : i+1+end])
			i += end + 1
			inWord = true
		case c == '\\':
			if i+1 >= len(line) || line[i+1] != '\'' {
				return nil, fmt.Errorf("backslash at byte %d escapes something other than a single quote", i)
			}
			word.WriteByte('\'')
			i++
			inWord = true
		case isBareByte(c):
			word.WriteByte(c)
			inWord = true
		default:
			return nil, fmt.Errorf("unquoted %q at byte %d: the demo server runs no shell", c, i)
		}
	}
	if inWord {
		argv = append(argv, word.String())
	}
	if len(argv) == 0 {
		return nil, errors.New("empty command")
	}
	return argv, nil
}

// isBareByte is remote.Quote's set of characters left unquoted.
func isBareByte(c byte) bool {
	switch {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		return true
	}
	return strings.IndexByte("_@%+:,./-", c) >= 0
}
