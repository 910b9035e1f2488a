package ops

import (
	"context"
	"fmt"
	"slices"

	"github.com/opsdeck/opsdeck/ops/action"
)

// ScrubActionReader re-reads a host's pools; the scrub actions' Verify
// uses it to report the scan state the action left behind.
type ScrubActionReader func(ctx context.Context) ([]Pool, error)

// Scrub action IDs as the audit log records them.
const (
	ScrubActionStart  = "scrub.start"
	ScrubActionResume = "scrub.resume"
	ScrubActionPause  = "scrub.pause"
	ScrubActionCancel = "scrub.cancel"
)

// ScrubStartAction starts a scrub of p on h, or resumes it when one is
// paused (then titled "Resume scrub"). Validation refuses it unless the
// pool is ONLINE or DEGRADED, no resilver runs and no scrub already runs.
func ScrubStartAction(h *Host, p Pool) action.Action {
	return scrubActionStart(h, p, scrubActionReadPools(h))
}

// ScrubPauseAction pauses p's running scrub (`zpool scrub -p`).
func ScrubPauseAction(h *Host, p Pool) action.Action {
	return scrubActionPause(h, p, scrubActionReadPools(h))
}

// ScrubResumeAction resumes p's paused scrub (`zpool scrub`).
func ScrubResumeAction(h *Host, p Pool) action.Action {
	return scrubActionResume(h, p, scrubActionReadPools(h))
}

// ScrubCancelAction stops p's scrub for good (`zpool scrub -s`); it is
// Destructive, so the operator types the pool's name.
func ScrubCancelAction(h *Host, p Pool) action.Action {
	return scrubActionCancel(h, p, scrubActionReadPools(h))
}

// scrubActionReadPools re-reads h's pools the way the panes do.
func scrubActionReadPools(h *Host) ScrubActionReader {
	return func(ctx context.Context) ([]Pool, error) { return ReadPools(ctx, h) }
}

// scrubActionStart starts a scrub of p, or resumes it when one is paused
// (`zpool scrub POOL` does both; the title says which the operator gets).
func scrubActionStart(h *Host, p Pool, read ScrubActionReader) action.Action {
	if scrubActionIsScrub(p, ScanPaused) {
		return scrubActionResume(h, p, read)
	}
	a := scrubActionBuild(h, p, read, ScrubActionStart, "Start scrub", ArgvScrub(p.Name), action.Change,
		ScanScanning, ScanFinished)
	a.Precondition = func() error {
		if err := scrubActionHealthy(p); err != nil {
			return err
		}
		if scrubActionIsScrub(p, ScanScanning) {
			return fmt.Errorf("a scrub of %s is already running", p.Name)
		}
		return nil
	}
	return a
}

// scrubActionResume continues a paused scrub where it stopped.
func scrubActionResume(h *Host, p Pool, read ScrubActionReader) action.Action {
	a := scrubActionBuild(h, p, read, ScrubActionResume, "Resume scrub", ArgvScrub(p.Name), action.Change,
		ScanScanning, ScanFinished)
	a.Precondition = func() error {
		if err := scrubActionHealthy(p); err != nil {
			return err
		}
		if !scrubActionIsScrub(p, ScanPaused) {
			return fmt.Errorf("no paused scrub of %s to resume", p.Name)
		}
		return nil
	}
	return a
}

// scrubActionPause pauses a running scrub; resuming keeps its progress.
func scrubActionPause(h *Host, p Pool, read ScrubActionReader) action.Action {
	a := scrubActionBuild(h, p, read, ScrubActionPause, "Pause scrub", ArgvScrubPause(p.Name), action.Change,
		ScanPaused)
	a.Precondition = func() error {
		if !scrubActionIsScrub(p, ScanScanning) {
			return fmt.Errorf("no running scrub of %s to pause", p.Name)
		}
		return nil
	}
	return a
}

