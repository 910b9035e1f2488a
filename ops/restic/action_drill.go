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
	"github.com/opsdeck/opsdeck/remote"
)

// RestoreDrillAction restores file (an absolute path from the latest
// snapshot, see DrillCandidates) into a fresh `mktemp -d` directory on
// the server, compares its sha256 with the live file's (a differing
// file modified after the snapshot's copy is "changed since the
// snapshot", not a failure), removes the directory (also on failure or
// cancel) and records the date and result in store (may be nil). It
// writes only under the server's temporary directory: a Change.
func RestoreDrillAction(h *ops.Host, repo RepoConfig, file string, store *Store) action.Action {
	a := action.Action{ID: DrillID, Title: "Restore drill from " + RepoLabel(repo), Target: file, Danger: action.Change}
	shownDir := "/tmp/" + drillTemplate
	restore, err := ArgvRestore(repo, shownDir, globEscape(file))
	if err == nil && strings.ContainsAny(file, "\x00\n") {
		err = fmt.Errorf("restore drill: file name %q cannot be handled", truncate(file, 80))
	}
	if err != nil {
		return refused(a, err)
	}
	if file == "" || file == "/" {
		return refused(a, errors.New("restore drill: pick a file"))
	}
	run := resticRunner(h)
	d := &drill{host: h.Name, repo: repo, file: file, store: store}
	restored := restoredPath(shownDir, file)
	rm := []string{"rm", "-rf", "--", shownDir}
	// One step per command, so the preview shows exactly what runs.
	a.Steps = []action.Step{
		{Argv: ArgvMktemp(), Runner: run, Privileged: true, Do: d.guard(d.mktemp)},
		{Argv: restore, Runner: run, Privileged: true, Do: d.guard(d.restore)},
		{Argv: ArgvSha256(restored), Runner: run, Privileged: true, Do: d.guard(d.sumRestored)},
		{Argv: ArgvMtime(restored), Runner: run, Privileged: true, Do: d.guard(d.mtimeRestored)},
		{Argv: ArgvSha256(file), Runner: run, Privileged: true, Do: d.guard(d.sumLive)},
		{Argv: ArgvMtime(file), Runner: run, Privileged: true, Do: d.guard(d.compare)},
		{Argv: rm, Runner: run, Privileged: true, Do: d.guard(d.remove)},
	}
	a.Cleanup = []action.Step{{Argv: rm, Runner: run, Privileged: true, Do: d.remove}}
	a.Verify = d.verify
	return a
}

// drill is the state one RestoreDrillAction's hooks share.
type drill struct {
	host  string
	repo  RepoConfig
	file  string
	store *Store

	mu            sync.Mutex
	dir           string
	restoredSum   string
	restoredMtime int64
	liveSum       string
	liveMissing   bool
	rec           *DrillRecord
	saveErr       error
}

// guard records a failed drill when a step fails before a result was
// recorded (a cancelled drill records nothing: it was not a drill).
func (d *drill) guard(step func(context.Context, action.StepEnv) error) func(context.Context, action.StepEnv) error {
	return func(ctx context.Context, env action.StepEnv) error {
		err := step(ctx, env)
		if err != nil && ctx.Err() == nil && d.record() == nil {
			d.save(DrillRecord{Time: time.Now(), File: d.file, Detail: truncate(err.Error(), 300)})
		}
		return err
	}
}

func (d *drill) record() *DrillRecord {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.rec
}

func (d *drill) save(rec DrillRecord) {
	var err error
	if d.store != nil {
		err = d.store.SaveDrill(d.host, d.repo, rec)
	}
	d.mu.Lock()
	d.rec, d.saveErr = &rec, err
	d.mu.Unlock()
}

func (d *drill) tmpdir() string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.dir
}

func (d *drill) mktemp(ctx context.Context, env action.StepEnv) error {
	res, err := env.Runner.Run(ctx, ArgvMktemp())
	if err != nil {
		return err
	}
	dir := strings.TrimSpace(string(res.Stdout))
	if err := checkDrillDir(dir); err != nil {
		return err
	}
	d.mu.Lock()
	d.dir = dir
	d.mu.Unlock()
	env.Out("temporary directory " + dir)
	return nil
}

