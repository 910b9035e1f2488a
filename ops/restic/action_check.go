package restic

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ops/action"
)

// Action IDs in the audit log.
const (
	CheckID  = "restic.check"
	DrillID  = "restic.drill"
	UnlockID = "restic.unlock"
)

// maxCheckOutput bounds the stdout a check keeps for parsing; a damaged
// repository can print an error per blob.
const maxCheckOutput = 4000

// RepoLabel names a repository in titles and confirmations: its
// configured name, else the repository string.
func RepoLabel(repo RepoConfig) string { return orWord(repo.Name, repo.Repository) }

// CheckAction runs `restic check` on repo (with --read-data-subset when
// subset is set, with --json when v has it), streams its output, and
// stores the result in store (may be nil) for the pane. It takes an
// exclusive lock and reads the repository, so it is a Change. v is the
// version ReadRepo found on the server.
func CheckAction(h *ops.Host, repo RepoConfig, v Version, subset string, store *Store) action.Action {
	a := action.Action{ID: CheckID, Title: "restic check", Target: RepoLabel(repo), Danger: action.Change}
	if subset != "" {
		a.Title += " --read-data-subset " + subset
	}
	jsonOut := v.HasCheckJSON()
	argv, err := ArgvCheck(repo, subset, jsonOut)
	if err != nil {
		return refused(a, err)
	}
	c := &checkRun{host: h.Name, repo: repo, subset: subset, json: jsonOut, store: store}
	a.Steps = []action.Step{{Argv: argv, Runner: resticRunner(h), Privileged: true, Do: c.run}}
	a.Verify = c.verify
	return a
}

// refused is an action Validate refuses with err; nothing can run.
func refused(a action.Action, err error) action.Action {
	a.Steps = []action.Step{{Argv: ArgvVersion(), Do: func(context.Context, action.StepEnv) error { return err }}}
	a.Precondition = func() error { return err }
	return a
}

type checkRun struct {
	host   string
	repo   RepoConfig
	subset string
	json   bool
	store  *Store

	mu      sync.Mutex
	rec     *CheckRecord
	saveErr error
}

func (c *checkRun) run(ctx context.Context, env action.StepEnv) error {
	var out []string
	started := time.Now()
	argv, _ := ArgvCheck(c.repo, c.subset, c.json)
	res, err := env.Runner.Stream(ctx, argv, func(line string) {
		if len(out) < maxCheckOutput {
			out = append(out, line)
		}
		env.Out(line)
	})
	stderr := string(res.Stderr)
	for _, line := range strings.Split(strings.TrimRight(stderr, "\n"), "\n") {
		if line != "" {
			env.Out(line)
		}
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	rec := CheckRecord{Time: started, Subset: c.subset}
	cerr := classify(err, c.host, c.repo.Repository)
	var re *Error
	ran := true
	if errors.As(cerr, &re) && (re.Kind != nil || re.Code == -1) {
		ran = false // locked, wrong password, no repository, transport
	}
	if ran {
		stdout := strings.Join(out, "\n")
		if c.json {
			var complete bool
			rec.Result, complete = ParseCheckJSON(stdout, stderr, res.ExitCode)
			ran = complete
		} else {
			rec.Result = ParseCheckText(stdout, stderr, res.ExitCode)
			ran = rec.Result.OK || res.ExitCode == 1
		}
	}
	if !ran {
		if cerr == nil {
			cerr = errors.New("restic check ended without a result")
		}
		rec.Error = cerr.Error()
	}
	c.save(rec)
	switch {
	case !ran:
		return cerr
	case !rec.Result.OK:
		return fmt.Errorf("restic check found %d error(s) in %s: %s", rec.Result.NumErrors, RepoLabel(c.repo), rec.Result.Summary())
	}
	return nil
}

func (c *checkRun) save(rec CheckRecord) {
	var err error
	if c.store != nil {
		err = c.store.SaveCheck(c.host, c.repo, rec)
	}
	c.mu.Lock()
	c.rec, c.saveErr = &rec, err
	c.mu.Unlock()
}

func (c *checkRun) verify(context.Context) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.rec == nil {
		return "", errors.New("no check result recorded")
	}
	text := "restic check: " + c.rec.Result.Summary()
	if c.saveErr != nil {
		return text, fmt.Errorf("result not stored: %w", c.saveErr)
	}
	return text, nil
}
