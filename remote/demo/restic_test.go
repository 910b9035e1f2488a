package demo

import (
	"bufio"
	"context"
	"errors"
	"net"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ops/action"
	"github.com/opsdeck/opsdeck/ops/restic"
	"github.com/opsdeck/opsdeck/remote"
)

// resticRunner runs argv on a Sim as the demo's SSH server would, and
// streams (net_test.go's simRunner does not).
type resticRunner struct{ s *Sim }

func (r resticRunner) Run(_ context.Context, argv []string) (remote.Result, error) {
	// Through the quoting the SSH server reverses, as for real.
	back, err := Unquote(remote.Quote(argv))
	if err != nil {
		return remote.Result{}, err
	}
	out := r.s.Run(back)
	res := remote.Result{Stdout: []byte(out.Stdout), Stderr: []byte(out.Stderr), ExitCode: out.Code}
	if out.Code != 0 {
		return res, &remote.ExitError{Argv: argv, Code: out.Code, Stderr: out.Stderr, Host: "demo"}
	}
	return res, nil
}

func (r resticRunner) Stream(ctx context.Context, argv []string, onLine func(string)) (remote.Result, error) {
	res, err := r.Run(ctx, argv)
	sc := bufio.NewScanner(strings.NewReader(string(res.Stdout)))
	for sc.Scan() {
		onLine(sc.Text())
	}
	res.Stdout = nil
	return res, err
}

func (resticRunner) Dial(context.Context, string, string) (net.Conn, error) {
	return nil, errors.New("not simulated")
}
func (resticRunner) Close() error { return nil }

// The demo's restic repository shows its planned problem, and the check
// and restore drill actions succeed against it.
func TestDemoResticRepository(t *testing.T) {
	s, _ := newDemoSim()
	r := resticRunner{s}
	h := &ops.Host{Name: "demo", Runner: r, Privileged: r}
	repo := DemoResticRepos()[0]
	store, err := restic.OpenStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	now := s.Now()
	st := restic.ReadRepoWith(ctx, h, repo, now, 0, store)
	if !st.Reachable || st.Version.String() != "0.14.0" || st.Locks != 0 || st.UnitErr != nil || st.LockErr != nil {
		t.Fatalf("status %+v", st)
	}
	if len(st.Latest) != 2 || !st.Stale || st.Latest[0].PathsLabel() != "/etc" || !st.Latest[0].Stale ||
		st.Latest[0].Age < 72*time.Hour || st.Latest[1].Stale || st.Latest[1].Age > 3*time.Hour {
		t.Errorf("latest %+v", st.Latest)
	}
	lc := st.LastCheck()
	if !lc.Known || !lc.OK || now.Sub(lc.When) < 9*24*time.Hour || now.Sub(lc.When) > 10*24*time.Hour {
		t.Errorf("last check %+v", lc)
	}
	files, err := restic.DrillCandidates(ctx, h, repo, 0)
	if err != nil || len(files) != 4 {
		t.Fatalf("candidates %+v %v", files, err)
	}
	audit, err := action.OpenAuditLog(filepath.Join(t.TempDir(), "audit.log"))
	if err != nil {
		t.Fatal(err)
	}
	ex := &action.Executor{Audit: audit, Host: "demo", User: "test"}
	for _, a := range []action.Action{
		restic.CheckAction(h, repo, st.Version, "", store),
		restic.CheckAction(h, repo, st.Version, "1/5", store),
		restic.RestoreDrillAction(h, repo, files[2].Path, store),
		restic.UnlockAction(h, repo),
	} {
		if res := ex.Run(ctx, a, nil); res.Err != nil || res.VerifyErr != nil {
			t.Errorf("%s: %v %v\n%s", a.Title, res.Err, res.VerifyErr, strings.Join(res.Output, "\n"))
		}
	}
	state, _ := store.Load("demo", repo)
	if state.LastGoodDrill == nil || state.LastGoodDrill.Outcome != restic.OutcomeMatch || state.LastCheck == nil || !state.LastCheck.OK() {
		t.Errorf("state %+v", state)
	}
}
