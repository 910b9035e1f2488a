package backup

import (
	"context"
	"strconv"
	"sync"
	"time"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ops/action"
	"github.com/opsdeck/opsdeck/ops/config"
	"github.com/opsdeck/opsdeck/ops/snapshots"
)

// snapshotDeps fills d's ZFS side from ops/snapshots and the host's
// [backup] configuration.
func snapshotDeps(d *Deps, cfg config.BackupConfig) {
	naming := snapshots.Naming{AutoPrefixes: cfg.AutoPrefixes, ManualPrefix: cfg.ManualPrefix}
	if len(naming.AutoPrefixes) == 0 && naming.ManualPrefix == "" {
		naming = snapshots.DefaultNaming()
	}
	conv := func(in []snapshots.Snapshot) []Snapshot {
		out := make([]Snapshot, len(in))
		for i, s := range in {
			out[i] = fromOps(s, naming)
		}
		return out
	}
	d.Stream = func(ctx context.Context, h *ops.Host, onBatch func([]Snapshot)) error {
		return snapshots.StreamSnapshots(ctx, h, func(b []snapshots.Snapshot) { onBatch(conv(b)) })
	}
	d.List = func(ctx context.Context, h *ops.Host, dataset string) ([]Snapshot, error) {
		s, err := snapshots.ListDataset(ctx, h, dataset)
		return conv(s), err
	}
	zone := &hostZone{}
	d.Datasets = func(ctx context.Context, h *ops.Host) ([]DatasetState, error) {
		zone.load(ctx, h)
		props, err := snapshots.ReadDatasetProps(ctx, h)
		if err != nil {
			return nil, err
		}
		out := make([]DatasetState, 0, len(props))
		for name, p := range props {
			st := DatasetState{Name: name, UsedBySnapshots: p.UsedBySnapshots}
			if p.SnapshotsChanged != 0 {
				st.SnapshotsChanged = strconv.FormatInt(p.SnapshotsChanged, 10)
			}
			out = append(out, st)
		}
		return out, nil
	}
	policy := snapshots.Policy{Daily: cfg.KeepDaily, Weekly: cfg.KeepWeekly, Monthly: cfg.KeepMonthly, Yearly: cfg.KeepYearly}
	if policy == (snapshots.Policy{}) {
		policy = snapshots.DefaultPolicy()
	}
	d.Plan = func(snaps []Snapshot, _ time.Time) Plan {
		if len(snaps) == 0 {
			return Plan{}
		}
		// Day, week and month boundaries are the server's (its zone, read
		// once in the background; UTC until then).
		p := snapshots.PlanRetention(snaps[0].Dataset, toOps(snaps), policy, naming, zone.get())
		out := Plan{Destroy: conv(p.Destroy)}
		for _, k := range p.Keep {
			out.Keep = append(out.Keep, Kept{Snapshot: fromOps(k.Snapshot, naming), Reasons: k.Reasons})
		}
		return out
	}
	d.Actions.SnapshotNow = func(h *ops.Host, dataset, name string, recursive bool) (action.Action, error) {
		return snapshots.SnapshotNowAction(h, dataset, name, recursive), nil
	}
	d.Actions.Prune = func(h *ops.Host, dataset string, p Plan) (action.Action, error) {
		plan := snapshots.Plan{Dataset: dataset, Policy: policy, Destroy: toOps(p.Destroy)}
		for _, k := range p.Keep {
			plan.Keep = append(plan.Keep, snapshots.Kept{Snapshot: toOp(k.Snapshot), Reasons: k.Reasons})
		}
		return snapshots.PruneAction(h, plan), nil
	}
	d.ValidName = snapshots.ValidateSnapshotName
	prefix := naming.ManualPrefix
	if prefix == "" {
		prefix = snapshots.DefaultManualPrefix
	}
	d.DefaultName = func(now time.Time) string { return prefix + now.Format("20060102-150405") }
	if cfg.SnapshotRPO > 0 {
		rpo := cfg.SnapshotRPO
		d.RPO = func(string) time.Duration { return rpo }
	}
}

func fromOps(s snapshots.Snapshot, n snapshots.Naming) Snapshot {
	k := n.Kind(s.Name)
	return Snapshot{Dataset: s.Dataset, Name: s.Name, Creation: s.Creation, Used: s.Used, Referenced: s.Referenced,
		Holds: s.Holds, Auto: k == snapshots.KindAuto, Manual: k == snapshots.KindManual}
}

func toOp(s Snapshot) snapshots.Snapshot {
	return snapshots.Snapshot{Dataset: s.Dataset, Name: s.Name, Creation: s.Creation, Used: s.Used, Referenced: s.Referenced, Holds: s.Holds}
}

func toOps(in []Snapshot) []snapshots.Snapshot {
	out := make([]snapshots.Snapshot, len(in))
	for i, s := range in {
		out[i] = toOp(s)
	}
	return out
}

// hostZone is the server's time zone, read once from a pane read (never
// from Update) and then used by every retention plan.
type hostZone struct {
	mu  sync.Mutex
	loc *time.Location
}

func (z *hostZone) load(ctx context.Context, h *ops.Host) {
	z.mu.Lock()
	known := z.loc != nil
	z.mu.Unlock()
	if known || h == nil {
		return
	}
	// ReadLocation falls back to the probe's fixed offset (and says so in
	// err) when the zone's name cannot be read: still better than UTC.
	loc, _ := snapshots.ReadLocation(ctx, h)
	if loc == nil {
		return // try again on the next read
	}
	z.mu.Lock()
	z.loc = loc
	z.mu.Unlock()
}

// get is the zone, nil (UTC) while unknown.
func (z *hostZone) get() *time.Location {
	z.mu.Lock()
	defer z.mu.Unlock()
	return z.loc
}
