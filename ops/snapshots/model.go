// Package snapshots reads a host's ZFS snapshots at scale, summarises
// them per dataset against a recovery point objective, plans retention
// (keep N daily/weekly/monthly/yearly) and builds the snapshot-now and
// prune actions. It imports no UI packages; the Backup pane calls it.
package snapshots

import (
	"strings"
	"time"
)

// Snapshot is one line of the snapshot listing.
type Snapshot struct {
	// Dataset is the part of the full name before '@'.
	Dataset string
	// Name is the part after '@'.
	Name string
	// Creation is the `creation` property: the only source of a
	// snapshot's age (names are never parsed for dates).
	Creation time.Time
	// Used and Referenced are bytes (`used`, `referenced`).
	Used, Referenced uint64
	// Holds is `userrefs`, the number of user holds; a held snapshot
	// cannot be destroyed.
	Holds int
}

// FullName is DATASET@NAME.
func (s Snapshot) FullName() string { return s.Dataset + "@" + s.Name }

// Kind says how a snapshot's name classifies it.
type Kind int

// Snapshot kinds.
const (
	// KindOther has neither an automatic nor the manual prefix.
	KindOther Kind = iota
	// KindAuto was taken by a snapshot tool; only these are ever pruned.
	KindAuto
	// KindManual was taken by an operator (the manual prefix).
	KindManual
)

// Naming holds the prefixes that classify snapshot names.
type Naming struct {
	// AutoPrefixes mark snapshots taken by tools, e.g. "auto-",
	// "autosnap_" (sanoid), "zfs-auto-snap_" (zfs-auto-snapshot).
	AutoPrefixes []string
	// ManualPrefix marks operator snapshots ("manual-").
	ManualPrefix string
}

// Defaults for Naming and the recovery point objective.
var (
	DefaultAutoPrefixes = []string{"auto-", "autosnap_", "zfs-auto-snap_"}
)

// DefaultManualPrefix is the prefix DefaultSnapshotName uses.
const DefaultManualPrefix = "manual-"

// DefaultRPO is how old the newest snapshot may be with hourly snapshots.
const DefaultRPO = 2 * time.Hour

// DefaultNaming is the built-in Naming.
func DefaultNaming() Naming {
	return Naming{AutoPrefixes: append([]string(nil), DefaultAutoPrefixes...), ManualPrefix: DefaultManualPrefix}
}

// Kind classifies a snapshot name (the part after '@'). Automatic wins
// when a name matches both, since only automatic ones may be pruned and
// a tool's prefix is the more specific claim.
func (n Naming) Kind(name string) Kind {
	for _, p := range n.AutoPrefixes {
		if p != "" && strings.HasPrefix(name, p) {
			return KindAuto
		}
	}
	if n.ManualPrefix != "" && strings.HasPrefix(name, n.ManualPrefix) {
		return KindManual
	}
	return KindOther
}
