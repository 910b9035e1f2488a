package backup

import (
	"time"

	"github.com/opsdeck/opsdeck/ops/config"
	"github.com/opsdeck/opsdeck/ops/restic"
)

// HostDeps are the pane's dependencies for a real host with the given
// [backup] configuration: snapshot reads and actions from ops/snapshots,
// restic reads and actions from ops/restic. store keeps opsdeck's own
// check and drill results (nil: they run but are not remembered).
func HostDeps(cfg config.BackupConfig, store *restic.Store) Deps {
	d := Deps{ResticRPO: cfg.ResticRPO}
	snapshotDeps(&d, cfg)
	resticDeps(&d, cfg, store, time.Now)
	return d
}
