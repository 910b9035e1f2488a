package ops

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/opsdeck/opsdeck/remote"
)

func TestProbe(t *testing.T) {
	for version, want := range map[string]ZFSVersion{"2.3": {2, 3, 2, "zfs-2.3.2-2~bpo12+2"}, "2.1": {2, 1, 11, "zfs-2.1.11-1+deb12u1"}} {
		f := newFake(t, hostReplies(version))
		f.barrier = 5
		p, err := Probe(context.Background(), &Host{Name: "lab", Runner: f})
		if err != nil {
			t.Fatal(err)
		}
		if p.ZFSVersion != want || p.Kernel != "Linux 6.1.0-56-amd64" || p.OS != "Debian GNU/Linux 12 (bookworm)" || !p.Tools["zfs"] || p.Tools["wg"] || p.UTCOffset != "+0100" {
			t.Errorf("%s: %+v", version, p)
		}
		if f.peak != 5 {
			t.Errorf("probe ran %d commands at once, want all 5", f.peak)
		}
	}
	replies := hostReplies("2.1")
	replies[key(ArgvZFSVersion())] = reply{err: &remote.ExitError{Argv: ArgvZFSVersion(), Code: 127}}
	replies[key(ArgvOSRelease())] = reply{err: noFile(ArgvOSRelease())}
	p, err := Probe(context.Background(), &Host{Runner: newFake(t, replies)})
	if err == nil || !strings.Contains(err.Error(), "zfs version") || !strings.Contains(err.Error(), "os-release") || p.Kernel == "" {
		t.Errorf("missing zfs: %+v %v", p, err)
	}
	replies = hostReplies("2.3")
	replies[key(ArgvOSRelease())] = reply{err: noFile(ArgvOSRelease())}
	replies[key(ArgvTools())] = reply{stdout: ""}
	if p, err := Probe(context.Background(), &Host{Runner: newFake(t, replies)}); err != nil || p.OS != "" || p.ZFSVersion.Minor != 3 || p.Tools["zfs"] {
		t.Errorf("a host without os-release is still usable: %+v %v", p, err)
	}
}

func TestCollectIssuesEverythingAtOnce(t *testing.T) {
	for _, version := range []string{"2.3", "2.1"} {
		t.Run(version, func(t *testing.T) {
			f := newFake(t, hostReplies(version))
			f.barrier = 7 // status, list, datasets, arcstats, iostat, timers, cron
			h := &Host{Name: "lab", Runner: f}
			h.Platform.ZFSVersion, _ = ParseZFSVersion(fixture(t, version+"/zfs_version.txt"))
			now := time.Date(2026, 11, 26, 12, 30, 0, 0, time.UTC)
			st := Collect(context.Background(), h, now)
			if f.peak != 7 || len(f.calls) != 7 {
				t.Fatalf("peak %d of %d calls %q: reads must all be in flight together", f.peak, len(f.calls), f.calls)
			}
			if len(st.Errors) != 0 {
				t.Fatalf("errors %v", st.Errors)
			}
			if st.Host != "lab" || !st.CollectedAt.Equal(now) || len(st.Pools) != 1 || st.Pools[0].Size != 6408896512 || st.Pools[0].Capacity != 2 && version == "2.3" {
				t.Errorf("pools %+v", st.Pools)
			}
			if files := st.Pools[0].ErrorFiles; len(files) == 0 || !strings.Contains(strings.Join(files, "|"), "victim@before:/photo one.jpg") {
				t.Errorf("error files %q", files)
			}
			if len(st.Datasets) != 9 || st.ARC == nil || st.ARC.Hits == 0 || len(st.IOStat) != 11 || st.IOStat[2].Depth != 2 {
				t.Errorf("datasets %d arc %+v iostat %d", len(st.Datasets), st.ARC, len(st.IOStat))
			}
			if len(st.Schedules) != 1 || !st.Schedules[0].Found || st.Schedules[0].Source != "/etc/cron.d/zfsutils-linux" {
				t.Errorf("schedules %+v", st.Schedules)
			}
		})
	}
}

func TestCollectRecordsSectionErrors(t *testing.T) {
	replies := hostReplies("2.1")
	status := ArgvPoolStatusText()
	replies[key(status)] = reply{err: &remote.ExitError{Argv: status, Code: 1, Stderr: "Permission denied the ZFS utilities must be run as root.", Host: "lab", User: "ops"}}
	replies[key(ArgvARC())] = reply{err: noFile(ArgvARC())}
	replies[key(ArgvScrubCron())] = reply{err: noFile(ArgvScrubCron())}
	replies[key(ArgvIOStat())] = reply{stdout: "garbage\n"}
	st := Collect(context.Background(), &Host{Name: "lab", Runner: newFake(t, replies)}, time.Now())

	if msg := st.Errors[SectionPools]; !strings.Contains(msg, "zfs allow") || !strings.Contains(msg, "exit status 1") {
		t.Errorf("pools error should carry the hint and the evidence: %q", msg)
	}
	if !strings.Contains(st.Errors[SectionARC], "No such file") || st.ARC != nil {
		t.Errorf("arc error %q", st.Errors[SectionARC])
	}
	if st.Errors[SectionIOStat] == "" || st.IOStat != nil {
		t.Errorf("iostat error %q", st.Errors[SectionIOStat])
	}
	if _, bad := st.Errors[SectionSchedule]; bad || len(st.Schedules) != 0 {
		t.Errorf("a missing cron file is no schedule, not an error: %v %+v", st.Errors, st.Schedules)
	}
	if _, ok := st.Errors[SectionDatasets]; ok || len(st.Datasets) != 9 {
		t.Errorf("datasets must survive other sections failing")
	}
	if st.Pools == nil || len(st.Pools) != 0 {
		t.Errorf("failed pools section is empty, not null: %v", st.Pools)
	}
}

func TestReadPoolsListFailureKeepsStatus(t *testing.T) {
	replies := hostReplies("2.1")
	replies[key(ArgvPoolListText())] = reply{stdout: "tank\tshort\n"}
	pools, err := ReadPools(context.Background(), &Host{Runner: newFake(t, replies)})
	if err == nil || len(pools) != 1 || pools[0].Capacity != -1 || pools[0].Root.Name != "tank" {
		t.Errorf("%v %+v", err, pools)
	}
}

func TestReadSchedulesConnectionDown(t *testing.T) {
	replies := hostReplies("2.1")
	down := &remote.ConnError{Host: "lab", Op: "run", Err: errors.New("broken pipe")}
	replies[key(ArgvScrubTimers())] = reply{err: down}
	replies[key(ArgvScrubCron())] = reply{err: down}
	if _, err := ReadSchedules(context.Background(), &Host{Runner: newFake(t, replies)}, []string{"tank"}); err == nil {
		t.Error("a dropped connection is an error, not \"no schedule\"")
	}
	if _, err := ReadPools(context.Background(), &Host{}); !errors.Is(err, errNoRunner) {
		t.Errorf("no runner: %v", err)
	}
}
