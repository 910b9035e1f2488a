package backup

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ops/action"
	"github.com/opsdeck/opsdeck/ops/config"
	"github.com/opsdeck/opsdeck/ops/restic"
)

// resticSide reads and acts on the host's configured repositories. It
// remembers the restic version each read found, since the check action
// depends on it (--json from 0.18 on).
type resticSide struct {
	repos []config.ResticRepo
	rpo   time.Duration
	store *restic.Store
	clock func() time.Time

	mu       sync.Mutex
	versions map[string]restic.Version
}

// resticDeps fills d's restic side; store may be nil (checks and drills
// then run but are not remembered).
func resticDeps(d *Deps, cfg config.BackupConfig, store *restic.Store, clock func() time.Time) {
	r := &resticSide{repos: cfg.Restic, rpo: cfg.ResticRPO, store: store, clock: clock, versions: map[string]restic.Version{}}
	d.Restic = r.read
	d.Actions.Check = r.check
	d.ValidSubset = restic.ValidSubset
	d.Actions.RestoreDrill = r.drill
	d.Actions.Unlock = r.unlock
	d.Files = r.files
}

// repo is the configuration of the repository the pane calls label.
func (r *resticSide) repo(label string) (config.ResticRepo, error) {
	for _, c := range r.repos {
		if restic.RepoLabel(c) == label {
			return c, nil
		}
	}
	return config.ResticRepo{}, fmt.Errorf("no restic repository %q in this host's configuration", label)
}

// read reads every repository concurrently; each carries its own errors.
func (r *resticSide) read(ctx context.Context, h *ops.Host) []Repo {
	now := r.clock()
	out := make([]Repo, len(r.repos))
	var wg sync.WaitGroup
	for i, c := range r.repos {
		wg.Add(1)
		go func() {
			defer wg.Done()
			st := restic.ReadRepoWith(ctx, h, c, now, r.rpo, r.store)
			if st.VersionErr == nil {
				r.mu.Lock()
				r.versions[restic.RepoLabel(c)] = st.Version
				r.mu.Unlock()
			}
			out[i] = fromStatus(st)
		}()
	}
	wg.Wait()
	return out
}

func (r *resticSide) check(h *ops.Host, label, subset string) (action.Action, error) {
	c, err := r.repo(label)
	if err != nil {
		return action.Action{}, err
	}
	r.mu.Lock()
	v := r.versions[label]
	r.mu.Unlock()
	return restic.CheckAction(h, c, v, subset, r.store), nil
}

func (r *resticSide) drill(h *ops.Host, label, file string) (action.Action, error) {
	c, err := r.repo(label)
	if err != nil {
		return action.Action{}, err
	}
	return restic.RestoreDrillAction(h, c, file, r.store), nil
}

func (r *resticSide) unlock(h *ops.Host, label string) (action.Action, error) {
	c, err := r.repo(label)
	if err != nil {
		return action.Action{}, err
	}
	return restic.UnlockAction(h, c), nil
}

// files are the latest snapshot's regular files, as many as the picker
// is worth scrolling through.
func (r *resticSide) files(ctx context.Context, h *ops.Host, label string) ([]string, error) {
	c, err := r.repo(label)
	if err != nil {
		return nil, err
	}
	nodes, err := restic.DrillCandidates(ctx, h, c, 0)
	out := make([]string, len(nodes))
	for i, n := range nodes {
		out[i] = n.Path
	}
	return out, err
}

// fromStatus is what the pane draws of one read.
func fromStatus(st restic.RepoStatus) Repo {
	out := Repo{Name: restic.RepoLabel(st.Repo), Reachable: st.Reachable, Reason: st.Reason, Hint: st.Hint,
		Count: st.Count, StaleLocks: st.StaleLocks}
	if !st.Reachable && out.Reason == "" && st.Err != nil {
		out.Reason = st.Err.Error()
	}
	for _, l := range st.Latest {
		out.Latest = append(out.Latest, Latest{Host: l.Host, Paths: strings.Join(l.Paths, " "), Time: l.Snapshot.Time, ID: l.Snapshot.ShortID})
	}
	c := st.LastCheck()
	out.Check = Check{Known: c.Known, OK: c.OK, When: c.When, Source: c.Source, Detail: c.Detail}
	switch {
	case st.LockErr != nil:
		out.LockHint = "locks could not be read: " + st.LockErr.Error()
	case st.StaleLocks > 0 && len(st.Running) > 0:
		out.LockHint = fmt.Sprintf("a restic process runs (pid %v): unlock only once it ended", st.Running)
	}
	switch s := st.State; {
	case s.LastDrill != nil && !s.LastDrill.OK:
		out.Drill = Drill{When: s.LastDrill.Time, File: s.LastDrill.File}
		if s.LastGoodDrill != nil {
			out.Drill.LastGood = s.LastGoodDrill.Time
		}
	case s.LastGoodDrill != nil:
		out.Drill = Drill{When: s.LastGoodDrill.Time, OK: true, File: s.LastGoodDrill.File}
	}
	return out
}
