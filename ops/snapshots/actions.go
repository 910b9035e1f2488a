package snapshots

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ops/action"
	"github.com/opsdeck/opsdeck/remote"
)

// Action IDs as the audit log records them.
const (
	ActionSnapshot = "snapshot.create"
	ActionPrune    = "snapshot.prune"
)

// DestroyBatch is how many snapshots one `zfs destroy` names: few enough
// that a command line stays far below ARG_MAX with long names, many
// enough that 1 000 snapshots take 20 commands.
const DestroyBatch = 50

// SnapshotNowAction takes DATASET@NAME (recursive: of every descendant
// too). The UI rebuilds it whenever the operator edits name or the
// toggle; validation refuses a bad name before anything runs. It is a
// Change: y/N naming the snapshot. Verify lists the new snapshot.
func SnapshotNowAction(h *ops.Host, dataset, name string, recursive bool) action.Action {
	title := "Snapshot now"
	if recursive {
		title = "Snapshot now (recursive)"
	}
	return action.Action{
		ID: ActionSnapshot, Title: title, Target: dataset + "@" + name, Danger: action.Change,
		Steps: []action.Step{{Argv: ArgvSnapshot(dataset, name, recursive), Runner: privileged(h), Privileged: true}},
		Precondition: func() error {
			if dataset == "" || strings.ContainsAny(dataset, "@") {
				return fmt.Errorf("%q is not a dataset", dataset)
			}
			return ValidateSnapshotName(dataset, name)
		},
		Verify: func(ctx context.Context) (string, error) {
			if h == nil {
				return "", errNoHost
			}
			res, err := h.Runner.Run(ctx, ArgvSnapshotExists(dataset, name))
			if err != nil {
				return "", fmt.Errorf("%s@%s not found after zfs snapshot: %w", dataset, name, err)
			}
			return "snapshot " + strings.TrimSpace(string(res.Stdout)) + " exists", nil
		},
	}
}

// PruneAction destroys plan.Destroy in batches of DestroyBatch (one
// `zfs destroy -v DATASET@a,b,…` step each, whose "will destroy" lines
// are the progress). It is Bulk: the operator types the number of
// snapshots. Verify re-lists the dataset and fails unless every
// destroyed snapshot is gone and every kept one remains.
func PruneAction(h *ops.Host, plan Plan) action.Action {
	a := action.Action{
		ID: ActionPrune, Title: fmt.Sprintf("Prune %d snapshots of %s", len(plan.Destroy), plan.Dataset),
		Target: plan.Dataset, Danger: action.Bulk, Count: len(plan.Destroy),
		Precondition: func() error { return checkPlan(plan) },
		Verify:       func(ctx context.Context) (string, error) { return verifyPrune(ctx, h, plan) },
	}
	names := make([]string, len(plan.Destroy))
	for i, s := range plan.Destroy {
		names[i] = s.Name
	}
	for len(names) > 0 {
		n := min(DestroyBatch, len(names))
		a.Steps = append(a.Steps, action.Step{Argv: ArgvDestroy(plan.Dataset, names[:n]), Runner: privileged(h), Privileged: true})
		names = names[n:]
	}
	return a
}

var errNoHost = errors.New("no host")

// privileged is h's root runner; nil for no host, which Validate refuses.
func privileged(h *ops.Host) remote.Runner {
	if h == nil {
		return nil
	}
	return h.Privileged
}

// checkPlan refuses a plan that would destroy what must never go: it
// guards against a plan edited or built by hand.
func checkPlan(plan Plan) error {
	if len(plan.Destroy) == 0 {
		return errors.New("nothing to prune")
	}
	for _, s := range plan.Destroy {
		switch {
		case s.Dataset != plan.Dataset:
			return fmt.Errorf("%s is not a snapshot of %s", s.FullName(), plan.Dataset)
		case s.Holds > 0:
			return fmt.Errorf("%s is held", s.FullName())
		case ValidateSnapshotName(s.Dataset, s.Name) != nil:
			return fmt.Errorf("%s: %w", s.FullName(), ValidateSnapshotName(s.Dataset, s.Name))
		}
	}
	return nil
}

func verifyPrune(ctx context.Context, h *ops.Host, plan Plan) (string, error) {
	if h == nil {
		return "", errNoHost
	}
	snaps, err := ListDataset(ctx, h, plan.Dataset)
	if err != nil {
		return "", err
	}
	left := make(map[string]bool, len(snaps))
	for _, s := range snaps {
		left[s.Name] = true
	}
	var still, lost []string
	for _, s := range plan.Destroy {
		if left[s.Name] {
			still = append(still, s.Name)
		}
	}
	for _, k := range plan.Keep {
		if !left[k.Snapshot.Name] {
			lost = append(lost, k.Snapshot.Name)
		}
	}
	var errs []error
	if len(still) > 0 {
		errs = append(errs, fmt.Errorf("%d snapshots still exist: %s", len(still), clip(strings.Join(still, ", "))))
	}
	if len(lost) > 0 {
		errs = append(errs, fmt.Errorf("%d kept snapshots are gone: %s", len(lost), clip(strings.Join(lost, ", "))))
	}
	if err := errors.Join(errs...); err != nil {
		return "", err
	}
	return fmt.Sprintf("%d destroyed, %d kept, %d snapshots of %s left", len(plan.Destroy), len(plan.Keep), len(snaps), plan.Dataset), nil
}
