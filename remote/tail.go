package remote

import "strings"

// tailBuffer is an io.Writer that keeps only the last max bytes written,
// so a command flooding stderr cannot grow memory, while the end of the
// output (where the actual error message is) survives.
type tailBuffer struct {
	max int
	buf []byte
}

func newTailBuffer(max int) *tailBuffer { return &tailBuffer{max: max} }

// Write never fails; it drops the oldest bytes beyond max.
func (t *tailBuffer) Write(p []byte) (int, error) {
	n := len(p)
	if len(p) >= t.max {
		t.buf = append(t.buf[:0], p[len(p)-t.max:]...)
		return n, nil
	}
	t.buf = append(t.buf, p...)
	// Compact only when twice over, so each byte is copied O(1) times.
	if len(t.buf) > 2*t.max {
		t.buf = append(t.buf[:0], t.buf[len(t.buf)-t.max:]...)
	}
	return n, nil
}

// Bytes returns the kept tail (at most max bytes).
func (t *tailBuffer) Bytes() []byte {
	if len(t.buf) > t.max {
		return t.buf[len(t.buf)-t.max:]
	}
	return t.buf
}

// checkArgv rejects what cannot become a remote command: an empty argv,
// an empty program name, or a NUL byte (which would silently truncate the
// command line on the far side).
func checkArgv(argv []string) error {
	if len(argv) == 0 || argv[0] == "" {
		return &ArgvError{Argv: argv, Reason: "empty command"}
	}
	for _, a := range argv {
		if strings.IndexByte(a, 0) >= 0 {
			return &ArgvError{Argv: argv, Reason: "argument contains a NUL byte"}
		}
	}
	return nil
}

// ArgvError is an argv that was refused before anything ran.
type ArgvError struct {
	Argv   []string
	Reason string
}

// Error names the reason.
func (e *ArgvError) Error() string { return "invalid command " + Quote(e.Argv) + ": " + e.Reason }
