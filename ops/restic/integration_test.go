package restic

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// forEach runs f for every restic generation available, one after the
// other: the lock tests look at every restic process on the machine.
func forEach(t *testing.T, f func(t *testing.T, e *env)) {
	for gen, bin := range resticBinaries(t) {
		t.Run(gen, func(t *testing.T) { f(t, newEnv(t, bin)) })
	}
}

func TestReadRepoOverSSH(t *testing.T) {
	forEach(t, func(t *testing.T, e *env) {
		st := e.read(t)
		if !st.Reachable || st.Err != nil {
			t.Fatalf("unreachable: %v (%s)", st.Err, st.Hint)
		}
		if st.Version != e.version || st.Count != 2 || len(st.Latest) != 2 || st.Stale {
			t.Fatalf("status %+v", st)
		}
		if st.Latest[0].Host != "web1" || st.Latest[1].Host != "zlab" || st.Latest[1].Age > time.Minute {
			t.Errorf("latest %+v", st.Latest)
		}
		if (st.Latest[1].Snapshot.Summary != nil) != e.version.AtLeast(0, 17, 0) {
			t.Errorf("summary %+v on %s", st.Latest[1].Snapshot.Summary, e.version)
		}
		if st.Locks != 0 || st.StaleLocks != 0 || st.LockErr != nil {
			t.Errorf("locks %d/%d %v", st.Locks, st.StaleLocks, st.LockErr)
		}
		// The same through --password-command, run on the server.
		e.repo.PasswordCommand, e.repo.PasswordFile = "cat "+e.repo.PasswordFile, ""
		if st := e.read(t); !st.Reachable || st.Count != 2 {
			t.Errorf("password command: %+v", st.Err)
		}
	})
}

func TestReadRepoFailures(t *testing.T) {
	forEach(t, func(t *testing.T, e *env) {
		bad := filepath.Join(e.dir, "badpw")
		write(t, bad, "wrong\n")
		for _, tt := range []struct {
			name string
			repo RepoConfig
			kind error
			code int // on >= 0.17.1
		}{
			{"wrong password", RepoConfig{Name: "x", Repository: e.repo.Repository, PasswordFile: bad}, ErrWrongPassword, 12},
			{"no repository", RepoConfig{Name: "y", Repository: filepath.Join(e.dir, "nothing"), PasswordFile: e.repo.PasswordFile}, ErrNoRepository, 10},
		} {
			e.repo = tt.repo
			st := e.read(t)
			var re *Error
			if st.Reachable || !errors.Is(st.Err, tt.kind) || !errors.As(st.Err, &re) || st.Hint == "" || st.Reason != tt.kind.Error() {
				t.Errorf("%s: %+v %v %q", tt.name, st.Reachable, st.Err, st.Hint)
				continue
			}
			if want := 1; e.version.AtLeast(0, 17, 1) && re.Code != tt.code || !e.version.AtLeast(0, 17, 0) && re.Code != want {
				t.Errorf("%s: exit %d on %s", tt.name, re.Code, e.version)
			}
		}
	})
}

func TestCheckAction(t *testing.T) {
	forEach(t, func(t *testing.T, e *env) {
		for _, subset := range []string{"", "1/2"} {
			a := CheckAction(e.host, e.repo, e.version, subset, e.store)
			if c := a.Confirmation(); c.Expect != "y" || !strings.Contains(c.Prompt, "local") {
				t.Errorf("confirmation %+v", c)
			}
			res := run(t, e, a)
			if res.Err != nil || !strings.HasPrefix(res.VerifyText, "restic check: no errors") {
				t.Fatalf("check %q: %v %q\n%s", subset, res.Err, res.VerifyText, strings.Join(res.Output, "\n"))
			}
			st := e.read(t)
			lc := st.LastCheck()
			if !lc.Known || !lc.OK || lc.Source != "opsdeck" || time.Since(lc.When) > time.Minute || st.State.LastCheck.Subset != subset {
				t.Errorf("last check %+v", lc)
			}
		}
	})
}

