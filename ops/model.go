package ops

import "time"

// Pool is one imported pool as `zpool list` and `zpool status` describe it.
type Pool struct {
	Name  string `json:"name"`
	State string `json:"state"` // ONLINE, DEGRADED, FAULTED, SUSPENDED, UNAVAIL, OFFLINE, REMOVED
	Size  uint64 `json:"size"`  // bytes
	Alloc uint64 `json:"alloc"`
	Free  uint64 `json:"free"`
	// Fragmentation and Capacity are percentages; -1 when ZFS reports "-".
	Fragmentation int     `json:"fragmentation"`
	Capacity      int     `json:"capacity"`
	DedupRatio    float64 `json:"dedup_ratio"`

	// Status, Action and See are the explanatory paragraphs `zpool status`
	// prints for an unhealthy pool, joined into single lines.
	Status string `json:"status,omitempty"`
	Action string `json:"action,omitempty"`
	See    string `json:"see,omitempty"`

	// Errors is the text after "errors:", e.g. "No known data errors".
	Errors     string `json:"errors"`
	ErrorCount uint64 `json:"error_count"`
	// ErrorFiles lists files with permanent errors (only read with -v).
	ErrorFiles []string `json:"error_files,omitempty"`

	Scan Scan `json:"scan"`
	// Root is the pool's root vdev; its Children are the top-level vdevs
	// of every class (normal, special, dedup, log, cache, spare) in the
	// order zpool status prints them.
	Root Vdev `json:"root"`
}

// Vdev classes as ZFS names them.
const (
	ClassNormal  = "normal"
	ClassSpecial = "special"
	ClassDedup   = "dedup"
	ClassLog     = "log"
	ClassCache   = "cache"
	ClassSpare   = "spare"
)

// Vdev is one node of a pool's vdev tree.
type Vdev struct {
	Name string `json:"name"` // as zpool status shows it: raidz2-0, mirror-1, virtio-zdata0
	// Type is root, raidz1/raidz2/raidz3, draid…, mirror, replacing,
	// spare, disk, file, hole, missing.
	Type  string `json:"type"`
	Class string `json:"class"`
	State string `json:"state"`
	// Path is the device path when ZFS reports one (JSON only).
	Path           string `json:"path,omitempty"`
	ReadErrors     uint64 `json:"read_errors"`
	WriteErrors    uint64 `json:"write_errors"`
	ChecksumErrors uint64 `json:"checksum_errors"`
	// Note is the trailing text zpool status prints after the counters,
	// e.g. "(resilvering)", "was /dev/sdb1", "too many errors".
	Note     string `json:"note,omitempty"`
	Children []Vdev `json:"children,omitempty"`
}

// ScanState is where a scrub or resilver stands.
type ScanState string

// Scan states.
const (
	ScanNone     ScanState = "none"
	ScanScanning ScanState = "scanning"
	ScanPaused   ScanState = "paused"
	ScanFinished ScanState = "finished"
	ScanCanceled ScanState = "canceled"
)

// Scan is a pool's current or last scrub/resilver.
type Scan struct {
	// Function is "scrub", "resilver" or "" when none ever ran.
	Function string    `json:"function"`
	State    ScanState `json:"state"`
	Start    time.Time `json:"start,omitzero"`
	End      time.Time `json:"end,omitzero"` // finished or canceled
	// PausedSince is set while paused.
	PausedSince time.Time `json:"paused_since,omitzero"`
	// Byte counts. Exact from JSON; from text they are the rounded
	// figures the scan line shows.
	Examined uint64 `json:"examined"`
	Issued   uint64 `json:"issued"`
	Total    uint64 `json:"total"`
	Repaired uint64 `json:"repaired"`
	// Rate is issued bytes per second while scanning, 0 otherwise.
	Rate    uint64  `json:"rate"`
	Percent float64 `json:"percent"`
	// ETA is only set when ZFS gives one.
	ETA    time.Duration `json:"eta,omitempty"`
	HasETA bool          `json:"has_eta"`
	Errors uint64        `json:"errors"`
	// Text is the scan paragraph as zpool status printed it, for display
	// and evidence.
	Text string `json:"text,omitempty"`
}

// Dataset is one filesystem or volume with the properties the console shows.
type Dataset struct {
	Name               string  `json:"name"`
	Type               string  `json:"type"` // filesystem, volume
	Used               uint64  `json:"used"`
	Avail              uint64  `json:"avail"`
	Refer              uint64  `json:"refer"`
	CompressRatio      float64 `json:"compressratio"`
	Recordsize         uint64  `json:"recordsize,omitempty"` // 0 for volumes
	Compression        string  `json:"compression"`
	Atime              string  `json:"atime"`
	Xattr              string  `json:"xattr"`
	SpecialSmallBlocks uint64  `json:"special_small_blocks"`
	Mountpoint         string  `json:"mountpoint"`
}

// ARC is the adaptive replacement cache's state from arcstats.
type ARC struct {
	Size     uint64  `json:"size"`
	Target   uint64  `json:"target"` // c
	Max      uint64  `json:"max"`    // c_max
	Min      uint64  `json:"min"`    // c_min
	Hits     uint64  `json:"hits"`
	Misses   uint64  `json:"misses"`
	HitRatio float64 `json:"hit_ratio"` // 0..1, since boot
}

// VdevIO is one row of `zpool iostat -vHp` (or -vlHp): averages per
// second since the pool was imported, not live rates.
type VdevIO struct {
	Pool       string `json:"pool"`
	Name       string `json:"name"`
	Depth      int    `json:"depth"` // 0 pool, 1 top-level vdev, 2 leaf
	Alloc      uint64 `json:"alloc"`
	Free       uint64 `json:"free"`
	ReadOps    uint64 `json:"read_ops"`
	WriteOps   uint64 `json:"write_ops"`
	ReadBytes  uint64 `json:"read_bytes"` // per second
	WriteBytes uint64 `json:"write_bytes"`
	// Latency holds the average waits when the read asked for them
	// (`zpool iostat -l`); nil otherwise.
	Latency *IOLatency `json:"latency,omitempty"`
}

// ScrubSchedule is where a distribution schedules a pool's scrubs.
type ScrubSchedule struct {
	Pool string `json:"pool"`
	// Source names where it was found: a systemd timer unit or a cron file.
	Source string `json:"source,omitempty"`
	// When is the schedule in words, e.g. "monthly", "second Sunday".
	When string `json:"when,omitempty"`
	// Next is the next run when systemd knows it.
	Next time.Time `json:"next,omitzero"`
	// Found is false when nothing schedules this pool's scrubs.
	Found bool `json:"found"`
}

// HostStatus is everything the panes show, as `opsdeck status --json`
// prints it. Each section that failed to read has its error in Errors
// under the section's name ("pools", "datasets", "arc", "iostat",
// "schedule") and is left empty.
type HostStatus struct {
	Host        string            `json:"host"`
	CollectedAt time.Time         `json:"collected_at"`
	Platform    Platform          `json:"platform"`
	Pools       []Pool            `json:"pools"`
	Datasets    []Dataset         `json:"datasets"`
	ARC         *ARC              `json:"arc,omitempty"`
	IOStat      []VdevIO          `json:"iostat,omitempty"`
	Schedules   []ScrubSchedule   `json:"schedules,omitempty"`
	Errors      map[string]string `json:"errors,omitempty"`
}
