package ops

import (
	"context"
	"fmt"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/opsdeck/opsdeck/remote"
)

// reply is what fakeRunner answers for one argv.
type reply struct {
	fixture string // testdata/zfs path whose body is stdout
	stdout  string
	err     error
}

// fakeRunner answers argv from fixtures. With barrier > 0 every Run waits
// until barrier calls are in flight together (or a second passes), so a
// test can prove reads are issued concurrently without timing them.
type fakeRunner struct {
	tb      testing.TB
	replies map[string]reply
	barrier int

	mu       sync.Mutex
	calls    []string
	inflight int
	peak     int
	release  chan struct{}
}

func newFake(tb testing.TB, replies map[string]reply) *fakeRunner {
	return &fakeRunner{tb: tb, replies: replies, release: make(chan struct{})}
}

func key(argv []string) string { return strings.Join(argv, " ") }

func (f *fakeRunner) Run(ctx context.Context, argv []string) (remote.Result, error) {
	f.mu.Lock()
	f.calls = append(f.calls, key(argv))
	f.inflight++
	f.peak = max(f.peak, f.inflight)
	if f.barrier > 0 && f.inflight == f.barrier {
		close(f.release)
	}
	f.mu.Unlock()
	if f.barrier > 0 {
		select {
		case <-f.release:
		case <-time.After(time.Second):
		case <-ctx.Done():
		}
	}
	f.mu.Lock()
	f.inflight--
	f.mu.Unlock()

	r, ok := f.replies[key(argv)]
	if !ok {
		return remote.Result{ExitCode: 127}, &remote.ExitError{Argv: argv, Code: 127, Stderr: "fake: no reply for " + key(argv)}
	}
	res := remote.Result{Stdout: []byte(r.stdout)}
	if r.fixture != "" {
		res.Stdout = fixture(f.tb, r.fixture)
	}
	return res, r.err
}

func (f *fakeRunner) Stream(context.Context, []string, func(string)) (remote.Result, error) {
	return remote.Result{}, fmt.Errorf("fake: no streams")
}
func (f *fakeRunner) Dial(context.Context, string, string) (net.Conn, error) {
	return nil, fmt.Errorf("fake: no dial")
}
func (f *fakeRunner) Close() error { return nil }

func noFile(argv []string) error {
	return &remote.ExitError{Argv: argv, Code: 1, Stderr: argv[len(argv)-1] + ": No such file or directory"}
}

// hostReplies is a 2.3 host (JSON) or a 2.1 host (text) answering every
// read the console issues from the lab captures.
func hostReplies(version string) map[string]reply {
	r := map[string]reply{
		key(ArgvARC()):         {fixture: version + "/arcstats_kstat.txt"},
		key(ArgvIOStat()):      {fixture: version + "/zpool_iostat_vHp.txt"},
		key(ArgvScrubTimers()): {fixture: "systemd/timers_none.txt"},
		key(ArgvScrubCron()):   {fixture: "systemd/cron_zfsutils_debian12.txt"},
		key(ArgvUname()):       {fixture: "host/uname_sr.txt"},
		key(ArgvOSRelease()):   {fixture: "host/os_release_debian12.txt"},
		key(ArgvZFSVersion()):  {fixture: version + "/zfs_version.txt"},
		key(ArgvTools()):       {fixture: "host/tools.txt"},
		key(ArgvUTCOffset()):   {stdout: "+0100\n"},
	}
	if version == "2.3" {
		r[key(ArgvPoolStatusJSON())] = reply{fixture: "2.3/permerr_status_v_j_int.json"}
		r[key(ArgvPoolListJSON())] = reply{fixture: "2.3/zpool_list_j.json"}
		r[key(ArgvDatasetsJSON())] = reply{fixture: "2.3/datasets_o.json"}
	} else {
		r[key(ArgvPoolStatusText())] = reply{fixture: "2.1/permerr_status_v.txt"}
		r[key(ArgvPoolListText())] = reply{fixture: "2.1/pool_list_o.txt"}
		r[key(ArgvDatasetsText())] = reply{fixture: "2.1/datasets_o.txt"}
	}
	return r
}
