package restic

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ops/action"
)

// ErrResticRunning refuses an unlock while restic runs on the server.
var ErrResticRunning = errors.New("restic is running on the server")

// UnlockAction removes repo's stale locks with plain `restic unlock`,
// never --remove-all (the repository may be shared with other hosts
// whose live locks must stay). Its first step refuses, with the PIDs,
// when any restic process runs on the server: a lock of a process that
// is merely slow must not be touched.
//
// It is a Change, not Destructive: plain unlock removes only locks that
// restic itself judges stale (older than 30 minutes, or of a dead
// process on this host); no data and no live lock can be lost.
func UnlockAction(h *ops.Host, repo RepoConfig) action.Action {
	a := action.Action{ID: UnlockID, Title: "Remove stale restic locks", Target: RepoLabel(repo), Danger: action.Change}
	argv, err := ArgvUnlock(repo)
	if err != nil {
		return refused(a, err)
	}
	run := resticRunner(h)
	a.Steps = []action.Step{
		{Argv: ArgvPgrep(), Runner: h.Runner, Do: func(ctx context.Context, env action.StepEnv) error {
			pids, err := RunningRestic(ctx, h)
			if err != nil {
				return fmt.Errorf("cannot tell whether restic runs on %s: %w", orWord(h.Name, "the server"), err)
			}
			if len(pids) > 0 {
				return fmt.Errorf("%w (pid %s): refusing to unlock; wait for it to finish", ErrResticRunning, joinInts(pids))
			}
			env.Out("no restic process runs on " + orWord(h.Name, "the server"))
			return nil
		}},
		{Argv: argv, Runner: run, Privileged: true},
	}
	a.Verify = func(ctx context.Context) (string, error) {
		largv, _ := ArgvListLocks(repo)
		res, err := run.Run(ctx, largv)
		if err != nil {
			return "", classify(err, h.Name, repo.Repository)
		}
		ids, err := ParseLockList(string(res.Stdout))
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("%d lock(s) left in %s", len(ids), RepoLabel(repo)), nil
	}
	return a
}

func joinInts(ns []int) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = fmt.Sprint(n)
	}
	return strings.Join(s, ", ")
}
