package backup

import "time"

// Snapshot is one ZFS snapshot as the pane draws it. Created always comes
// from the creation property, never from the name.
type Snapshot struct {
	// Dataset is the part before '@', Name the part after it.
	Dataset, Name string
	Creation      time.Time
	// Used and Referenced are bytes.
	Used, Referenced uint64
	// Holds is the number of user holds (0 when not read).
	Holds int
	// Auto and Manual say which configured prefix the name has (neither:
	// some other tool's or person's name).
	Auto, Manual bool
}

// DatasetState is what one cheap read says about a dataset: the space its
// snapshots hold and its snapshots_changed value ("" where the property
// does not exist, before OpenZFS 2.2).
type DatasetState struct {
	Name             string
	UsedBySnapshots  uint64
	SnapshotsChanged string
}

// Repo is one configured restic repository as read.
type Repo struct {
	// Name is how the pane names it (the repository string, no password).
	Name string
	// Reachable is false when the repository could not be read; Reason
	// says why and Hint what to do.
	Reachable    bool
	Reason, Hint string
	// Latest is the newest snapshot per host and paths.
	Latest []Latest
	// Count is the total number of snapshots.
	Count int
	// Check is the last restic check known.
	Check Check
	// StaleLocks counts locks left by dead processes; LockHint says how
	// to clear them.
	StaleLocks int
	LockHint   string
	// Drill is the last restore drill (zero: never).
	Drill Drill
}

// Latest is the newest snapshot of one host and set of paths.
type Latest struct {
	Host, Paths string
	Time        time.Time
	ID          string
}

// Check is a restic check result and where it was learnt (the check
// unit, or opsdeck's own run).
type Check struct {
	Known  bool
	OK     bool
	When   time.Time
	Source string
	// Detail is the failure's summary when !OK.
	Detail string
}

// Drill is the last restore drill's date and result; LastGood is when
// the last successful one ran (zero: never), shown when the last failed.
type Drill struct {
	When     time.Time
	OK       bool
	File     string
	LastGood time.Time
}

// Plan is what a keep policy does to one dataset's snapshots.
type Plan struct {
	Destroy []Snapshot
	Keep    []Kept
}

// Kept is a snapshot the policy keeps, and every reason it does
// ("daily 2026-11-25", "held", "manual").
type Kept struct {
	Snapshot Snapshot
	Reasons  []string
}
