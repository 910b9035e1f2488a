package ops

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/opsdeck/opsdeck/remote"
)

// ReadDatasets lists filesystems and volumes with the Pool pane's
// properties in one command: JSON or text over h.Runner, or go-zfs when
// h.Local (see InitLocalZFS).
func ReadDatasets(ctx context.Context, h *Host) ([]Dataset, error) {
	if h.Local {
		return readDatasetsLocal(ctx, h)
	}
	if h.UseJSON() {
		out, err := output(ctx, h.Runner, ArgvDatasetsJSON())
		if err != nil {
			return nil, err
		}
		return ParseDatasetsJSON(out)
	}
	out, err := output(ctx, h.Runner, ArgvDatasetsText())
	if err != nil {
		return nil, err
	}
	return ParseDatasetsText(out)
}

// ReadARC reads the ARC kstats.
func ReadARC(ctx context.Context, h *Host) (*ARC, error) {
	out, err := output(ctx, h.Runner, ArgvARC())
	if err != nil {
		return nil, err
	}
	a, err := ParseARCStats(out)
	if err != nil {
		return nil, err
	}
	return &a, nil
}

// ReadIOStat reads per-vdev I/O, with latencies when the host has them
// (IOStatArgv); pools (from ReadPools, may be nil) give
// the rows their depth.
func ReadIOStat(ctx context.Context, h *Host, pools []Pool) ([]VdevIO, error) {
	out, err := output(ctx, h.Runner, IOStatArgv(h.Platform.ZFSVersion))
	if err != nil {
		return nil, err
	}
	return ParseIOStat(out, pools)
}

// ReadSchedules finds where each pool's scrubs are scheduled: systemd
// timers first, then Debian's cron file; pools neither covers come back
// with Found false.
func ReadSchedules(ctx context.Context, h *Host, pools []string) ([]ScrubSchedule, error) {
	timers, cron := fetchSchedules(ctx, h)
	return schedulesFrom(timers, cron, pools)
}

// fetched is one command's output or error.
type fetched struct {
	out []byte
	err error
}

// fetchSchedules runs the timer listing and the cron read concurrently.
func fetchSchedules(ctx context.Context, h *Host) (timers, cron fetched) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		timers.out, timers.err = output(ctx, h.Runner, ArgvScrubTimers())
	}()
	cron.out, cron.err = output(ctx, h.Runner, ArgvScrubCron())
	wg.Wait()
	return timers, cron
}

// schedulesFrom interprets the two reads. A host without systemd or
// without the cron file simply has no schedule there; only when neither
// source could be read for another reason is that an error.
func schedulesFrom(timers, cron fetched, pools []string) ([]ScrubSchedule, error) {
	absent := func(err error) bool {
		if err == nil {
			return true
		}
		var ee *remote.ExitError
		// cat of a missing file and systemctl on a non-systemd host both
		// exit non-zero with a clean "not there"; a dropped connection is
		// a ConnError and is not absence.
		return errors.Is(err, remote.ErrNotInstalled) || errors.As(err, &ee)
	}
	if !absent(timers.err) && !absent(cron.err) {
		return nil, fmt.Errorf("scrub schedule: %w", errors.Join(timers.err, cron.err))
	}
	var t, c []byte
	if timers.err == nil {
		t = timers.out
	}
	if cron.err == nil {
		c = cron.out
	}
	return MergeSchedules(ParseScrubTimers(t, pools), ParseScrubCron(c, pools)), nil
}
