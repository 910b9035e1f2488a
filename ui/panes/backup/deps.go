package backup

import (
	"context"
	"time"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ops/action"
)

// Defaults the pane falls back on when Deps leaves a value at zero; they
// are the issue's: hourly snapshots give a 2 h RPO, a daily restic run
// 26 h, and the full listing is repeated at most every 15 minutes unless
// snapshots_changed says a dataset changed.
const (
	DefaultSnapshotRPO = 2 * time.Hour
	DefaultResticRPO   = 26 * time.Hour
	DefaultListingTTL  = 15 * time.Minute
)

// Deps are what the pane reads and acts with. Every function runs off the
// UI goroutine; a nil one makes the pane say that part is unavailable.
type Deps struct {
	// Stream lists every snapshot of the host, calling onBatch for each
	// batch as it is parsed; it returns when the listing ends or ctx is
	// cancelled. The pane keeps each batch until it has folded it in, so
	// Stream must hand over a slice it does not reuse.
	Stream func(ctx context.Context, h *ops.Host, onBatch func([]Snapshot)) error
	// List lists one dataset's own snapshots (zfs list -d 1).
	List func(ctx context.Context, h *ops.Host, dataset string) ([]Snapshot, error)
	// Datasets reads every dataset's usedbysnapshots and snapshots_changed
	// in one call: the per-dataset space figure and the cache key.
	Datasets func(ctx context.Context, h *ops.Host) ([]DatasetState, error)
	// Restic reads every configured repository.
	Restic func(ctx context.Context, h *ops.Host) []Repo
	// Files lists the candidate files of repo's latest snapshot, for the
	// restore drill.
	Files func(ctx context.Context, h *ops.Host, repo string) ([]string, error)
	// Plan is the retention planner over one dataset's snapshots.
	Plan func(snaps []Snapshot, now time.Time) Plan
	// Actions build the pane's actions.
	Actions Actions
	// RPO is a dataset's snapshot RPO (nil or 0: DefaultSnapshotRPO).
	RPO func(dataset string) time.Duration
	// ResticRPO is the restic backups' RPO (0: DefaultResticRPO).
	ResticRPO time.Duration
	// TTL bounds how long a full listing is reused when no
	// snapshots_changed value says otherwise (0: DefaultListingTTL).
	TTL time.Duration
	// ValidName checks a snapshot name typed by the operator for
	// dataset (nil: the pane's own check of ZFS's name rules).
	ValidName func(dataset, name string) error
	// ValidSubset checks a typed --read-data-subset (nil: any non-empty
	// value; the action refuses a bad one).
	ValidSubset func(subset string) error
	// DefaultName is the prefilled name of a manual snapshot (nil:
	// manual-YYYYMMDD-HHMMSS).
	DefaultName func(now time.Time) string
}

// Actions build the pane's actions; nil ones are refused with a notice.
type Actions struct {
	// SnapshotNow snapshots dataset@name, recursively when asked.
	SnapshotNow func(h *ops.Host, dataset, name string, recursive bool) (action.Action, error)
	// Prune destroys plan's Destroy list of dataset (a Bulk action).
	Prune func(h *ops.Host, dataset string, plan Plan) (action.Action, error)
	// Check runs restic check on repo, reading subset of the data
	// (--read-data-subset) unless it is "".
	Check func(h *ops.Host, repo, subset string) (action.Action, error)
	// RestoreDrill restores file from repo's latest snapshot and compares
	// it with the live file.
	RestoreDrill func(h *ops.Host, repo, file string) (action.Action, error)
	// Unlock removes repo's stale locks (plain restic unlock).
	Unlock func(h *ops.Host, repo string) (action.Action, error)
}

func (d Deps) rpo(dataset string) time.Duration {
	if d.RPO != nil {
		if r := d.RPO(dataset); r > 0 {
			return r
		}
	}
	return DefaultSnapshotRPO
}

func (d Deps) resticRPO() time.Duration {
	if d.ResticRPO > 0 {
		return d.ResticRPO
	}
	return DefaultResticRPO
}

func (d Deps) ttl() time.Duration {
	if d.TTL > 0 {
		return d.TTL
	}
	return DefaultListingTTL
}
