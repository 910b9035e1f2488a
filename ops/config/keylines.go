package config

import (
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

// lineIndex maps each key of a TOML document (toml.Key.String() form) to
// the line that defines it. BurntSushi/toml records key positions but
// only reveals them inside its own errors, so checks made after decoding
// (unknown keys, ranges, cross-field rules) find their line here.
//
// It is a line scanner, not a parser: it runs only on files the decoder
// already accepted, and it understands headers, dotted and quoted keys
// and multi-line strings, which is all a key's line needs. Keys inside
// inline tables resolve to the line of the table's key.
type lineIndex map[string]int

func indexLines(data []byte) lineIndex {
	idx := lineIndex{}
	var table toml.Key
	closing := "" // delimiter of an open multi-line string
	for i, line := range strings.Split(string(data), "\n") {
		n := i + 1
		if closing != "" {
			if strings.Contains(line, closing) {
				closing = ""
			}
			continue
		}
		s := strings.TrimSpace(line)
		switch {
		case s == "" || s[0] == '#':
		case strings.HasPrefix(s, "[["):
			if key, _, ok := parseKey(s[2:]); ok {
				table = key
				idx.add(table, n)
			}
		case s[0] == '[':
			if key, _, ok := parseKey(s[1:]); ok {
				table = key
				idx.add(table, n)
			}
		default:
			key, rest, ok := parseKey(s)
			if !ok || !strings.HasPrefix(rest, "=") {
				continue // a line inside a multi-line array
			}
			idx.add(append(append(toml.Key{}, table...), key...), n)
			closing = opensMultiline(strings.TrimSpace(rest[1:]))
		}
	}
	return idx
}

// add records key and its implicit parents, keeping the first definition.
func (idx lineIndex) add(key toml.Key, line int) {
	for i := 1; i <= len(key); i++ {
		k := key[:i].String()
		if _, ok := idx[k]; !ok {
			idx[k] = line
		}
	}
}

// lineOf is the line of key, or of its nearest parent the scanner saw
// (a key inside an inline table); 0 when none.
func (idx lineIndex) lineOf(key toml.Key) int {
	for i := len(key); i > 0; i-- {
		if n, ok := idx[key[:i].String()]; ok {
			return n
		}
	}
	return 0
}

// parseKey reads a dotted key (bare, "basic" or 'literal' parts) from the
// start of s and returns it with the text after it.
func parseKey(s string) (toml.Key, string, bool) {
	var key toml.Key
	for {
		s = strings.TrimLeft(s, " \t")
		if s == "" {
			return nil, "", false
		}
		var part string
		switch s[0] {
		case '"':
			end := closingQuote(s)
			if end < 0 {
				return nil, "", false
			}
			var err error
			if part, err = strconv.Unquote(s[:end+1]); err != nil {
				part = s[1:end] // a TOML-only escape; close enough for a line number
			}
			s = s[end+1:]
		case '\'':
			end := strings.IndexByte(s[1:], '\'')
			if end < 0 {
				return nil, "", false
			}
			part, s = s[1:end+1], s[end+2:]
		default:
			end := strings.IndexFunc(s, func(r rune) bool { return !isBareKeyChar(r) })
			if end == 0 {
				return nil, "", false
			}
			if end < 0 {
				end = len(s)
			}
			part, s = s[:end], s[end:]
		}
		key = append(key, part)
		s = strings.TrimLeft(s, " \t")
		if !strings.HasPrefix(s, ".") {
			return key, s, true
		}
		s = s[1:]
	}
}

// closingQuote is the index of the quote ending the basic string that
// starts s, skipping backslash escapes; -1 if it does not end.
func closingQuote(s string) int {
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '"':
			return i
		}
	}
	return -1
}

func isBareKeyChar(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-'
}

// opensMultiline returns the delimiter of a multi-line string that value
// starts and does not close on the same line, or "".
func opensMultiline(value string) string {
	for _, d := range []string{`"""`, `'''`} {
		if strings.HasPrefix(value, d) && !strings.Contains(value[3:], d) {
			return d
		}
	}
	return ""
}
