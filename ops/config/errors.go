package config

import (
	"errors"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

// Error is one problem in the configuration file, located by file, line
// and key so it can be fixed without guessing.
type Error struct {
	File string
	Line int    // 1-based; 0 when unknown
	Key  string // dotted TOML key, e.g. hosts.nas.sudo; "" for syntax errors
	Msg  string
}

// Error renders "file:line: key: message", the form editors jump to.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		b.WriteString(":" + strconv.Itoa(e.Line))
	}
	if e.Key != "" {
		b.WriteString(": " + e.Key)
	}
	b.WriteString(": " + e.Msg)
	return b.String()
}

// Errors are every problem validation found, in file order.
type Errors []*Error

// Error lists the problems one per line.
func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap lets errors.As find each *Error.
func (es Errors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// decoderLine matches the free-text errors BurntSushi/toml returns for a
// table where a value was expected (and the reverse):
// `toml: line 3 (last key "defaults"): type mismatch …`.
var decoderLine = regexp.MustCompile(`^toml: line (\d+) \(last key ("(?:[^"\\]|\\.)*")\): (.*)$`)

// decodeError turns whatever the decoder returned into an *Error.
func decodeError(file string, err error, data []byte) *Error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		msg := pe.Message
		if pe.Usage != "" {
			// Usage is a multi-line essay; its first line is the hint.
			msg += " (" + strings.TrimSpace(strings.SplitN(strings.TrimSpace(pe.Usage), "\n", 2)[0]) + ")"
		}
		line := pe.Position.Line
		if line == 0 && pe.LastKey != "" {
			// The decoder has no position for a table only implied by a
			// deeper header ([a.b.c] implies a.b); the scanner has.
			line = indexLines(data)[pe.LastKey]
		}
		return &Error{File: file, Line: line, Key: pe.LastKey, Msg: msg}
	}
	if m := decoderLine.FindStringSubmatch(err.Error()); m != nil {
		line, _ := strconv.Atoi(m[1])
		key, uerr := strconv.Unquote(m[2])
		if uerr != nil {
			key = m[2]
		}
		msg := m[3]
		if strings.Contains(msg, "expected table but found") {
			// The decoder's message names Go types; say it in TOML terms.
			msg = "must be a table, like [" + key + "]"
		}
		return &Error{File: file, Line: line, Key: key, Msg: msg}
	}
	return &Error{File: file, Msg: strings.TrimPrefix(err.Error(), "toml: ")}
}
