package iperf

import "strings"

// Format is the shape of a client's output.
type Format int

// Output formats.
const (
	// FormatAuto decides at the first line that is recognisably iperf3
	// output: JSON events start with '{', text starts with iperf3's
	// banner, a "[ ID]" line or its error line. Lines before it (the
	// action's own notes, such as the version check) are ignored.
	FormatAuto Format = iota
	// FormatText is `-i 1 --forceflush -f k -V` text (iperf3 < 3.17).
	FormatText
	// FormatJSONStream is --json-stream, one event per line (3.17+).
	FormatJSONStream
)

// LineParser reads a client's output one line at a time as it arrives,
// so a UI can draw each interval live. The zero value is not usable:
// call NewLineParser. Not safe for concurrent use.
type LineParser struct {
	format Format
	text   textState
	stream streamState
	sum    *Summary
	err    *Error
	ivs    []Interval
}

// NewLineParser returns a parser for f (FormatAuto detects it).
func NewLineParser(f Format) *LineParser {
	return &LineParser{format: f, text: newTextState()}
}

// Feed parses one line of output (stdout or stderr, without newline).
// It returns the interval the line completes, the test's summary when
// the line ends the test, or the failure iperf3 reported (an *Error).
// Lines it does not understand return all nil: iperf3's banners, the
// per-stream lines of a parallel test, or garbage; it never panics.
func (p *LineParser) Feed(line string) (iv *Interval, done *Summary, err error) {
	if p.format == FormatAuto {
		if p.format = detect(line); p.format == FormatAuto {
			return nil, nil, nil
		}
	}
	var e *Error
	if p.format == FormatJSONStream {
		iv, done, e = p.stream.feed(line)
	} else {
		iv, done, e = p.text.feed(line)
	}
	if iv != nil {
		p.ivs = append(p.ivs, *iv)
	}
	if done != nil {
		p.sum = done
	}
	if e != nil {
		if p.err == nil {
			p.err = e
		}
		return iv, done, e
	}
	return iv, done, nil
}

// Format is the format being parsed (FormatAuto until the first line).
func (p *LineParser) Format() Format { return p.format }

// Summary is the test's summary once its last line was fed.
func (p *LineParser) Summary() (Summary, bool) {
	if p.sum == nil {
		return Summary{}, false
	}
	return *p.sum, true
}

// Err is the first failure iperf3 reported, nil if none.
func (p *LineParser) Err() *Error { return p.err }

// Intervals are all intervals parsed so far.
func (p *LineParser) Intervals() []Interval { return append([]Interval(nil), p.ivs...) }

// detect tells the format from one line, FormatAuto when it cannot.
func detect(line string) Format {
	t := strings.TrimSpace(line)
	switch {
	case strings.HasPrefix(t, "{"):
		return FormatJSONStream
	case strings.HasPrefix(t, "iperf 3"), strings.HasPrefix(t, "Connecting to host "), strings.HasPrefix(t, "["),
		strings.Contains(t, "iperf3: error - "):
		return FormatText
	}
	return FormatAuto
}

// FormatFor is the output format the test's client prints on a host with
// iperf3 version v (what TestAction asks for).
func FormatFor(v Version) Format {
	if v.HasJSONStream() {
		return FormatJSONStream
	}
	return FormatText
}
