package restic

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/remote"
)

// DefaultRPO is how old a repository's latest snapshot may be: a daily
// backup plus two hours of slack.
const DefaultRPO = 26 * time.Hour

// maxLockReads bounds how many lock files one read inspects.
const maxLockReads = 16

// RepoStatus is everything one read of a repository found.
type RepoStatus struct {
	Repo   RepoConfig
	ReadAt time.Time
	RPO    time.Duration
	// Reachable is true when the snapshots could be listed; otherwise Err
	// (a *Error when restic ran) says why, Reason in a few words and Hint
	// what to do.
	Reachable    bool
	Err          error
	Reason, Hint string
	// Version is restic's on the server (zero when VersionErr).
	Version    Version
	VersionErr error
	// Count is the total number of snapshots.
	Count int
	// Latest is the newest snapshot per host and paths.
	Latest []Latest
	// Stale is true when a group's latest snapshot is older than the RPO,
	// or the repository has no snapshot at all.
	Stale bool
	// Unit is the check unit's last run (nil: none configured or UnitErr).
	Unit    *UnitRun
	UnitErr error
	// State is opsdeck's own check and drill records.
	State    State
	StateErr error
	// Locks is the number of lock files, StaleLocks how many of them are
	// stale by restic's rule (of the first maxLockReads); LockErr is why
	// they could not be read.
	Locks, StaleLocks int
	LockErr           error
	// Running are the PIDs of restic processes on the server now.
	Running []int
}

// LastCheck is the latest check result known, from the check unit or
// opsdeck's own runs, whichever is newer.
type LastCheck struct {
	Known  bool
	OK     bool
	When   time.Time
	Source string // "unit NAME" or "opsdeck"
	Detail string
}

// LastCheck picks the newer of the unit's last run and opsdeck's.
func (s RepoStatus) LastCheck() LastCheck {
	var c LastCheck
	if u := s.Unit; u != nil && u.Ran {
		c = LastCheck{Known: true, OK: u.OK(), When: u.Exited, Source: "unit " + u.Unit}
		if !c.OK {
			c.Detail = "restic check exited " + strconv.Itoa(u.Status)
		}
	}
	if r := s.State.LastCheck; r != nil && (!c.Known || r.Time.After(c.When)) {
		c = LastCheck{Known: true, OK: r.OK(), When: r.Time, Source: "opsdeck"}
		if !c.OK {
			c.Detail = orWord(r.Error, r.Result.Summary())
		}
	}
	return c
}

// ReadRepo reads repo on h with the state kept in the default state
// directory; see ReadRepoWith.
func ReadRepo(ctx context.Context, h *ops.Host, repo RepoConfig, now time.Time, rpo time.Duration) RepoStatus {
	store, err := OpenDefaultStore()
	st := ReadRepoWith(ctx, h, repo, now, rpo, store)
	if err != nil {
		st.StateErr = err
	}
	return st
}