func (d *drill) restore(ctx context.Context, env action.StepEnv) error {
	argv, err := ArgvRestore(d.repo, d.tmpdir(), globEscape(d.file))
	if err != nil {
		return err
	}
	res, err := env.Runner.Stream(ctx, argv, env.Out)
	for _, line := range strings.Split(strings.TrimRight(string(res.Stderr), "\n"), "\n") {
		if line != "" {
			env.Out(line)
		}
	}
	return classify(err, d.host, d.repo.Repository)
}

// sum is sha256sum of one file.
func sum(ctx context.Context, r remote.Runner, file string) (string, error) {
	res, err := r.Run(ctx, ArgvSha256(file))
	if err != nil {
		return "", err
	}
	return ParseSha256(string(res.Stdout))
}

// mtime is the modification time of one file in seconds.
func mtime(ctx context.Context, r remote.Runner, file string) (int64, error) {
	res, err := r.Run(ctx, ArgvMtime(file))
	if err != nil {
		return 0, err
	}
	return ParseMtime(string(res.Stdout))
}

func notFound(err error) bool {
	var xe *remote.ExitError
	return errors.As(err, &xe) && strings.Contains(xe.Stderr, "No such file")
}

func (d *drill) sumRestored(ctx context.Context, env action.StepEnv) error {
	s, err := sum(ctx, env.Runner, restoredPath(d.tmpdir(), d.file))
	if notFound(err) {
		return fmt.Errorf("restore drill: %s was not restored: it is not in the latest snapshot of %s", d.file, RepoLabel(d.repo))
	}
	if err != nil {
		return err
	}
	env.Out("restored copy: sha256 " + s)
	d.mu.Lock()
	d.restoredSum = s
	d.mu.Unlock()
	return nil
}

func (d *drill) mtimeRestored(ctx context.Context, env action.StepEnv) error {
	t, err := mtime(ctx, env.Runner, restoredPath(d.tmpdir(), d.file))
	if err != nil {
		return err
	}
	d.mu.Lock()
	d.restoredMtime = t
	d.mu.Unlock()
	return nil
}

// sumLive reads the live file's checksum; a live file that is gone is an
// outcome, not a failure.
func (d *drill) sumLive(ctx context.Context, env action.StepEnv) error {
	s, err := sum(ctx, env.Runner, d.file)
	missing := notFound(err)
	if err != nil && !missing {
		return err
	}
	if missing {
		env.Out("live file: gone")
	} else {
		env.Out("live file:     sha256 " + s)
	}
	d.mu.Lock()
	d.liveSum, d.liveMissing = s, missing
	d.mu.Unlock()
	return nil
}

// compare reads the live file's modification time, decides the outcome
// and records it.
func (d *drill) compare(ctx context.Context, env action.StepEnv) error {
	d.mu.Lock()
	missing := d.liveMissing
	d.mu.Unlock()
	var lt int64
	if !missing {
		var err error
		lt, err = mtime(ctx, env.Runner, d.file)
		missing = notFound(err)
		if err != nil && !missing {
			return err
		}
	}
	d.mu.Lock()
	rsum, lsum, rt := d.restoredSum, d.liveSum, d.restoredMtime
	d.mu.Unlock()
	out := Compare(rsum, lsum, rt, lt, missing)
	rec := DrillRecord{Time: time.Now(), File: d.file, Outcome: out, OK: out != OutcomeMismatch}
	rec.Detail = fmt.Sprintf("restored sha256 %s; %s", rsum[:16], out)
	env.Out(rec.Detail)
	d.save(rec)
	if !rec.OK {
		return fmt.Errorf("restore drill: %s restored with sha256 %s but the live file, unchanged since, has %s", d.file, rsum, lsum)
	}
	return nil
}

// remove deletes the drill's directory; nothing to do before mktemp ran.
func (d *drill) remove(ctx context.Context, env action.StepEnv) error {
	dir := d.tmpdir()
	if dir == "" {
		return nil
	}
	argv, err := ArgvRemoveDrillDir(dir)
	if err != nil {
		return err
	}
	if _, err := env.Runner.Run(ctx, argv); err != nil {
		return err
	}
	d.mu.Lock()
	d.dir = ""
	d.mu.Unlock()
	return nil
}

func (d *drill) verify(context.Context) (string, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.rec == nil {
		return "", errors.New("no drill result recorded")
	}
	text := "restore drill of " + d.file + ": " + string(d.rec.Outcome)
	if d.saveErr != nil {
		return text, fmt.Errorf("result not stored: %w", d.saveErr)
	}
	return text, nil
}
