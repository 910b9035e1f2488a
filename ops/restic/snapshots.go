package restic

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"
)

// Snapshot is one entry of `restic snapshots --json`.
type Snapshot struct {
	Time     time.Time `json:"time"`
	Parent   string    `json:"parent,omitempty"`
	Tree     string    `json:"tree"`
	Paths    []string  `json:"paths"`
	Hostname string    `json:"hostname"`
	Username string    `json:"username,omitempty"`
	Tags     []string  `json:"tags,omitempty"`
	ID       string    `json:"id"`
	ShortID  string    `json:"short_id"`
	// ProgramVersion and Summary exist from restic 0.17 on.
	ProgramVersion string   `json:"program_version,omitempty"`
	Summary        *Summary `json:"summary,omitempty"`
}

// Summary is what the backup that made a snapshot reported (>= 0.17).
type Summary struct {
	BackupStart         time.Time `json:"backup_start"`
	BackupEnd           time.Time `json:"backup_end"`
	FilesNew            uint64    `json:"files_new"`
	FilesChanged        uint64    `json:"files_changed"`
	FilesUnmodified     uint64    `json:"files_unmodified"`
	DataAdded           uint64    `json:"data_added"`
	DataAddedPacked     uint64    `json:"data_added_packed"`
	TotalFilesProcessed uint64    `json:"total_files_processed"`
	TotalBytesProcessed uint64    `json:"total_bytes_processed"`
}

// ParseSnapshots reads `restic snapshots --json`. A snapshot without a
// time or an ID is an error: everything the pane says depends on them.
func ParseSnapshots(data []byte) ([]Snapshot, error) {
	var snaps []Snapshot
	if err := json.Unmarshal(data, &snaps); err != nil {
		return nil, fmt.Errorf("restic snapshots: %w", err)
	}
	for i, s := range snaps {
		if s.Time.IsZero() || s.ID == "" {
			return nil, fmt.Errorf("restic snapshots: entry %d has no time or id", i+1)
		}
	}
	return snaps, nil
}

// Latest is the newest snapshot of one host and set of paths (restic's
// own grouping for `--group-by host,paths`).
type Latest struct {
	Host  string
	Paths []string
	// Snapshot is the newest one of the group.
	Snapshot Snapshot
	// Count is how many snapshots the group has.
	Count int
	// Age is now minus the snapshot's time (0 when in the future).
	Age time.Duration
	// Stale is true when Age exceeds the RPO.
	Stale bool
}

// PathsLabel joins the paths for display.
func (l Latest) PathsLabel() string { return strings.Join(l.Paths, ", ") }

// LatestPerGroup groups snaps by host and (sorted) paths and returns the
// newest of each group with its age against rpo, ordered by host then
// paths.
func LatestPerGroup(snaps []Snapshot, now time.Time, rpo time.Duration) []Latest {
	byKey := map[string]*Latest{}
	for _, s := range snaps {
		paths := append([]string(nil), s.Paths...)
		sort.Strings(paths)
		key := s.Hostname + "\x00" + strings.Join(paths, "\x00")
		l := byKey[key]
		if l == nil {
			l = &Latest{Host: s.Hostname, Paths: paths}
			byKey[key] = l
		}
		l.Count++
		if l.Count == 1 || s.Time.After(l.Snapshot.Time) {
			l.Snapshot = s
		}
	}
	out := make([]Latest, 0, len(byKey))
	for _, l := range byKey {
		if age := now.Sub(l.Snapshot.Time); age > 0 {
			l.Age = age
		}
		l.Stale = rpo > 0 && l.Age > rpo
		out = append(out, *l)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Host != out[j].Host {
			return out[i].Host < out[j].Host
		}
		return out[i].PathsLabel() < out[j].PathsLabel()
	})
	return out
}

// Stats is `restic stats --json` (restore-size mode).
type Stats struct {
	TotalSize      uint64 `json:"total_size"`
	TotalFileCount uint64 `json:"total_file_count"`
	SnapshotsCount int    `json:"snapshots_count"`
}

// ParseStats reads `restic stats --json`.
func ParseStats(data []byte) (Stats, error) {
	var s Stats
	if err := json.Unmarshal(data, &s); err != nil {
		return Stats{}, fmt.Errorf("restic stats: %w", err)
	}
	return s, nil
}