// scrubActionCancel stops a running or paused scrub for good.
//
// It is Destructive, so the operator types the pool's name: cancelling
// throws away all progress, which on a large pool is many hours of disk
// I/O to redo, and it cannot be undone, while the harmless alternative
// (pause, which keeps the progress) sits one key away. A y/N that a
// stray keypress confirms is too little for that. It is not Bulk: one
// pool is affected.
func scrubActionCancel(h *Host, p Pool, read ScrubActionReader) action.Action {
	a := scrubActionBuild(h, p, read, ScrubActionCancel, "Cancel scrub", ArgvScrubCancel(p.Name), action.Destructive,
		ScanCanceled)
	a.Precondition = func() error {
		if !scrubActionIsScrub(p, ScanScanning) && !scrubActionIsScrub(p, ScanPaused) {
			return fmt.Errorf("no scrub of %s to cancel", p.Name)
		}
		return nil
	}
	return a
}

// scrubActionBuild is the shape all four share: one privileged zpool
// command and a Verify that expects one of the given scan states.
func scrubActionBuild(h *Host, p Pool, read ScrubActionReader, id, title string, argv []string,
	danger action.Danger, expect ...ScanState) action.Action {
	return action.Action{
		ID: id, Title: title, Target: p.Name, Danger: danger,
		Steps:  []action.Step{{Argv: argv, Runner: h.Privileged, Privileged: true}},
		Verify: scrubActionVerify(p.Name, read, expect),
	}
}

// scrubActionHealthy refuses pools a scrub cannot run on, and scrubbing
// while a resilver runs (ZFS refuses it too, with a less helpful message).
func scrubActionHealthy(p Pool) error {
	if p.State != "ONLINE" && p.State != "DEGRADED" {
		return fmt.Errorf("%s is %s: a scrub needs the pool ONLINE or DEGRADED", p.Name, p.State)
	}
	if p.Scan.Function == "resilver" && p.Scan.State == ScanScanning {
		return fmt.Errorf("%s is resilvering: scrub after the resilver finishes", p.Name)
	}
	return nil
}

func scrubActionIsScrub(p Pool, state ScanState) bool {
	return p.Scan.Function == "scrub" && p.Scan.State == state
}

// scrubActionVerify re-reads the pool and describes its scan; it fails
// when the scan is not in one of the states the action should have left.
func scrubActionVerify(pool string, read ScrubActionReader, expect []ScanState) func(context.Context) (string, error) {
	return func(ctx context.Context) (string, error) {
		if read == nil {
			return "", fmt.Errorf("%s: no way to re-read the pool", pool)
		}
		pools, err := read(ctx)
		// ReadPools returns the pools with an error when only the
		// capacity figures failed; the scan state is still good.
		if err != nil && len(pools) == 0 {
			return "", fmt.Errorf("re-reading %s: %w", pool, err)
		}
		i := slices.IndexFunc(pools, func(p Pool) bool { return p.Name == pool })
		if i < 0 {
			return "", fmt.Errorf("%s is no longer imported", pool)
		}
		text := ScrubActionDescribe(pools[i])
		if pools[i].Scan.Function != "scrub" || !slices.Contains(expect, pools[i].Scan.State) {
			return text, fmt.Errorf("%s: expected the scrub to be %s", pool, scrubActionStates(expect))
		}
		return text, nil
	}
}

// ScrubActionDescribe says in one line where a pool's scan stands, as a
// task line shows it after an action.
func ScrubActionDescribe(p Pool) string {
	s := p.Scan
	switch {
	case s.Function == "" || s.State == ScanNone:
		return fmt.Sprintf("%s: no scrub or resilver has run", p.Name)
	case s.State == ScanScanning:
		return fmt.Sprintf("%s: %s in progress, %.1f%% done", p.Name, s.Function, s.Percent)
	case s.State == ScanPaused:
		return fmt.Sprintf("%s: %s paused at %.1f%%", p.Name, s.Function, s.Percent)
	case s.State == ScanFinished:
		return fmt.Sprintf("%s: %s finished, %d bytes repaired, %d errors", p.Name, s.Function, s.Repaired, s.Errors)
	case s.State == ScanCanceled:
		return fmt.Sprintf("%s: %s canceled", p.Name, s.Function)
	}
	return fmt.Sprintf("%s: %s %s", p.Name, s.Function, s.State)
}

func scrubActionStates(states []ScanState) string {
	out := ""
	for i, s := range states {
		if i > 0 {
			out += " or "
		}
		out += string(s)
	}
	return out
}
