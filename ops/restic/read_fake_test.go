package restic

import (
	"context"
	"errors"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/remote"
)

// fakeRunner answers by the command's last words; unknown commands exit
// 127 as on a host without them.
type fakeRunner struct {
	mu      sync.Mutex
	answers map[string]remote.Result // key: suffix of the quoted line
	err     error                    // transport failure for every call
	seen    []string
}

func (f *fakeRunner) Run(_ context.Context, argv []string) (remote.Result, error) {
	line := remote.Quote(argv)
	f.mu.Lock()
	f.seen = append(f.seen, line)
	f.mu.Unlock()
	if f.err != nil {
		return remote.Result{}, &remote.ConnError{Host: "h", Op: "run", Err: f.err}
	}
	for suffix, res := range f.answers {
		if strings.HasSuffix(line, suffix) {
			if res.ExitCode != 0 {
				return res, &remote.ExitError{Argv: argv, Code: res.ExitCode, Stderr: string(res.Stderr)}
			}
			return res, nil
		}
	}
	return remote.Result{ExitCode: 127}, &remote.ExitError{Argv: argv, Code: 127, Stderr: "bash: " + argv[0] + ": command not found"}
}

func (f *fakeRunner) Stream(ctx context.Context, argv []string, onLine func(string)) (remote.Result, error) {
	res, err := f.Run(ctx, argv)
	for _, l := range strings.Split(strings.TrimRight(string(res.Stdout), "\n"), "\n") {
		if l != "" {
			onLine(l)
		}
	}
	res.Stdout = nil
	return res, err
}

func (f *fakeRunner) Dial(context.Context, string, string) (net.Conn, error) {
	return nil, errors.New("no")
}
func (f *fakeRunner) Close() error { return nil }

var fakeRepo = RepoConfig{Name: "r", Repository: "/srv/r", PasswordFile: "/root/p", CheckUnit: "restic-check.service"}

func TestReadRepoResticMissing(t *testing.T) {
	f := &fakeRunner{answers: map[string]remote.Result{}}
	st := ReadRepoWith(context.Background(), &ops.Host{Name: "h", Runner: f}, fakeRepo, time.Now(), 0, nil)
	if st.Reachable || !errors.Is(st.Err, ErrNotInstalled) || !strings.Contains(st.Hint, "apt-get install restic") {
		t.Errorf("%+v", st)
	}
}

func TestReadRepoHostDown(t *testing.T) {
	f := &fakeRunner{err: errors.New("connection refused")}
	st := ReadRepoWith(context.Background(), &ops.Host{Name: "h", Runner: f}, fakeRepo, time.Now(), 0, nil)
	if st.Reachable || st.Reason != "host unreachable" || st.Hint == "" {
		t.Errorf("%+v", st)
	}
}

func TestReadRepoStaleLockAndUnit(t *testing.T) {
	now := time.Date(2026, 11, 26, 15, 0, 0, 0, time.UTC)
	lock := strings.Repeat("ab", 32)
	f := &fakeRunner{answers: map[string]remote.Result{
		"restic version":                  {Stdout: []byte(load(t, "0.18_version.txt").body)},
		"snapshots --json --no-lock":      {Stdout: []byte(load(t, "0.18_snapshots.json").body)},
		"list locks --no-lock":            {Stdout: []byte(lock + "\n")},
		"cat lock " + lock + " --no-lock": {Stdout: []byte(`{"time":"2026-11-26T14:00:00Z","exclusive":false,"hostname":"other","username":"root","pid":7}`)},
		"restic-check.service":            {Stdout: []byte("ExecMainStatus=3\nExecMainExitTimestamp=Wed 2026-11-18 03:00:00 UTC\nActiveState=failed\nLoadState=loaded\n")},
		"pgrep -x restic":                 {ExitCode: 1},
		"uname -n":                        {Stdout: []byte("zlab\n")},
	}}
	st := ReadRepoWith(context.Background(), &ops.Host{Name: "h", Runner: f}, fakeRepo, now, 0, nil)
	if !st.Reachable || st.Count != 3 || st.Locks != 1 || st.StaleLocks != 1 || st.Version.String() != "0.18.1" {
		t.Fatalf("%+v", st)
	}
	// Every snapshot is from 13:41 on the 26th: fresh at 15:00.
	if st.Stale {
		t.Errorf("stale: %+v", st.Latest)
	}
	lc := st.LastCheck()
	if !lc.Known || lc.OK || lc.Source != "unit restic-check.service" || lc.Detail != "restic check exited 3" {
		t.Errorf("%+v", lc)
	}
	for _, line := range f.seen {
		if strings.Contains(line, " restic ") && !strings.HasPrefix(line, "env 'RESTIC_REPOSITORY=/srv/r' 'RESTIC_PASSWORD_FILE=/root/p' restic ") {
			t.Errorf("unexpected command %s", line)
		}
	}
}
