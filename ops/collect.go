package ops

import (
	"context"
	"sync"
	"time"
)

// Section names in HostStatus.Errors.
const (
	SectionPools    = "pools"
	SectionDatasets = "datasets"
	SectionARC      = "arc"
	SectionIOStat   = "iostat"
	SectionSchedule = "schedule"
)

// Collect reads everything the panes show. Every command — zpool status,
// zpool list, zfs list, arcstats, zpool iostat, the timer list and the
// cron file — is issued at once on the host's one connection, so a
// refresh costs about one round trip however many reads there are. Each
// section that failed is left empty and its error, with the remote
// package's hint, is in Errors; the others are still filled. now is the
// reading time (also used for the JSON scan rate).
func Collect(ctx context.Context, h *Host, now time.Time) HostStatus {
	st := HostStatus{
		Host:        h.Name,
		CollectedAt: now,
		Platform:    h.Platform,
		Pools:       []Pool{},
		Datasets:    []Dataset{},
	}
	var (
		wg           sync.WaitGroup
		pools        []Pool
		poolsErr     error
		datasets     []Dataset
		datasetsErr  error
		arc          *ARC
		arcErr       error
		iostat       fetched
		timers, cron fetched
	)
	iostatArgv := IOStatArgv(h.Platform.ZFSVersion)
	wg.Add(5)
	go func() { defer wg.Done(); pools, poolsErr = readPools(ctx, h, now) }()
	go func() { defer wg.Done(); datasets, datasetsErr = ReadDatasets(ctx, h) }()
	go func() { defer wg.Done(); arc, arcErr = ReadARC(ctx, h) }()
	go func() { defer wg.Done(); iostat.out, iostat.err = output(ctx, h.Runner, iostatArgv) }()
	go func() { defer wg.Done(); timers, cron = fetchSchedules(ctx, h) }()
	wg.Wait()

	errs := map[string]string{}
	note := func(section string, err error) {
		if err != nil {
			errs[section] = describe(err)
		}
	}
	// readPools returns the pools even when only `zpool list` failed.
	if pools != nil {
		st.Pools = pools
	}
	note(SectionPools, poolsErr)
	if datasetsErr == nil && datasets != nil {
		st.Datasets = datasets
	}
	note(SectionDatasets, datasetsErr)
	st.ARC = arc
	note(SectionARC, arcErr)
	if iostat.err == nil {
		st.IOStat, iostat.err = ParseIOStat(iostat.out, st.Pools)
	}
	note(SectionIOStat, iostat.err)
	sched, schedErr := schedulesFrom(timers, cron, poolNames(st.Pools))
	st.Schedules = sched
	note(SectionSchedule, schedErr)
	if len(errs) > 0 {
		st.Errors = errs
	}
	return st
}