// ReadRepoWith reads, concurrently: restic's version, the snapshots, the
// lock files (and who holds them), the check unit's last run, and the
// running restic processes; plus store's records (store may be nil).
// rpo <= 0 means DefaultRPO. It never fails as a whole: each part
// carries its own error.
func ReadRepoWith(ctx context.Context, h *ops.Host, repo RepoConfig, now time.Time, rpo time.Duration, store *Store) RepoStatus {
	if rpo <= 0 {
		rpo = DefaultRPO
	}
	st := RepoStatus{Repo: repo, ReadAt: now, RPO: rpo}
	if store != nil {
		st.State, st.StateErr = store.Load(h.Name, repo)
	}
	run := newReader(h, repo)
	var (
		wg       sync.WaitGroup
		lockIDs  []string
		hostname string
	)
	wg.Add(6)
	go func() {
		defer wg.Done()
		out, err := run.out(ctx, ArgvVersion())
		if err == nil {
			st.Version, err = ParseVersion(out)
		}
		st.VersionErr = err
	}()
	go func() {
		defer wg.Done()
		st.readSnapshots(ctx, run, now)
	}()
	go func() {
		defer wg.Done()
		argv, err := ArgvListLocks(repo)
		var out string
		if err == nil {
			out, err = run.out(ctx, argv)
		}
		if err == nil {
			lockIDs, err = ParseLockList(out)
		}
		st.LockErr = err
		st.Locks = len(lockIDs)
	}()
	go func() {
		defer wg.Done()
		if repo.CheckUnit == "" {
			return
		}
		argv, err := ArgvUnitShow(repo.CheckUnit)
		var out string
		if err == nil {
			out, err = run.plain(ctx, argv)
		}
		var u UnitRun
		if err == nil {
			u, err = ParseUnitShow(out, repo.CheckUnit, h.Platform.UTCOffset)
		}
		if err == nil && u.LoadState == "not-found" {
			err = errors.New("check unit " + repo.CheckUnit + " does not exist on the server")
		}
		if err != nil {
			st.UnitErr = err
			return
		}
		st.Unit = &u
	}()
	go func() {
		defer wg.Done()
		st.Running, _ = RunningRestic(ctx, h)
	}()
	go func() {
		defer wg.Done()
		if out, err := run.plain(ctx, ArgvHostname()); err == nil {
			hostname = strings.TrimSpace(out)
		}
	}()
	wg.Wait()
	if st.Reachable && st.LockErr == nil {
		st.StaleLocks = countStale(ctx, run, lockIDs, now, hostname, st.Running)
	}
	return st
}

func (st *RepoStatus) readSnapshots(ctx context.Context, run reader, now time.Time) {
	argv, err := ArgvSnapshots(st.Repo)
	var out string
	if err == nil {
		out, err = run.out(ctx, argv)
	}
	var snaps []Snapshot
	if err == nil {
		snaps, err = ParseSnapshots([]byte(out))
	}
	if err != nil {
		st.Err = err
		st.Reason, st.Hint = reason(err), Hint(err)
		return
	}
	st.Reachable = true
	st.Count = len(snaps)
	st.Latest = LatestPerGroup(snaps, now, st.RPO)
	st.Stale = len(snaps) == 0
	for _, l := range st.Latest {
		st.Stale = st.Stale || l.Stale
	}
}

// countStale reads up to maxLockReads lock files, four at a time.
func countStale(ctx context.Context, run reader, ids []string, now time.Time, hostname string, running []int) int {
	if len(ids) > maxLockReads {
		ids = ids[:maxLockReads]
	}
	var (
		mu    sync.Mutex
		n     int
		wg    sync.WaitGroup
		slots = make(chan struct{}, 4)
	)
	for _, id := range ids {
		wg.Add(1)
		go func(id string) {
			defer wg.Done()
			slots <- struct{}{}
			defer func() { <-slots }()
			argv, err := ArgvCatLock(run.repo, id)
			var out string
			if err == nil {
				out, err = run.out(ctx, argv)
			}
			if err != nil {
				return // removed meanwhile: its holder finished
			}
			l, err := ParseLock([]byte(out))
			if err == nil && l.Stale(now, hostname, running) {
				mu.Lock()
				n++
				mu.Unlock()
			}
		}(id)
	}
	wg.Wait()
	return n
}

// reason is a few words for the pane.
func reason(err error) string {
	var e *Error
	if errors.As(err, &e) && e.Kind != nil {
		return e.Kind.Error()
	}
	var ce *remote.ConnError
	if errors.As(err, &ce) {
		return "host unreachable"
	}
	if errors.Is(err, ErrNoPasswordSource) {
		return "no password source configured"
	}
	return truncate(err.Error(), 120)
}

// RunningRestic lists the PIDs of processes named restic on h (none is
// not an error).
func RunningRestic(ctx context.Context, h *ops.Host) ([]int, error) {
	res, err := h.Runner.Run(ctx, ArgvPgrep())
	var xe *remote.ExitError
	if errors.As(err, &xe) && xe.Code == 1 {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return ParsePIDs(string(res.Stdout))
}