func TestLockedRepositoryAndUnlock(t *testing.T) {
	forEach(t, func(t *testing.T, e *env) {
		pid, kill := e.holdLock(t)
		st := e.read(t)
		if st.Locks != 1 || st.StaleLocks != 0 || !slices.Contains(st.Running, pid) {
			t.Fatalf("live lock: locks %d stale %d running %v (pid %d) %v", st.Locks, st.StaleLocks, st.Running, pid, st.LockErr)
		}
		// check needs an exclusive lock: refused, recorded as not run.
		res := run(t, e, CheckAction(e.host, e.repo, e.version, "", e.store))
		if !errors.Is(res.Err, ErrLocked) {
			t.Errorf("check on a locked repository: %v", res.Err)
		}
		if lc := e.read(t).LastCheck(); !lc.Known || lc.OK || !strings.Contains(lc.Detail, "locked") {
			t.Errorf("recorded %+v", lc)
		}
		res = run(t, e, UnlockAction(e.host, e.repo))
		if !errors.Is(res.Err, ErrResticRunning) || !strings.Contains(res.Err.Error(), "pid ") {
			t.Fatalf("unlock while restic runs: %v", res.Err)
		}
		kill() // the lock stays behind: stale (same host, process gone)
		st = e.read(t)
		if st.Locks != 1 || st.StaleLocks != 1 {
			t.Fatalf("stale lock: locks %d stale %d %v", st.Locks, st.StaleLocks, st.LockErr)
		}
		a := UnlockAction(e.host, e.repo)
		for _, c := range a.Commands() {
			if strings.Contains(c.Line, "--remove-all") {
				t.Fatal(c.Line)
			}
		}
		res = run(t, e, a)
		if res.Err != nil || res.VerifyText != "0 lock(s) left in local" {
			t.Fatalf("unlock: %v %q", res.Err, res.VerifyText)
		}
	})
}

func TestRestoreDrill(t *testing.T) {
	forEach(t, func(t *testing.T, e *env) {
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		defer cancel()
		files, err := DrillCandidates(ctx, e.host, e.repo, 0)
		if err != nil {
			t.Fatal(err)
		}
		var paths []string
		for _, f := range files {
			paths = append(paths, f.Path)
		}
		if !slices.Contains(paths, e.odd) {
			t.Fatalf("candidates %q lack %q", paths, e.odd)
		}
		if few, err := DrillCandidates(ctx, e.host, e.repo, 1); err != nil || len(few) != 1 {
			t.Errorf("limit 1: %d %v", len(few), err)
		}
		drill := func() (DrillRecord, string) {
			res := run(t, e, RestoreDrillAction(e.host, e.repo, e.odd, e.store))
			st, _ := e.store.Load(e.host.Name, e.repo)
			if st.LastDrill == nil {
				t.Fatalf("no drill recorded: %v", res.Err)
			}
			assertNoDrillDirs(t, res.Output)
			return *st.LastDrill, errText(res.Err)
		}
		if rec, err := drill(); !rec.OK || rec.Outcome != OutcomeMatch || err != "" {
			t.Errorf("drill: %+v %s", rec, err)
		}
		// The live file changes after the backup: not a failure.
		write(t, e.odd, "changed\n")
		later := time.Now().Add(time.Hour)
		os.Chtimes(e.odd, later, later)
		if rec, err := drill(); !rec.OK || rec.Outcome != OutcomeChanged || err != "" {
			t.Errorf("changed: %+v %s", rec, err)
		}
		// Same mtime as the snapshot's copy but other content: the backup
		// does not hold the file it should.
		snapTime := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
		os.Chtimes(e.odd, snapTime, snapTime)
		if rec, err := drill(); rec.OK || rec.Outcome != OutcomeMismatch || err == "" {
			t.Errorf("mismatch not reported: %+v %s", rec, err)
		}
		// A file that is not in the snapshot fails and cleans up.
		res := run(t, e, RestoreDrillAction(e.host, e.repo, filepath.Join(e.data, "never backed up"), e.store))
		if res.Err == nil || !strings.Contains(res.Err.Error(), "not in the latest snapshot") {
			t.Errorf("missing file: %v", res.Err)
		}
		assertNoDrillDirs(t, res.Output)
		// Had any shell run the name's $(…), the login's home would hold it.
		home, _ := os.UserHomeDir()
		if _, err := os.Stat(filepath.Join(home, "opsdeck-pwned")); err == nil {
			t.Error("the file name was run by a shell")
		}
		st, _ := e.store.Load(e.host.Name, e.repo)
		if st.LastDrill.OK || st.LastGoodDrill == nil || st.LastGoodDrill.Outcome != OutcomeChanged {
			t.Errorf("state %+v / %+v", st.LastDrill, st.LastGoodDrill)
		}
	})
}

// assertNoDrillDirs checks that the temporary directory a drill printed
// is gone.
func assertNoDrillDirs(t *testing.T, output []string) {
	t.Helper()
	found := false
	for _, l := range output {
		if dir, ok := strings.CutPrefix(l, "temporary directory "); ok {
			found = true
			if _, err := os.Stat(dir); !os.IsNotExist(err) {
				t.Errorf("%s left behind (%v)", dir, err)
			}
		}
	}
	if !found {
		t.Errorf("no temporary directory in output %q", output)
	}
}
