package iperf

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/opsdeck/opsdeck/ops/statefile"
)

// History keeps each host's results as JSON lines in
// DIR/<host>.jsonl, and the host's baseline in DIR/<host>.baseline.json.
type History struct {
	dir string
	mu  sync.Mutex // serialises this process's writers
}

// DefaultHistoryDir is ${XDG_STATE_HOME:-~/.local/state}/opsdeck/iperf3.
func DefaultHistoryDir() (string, error) {
	dir, err := statefile.Dir("iperf3")
	if err != nil {
		return "", fmt.Errorf("iperf3 history: %w", err)
	}
	return dir, nil
}

// OpenHistory creates dir (0700, tightened if it exists looser).
func OpenHistory(dir string) (*History, error) {
	if err := statefile.MkdirPrivate(dir); err != nil {
		return nil, fmt.Errorf("iperf3 history: %w", err)
	}
	return &History{dir: dir}, nil
}

// Dir is the directory the history lives in.
func (h *History) Dir() string { return h.dir }

// fileBase makes a host alias safe as a file name: anything but letters,
// digits, '.', '_' and '-' becomes %XX, and a leading '.' too, so no
// alias can climb out of the directory or hide its file.
func fileBase(host string) (string, error) {
	if host == "" {
		return "", errors.New("iperf3 history: empty host name")
	}
	var b strings.Builder
	for i := 0; i < len(host); i++ {
		c := host[i]
		ok := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || (c == '.' && i > 0)
		if ok {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String(), nil
}

func (h *History) path(host, ext string) (string, error) {
	base, err := fileBase(host)
	if err != nil {
		return "", err
	}
	return filepath.Join(h.dir, base+ext), nil
}

// Append writes r as one line of r.Host's file and fsyncs it. The file
// is opened per append with O_APPEND and written in one write, so
// concurrent appends never interleave.
func (h *History) Append(r Result) error {
	p, err := h.path(r.Host, ".jsonl")
	if err != nil {
		return err
	}
	line, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("iperf3 history: %w", err)
	}
	line = append(line, '\n')
	h.mu.Lock()
	defer h.mu.Unlock()
	if err := statefile.AppendLine(p, line); err != nil {
		return fmt.Errorf("iperf3 history: %w", err)
	}
	return nil
}

// CorruptError lists lines of a history file that could not be read;
// Load returns it together with every line that could.
type CorruptError struct {
	Path  string
	Lines []int // 1-based
}

// Error names the file and the skipped lines.
func (e *CorruptError) Error() string {
	return fmt.Sprintf("iperf3 history %s: skipped %d unreadable line(s): %v", e.Path, len(e.Lines), e.Lines)
}

// Load reads host's results, oldest first. A missing file is no history
// (nil, nil). Unreadable lines (a crash mid-write, a hand edit) are
// skipped and reported as a *CorruptError alongside the rest.
func (h *History) Load(host string) ([]Result, error) {
	p, err := h.path(host, ".jsonl")
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(p)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("iperf3 history: %w", err)
	}
	var out []Result
	var bad []int
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
	n := 0
	for sc.Scan() {
		n++
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var r Result
		if err := json.Unmarshal(line, &r); err != nil || r.Time.IsZero() {
			bad = append(bad, n)
			continue
		}
		out = append(out, r)
	}
	if err := sc.Err(); err != nil {
		bad = append(bad, n+1)
	}
	if len(bad) > 0 {
		return out, &CorruptError{Path: p, Lines: bad}
	}
	return out, nil
}

// Last is host's most recent result; ok is false when there is none.
// A partly corrupt history still yields its last good result.
func (h *History) Last(host string) (Result, bool, error) {
	rs, err := h.Load(host)
	var ce *CorruptError
	if err != nil && !errors.As(err, &ce) {
		return Result{}, false, err
	}
	if len(rs) == 0 {
		return Result{}, false, nil
	}
	return rs[len(rs)-1], true, nil
}

// LastRTT is the mean TCP RTT the most recent test on host that reported
// one measured (text output of iperf3 < 3.17 has none), with its time:
// the RTT side of the bandwidth-delay product.
func (h *History) LastRTT(host string) (rtt time.Duration, at time.Time, ok bool, err error) {
	rs, err := h.Load(host)
	var ce *CorruptError
	if err != nil && !errors.As(err, &ce) {
		return 0, time.Time{}, false, err
	}
	for i := len(rs) - 1; i >= 0; i-- {
		if rs[i].Summary.MeanRTT > 0 {
			return rs[i].Summary.MeanRTT, rs[i].Time, true, nil
		}
	}
	return 0, time.Time{}, false, nil
}
