package iperf

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/opsdeck/opsdeck/ops/statefile"
)

// baselineFile is DIR/<host>.baseline.json.
type baselineFile struct {
	Time time.Time `json:"time"` // the Result.Time of the baseline
}

// MarkBaseline makes the result of host recorded at at its baseline.
// The mark is written to a temporary file and renamed into place, so a
// crash leaves the old mark or the new one.
func (h *History) MarkBaseline(host string, at time.Time) error {
	rs, err := h.Load(host)
	var ce *CorruptError
	if err != nil && !errors.As(err, &ce) {
		return err
	}
	found := false
	for _, r := range rs {
		if r.Time.Equal(at) {
			found = true
			break
		}
	}
	if !found {
		return fmt.Errorf("iperf3 history: %s has no result at %s", host, at.UTC().Format(time.RFC3339))
	}
	p, err := h.path(host, ".baseline.json")
	if err != nil {
		return err
	}
	data, err := json.Marshal(baselineFile{Time: at.UTC()})
	if err != nil {
		return fmt.Errorf("iperf3 baseline: %w", err)
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if err := statefile.WriteAtomic(p, append(data, '\n')); err != nil {
		return fmt.Errorf("iperf3 baseline: %w", err)
	}
	return nil
}

// Baseline is host's marked baseline result; ok is false when none is
// marked or the marked result is no longer in the history.
func (h *History) Baseline(host string) (Result, bool, error) {
	p, err := h.path(host, ".baseline.json")
	if err != nil {
		return Result{}, false, err
	}
	data, err := os.ReadFile(p)
	if errors.Is(err, os.ErrNotExist) {
		return Result{}, false, nil
	}
	if err != nil {
		return Result{}, false, fmt.Errorf("iperf3 baseline: %w", err)
	}
	var b baselineFile
	if err := json.Unmarshal(data, &b); err != nil {
		return Result{}, false, fmt.Errorf("iperf3 baseline %s: %w", filepath.Base(p), err)
	}
	rs, err := h.Load(host)
	var ce *CorruptError
	if err != nil && !errors.As(err, &ce) {
		return Result{}, false, err
	}
	for _, r := range rs {
		if r.Time.Equal(b.Time) {
			return r, true, nil
		}
	}
	return Result{}, false, nil
}
