package restic

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
)

// StaleLockAge is restic's own rule: a live process refreshes its lock
// every 5 minutes, so one older than 30 minutes is stale.
const StaleLockAge = 30 * time.Minute

// ParseLockList reads `restic list locks --no-lock`: one lock ID a line.
func ParseLockList(out string) ([]string, error) {
	var ids []string
	for _, line := range strings.Split(out, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if len(line) != 64 || !lockIDRe.MatchString(line) {
			return nil, fmt.Errorf("restic list locks: unexpected line %q", truncate(line, 80))
		}
		ids = append(ids, line)
	}
	return ids, nil
}

// Lock is one lock file as `restic cat lock ID` prints it.
type Lock struct {
	ID        string    `json:"-"`
	Time      time.Time `json:"time"`
	Exclusive bool      `json:"exclusive"`
	Hostname  string    `json:"hostname"`
	Username  string    `json:"username"`
	PID       int       `json:"pid"`
}

// ParseLock reads `restic cat lock ID --no-lock`.
func ParseLock(data []byte) (Lock, error) {
	var l Lock
	if err := json.Unmarshal(data, &l); err != nil {
		return Lock{}, fmt.Errorf("restic cat lock: %w", err)
	}
	if l.Time.IsZero() {
		return Lock{}, fmt.Errorf("restic cat lock: no time")
	}
	return l, nil
}

// Stale applies restic's rule as far as the server can tell: older than
// StaleLockAge, or taken on this server (hostname) by a process that no
// longer runs (running are the PIDs of live restic processes there).
func (l Lock) Stale(now time.Time, hostname string, running []int) bool {
	if now.Sub(l.Time) > StaleLockAge {
		return true
	}
	return hostname != "" && l.Hostname == hostname && !slices.Contains(running, l.PID)
}

// ParsePIDs reads pgrep's output: one PID a line.
func ParsePIDs(out string) ([]int, error) {
	var pids []int
	for _, f := range strings.Fields(out) {
		var n int
		if _, err := fmt.Sscanf(f, "%d", &n); err != nil || n <= 0 || fmt.Sprint(n) != f {
			return nil, fmt.Errorf("pgrep: unexpected output %q", truncate(f, 40))
		}
		pids = append(pids, n)
	}
	return pids, nil
}
