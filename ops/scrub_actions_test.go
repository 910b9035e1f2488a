package ops

import (
	"context"
	"errors"
	"net"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/opsdeck/opsdeck/ops/action"
	"github.com/opsdeck/opsdeck/remote"
)

// scrubActionFakeRunner records argv and succeeds.
type scrubActionFakeRunner struct {
	mu    sync.Mutex
	calls [][]string
}

func (f *scrubActionFakeRunner) Run(ctx context.Context, argv []string) (remote.Result, error) {
	return f.Stream(ctx, argv, func(string) {})
}

func (f *scrubActionFakeRunner) Stream(_ context.Context, argv []string, _ func(string)) (remote.Result, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, argv)
	return remote.Result{}, nil
}

func (f *scrubActionFakeRunner) Dial(context.Context, string, string) (net.Conn, error) {
	return nil, errors.New("no dialing")
}

func (f *scrubActionFakeRunner) Close() error { return nil }

func scrubActionTestPool(state string, fn string, scan ScanState) Pool {
	return Pool{Name: "tank", State: state, Scan: Scan{Function: fn, State: scan, Percent: 42.5}}
}

func TestScrubActionPreconditions(t *testing.T) {
	type allowed struct{ start, pause, resume, cancel bool }
	tests := []struct {
		name       string
		pool       Pool
		want       allowed
		startTitle string
	}{
		{"online, never scrubbed", scrubActionTestPool("ONLINE", "", ScanNone), allowed{start: true}, "Start scrub"},
		{"online, scrub finished", scrubActionTestPool("ONLINE", "scrub", ScanFinished), allowed{start: true}, "Start scrub"},
		{"online, scrub canceled", scrubActionTestPool("ONLINE", "scrub", ScanCanceled), allowed{start: true}, "Start scrub"},
		{"online, scrubbing", scrubActionTestPool("ONLINE", "scrub", ScanScanning), allowed{pause: true, cancel: true}, "Start scrub"},
		{"online, scrub paused", scrubActionTestPool("ONLINE", "scrub", ScanPaused), allowed{start: true, resume: true, cancel: true}, "Resume scrub"},
		{"degraded", scrubActionTestPool("DEGRADED", "scrub", ScanFinished), allowed{start: true}, "Start scrub"},
		{"degraded, resilvering", scrubActionTestPool("DEGRADED", "resilver", ScanScanning), allowed{}, "Start scrub"},
		{"online, resilver finished", scrubActionTestPool("ONLINE", "resilver", ScanFinished), allowed{start: true}, "Start scrub"},
		{"degraded, scrub paused", scrubActionTestPool("DEGRADED", "scrub", ScanPaused), allowed{start: true, resume: true, cancel: true}, "Resume scrub"},
		{"faulted", scrubActionTestPool("FAULTED", "", ScanNone), allowed{}, "Start scrub"},
		{"suspended", scrubActionTestPool("SUSPENDED", "scrub", ScanFinished), allowed{}, "Start scrub"},
		{"unavail", scrubActionTestPool("UNAVAIL", "", ScanNone), allowed{}, "Start scrub"},
		{"faulted, paused scrub", scrubActionTestPool("FAULTED", "scrub", ScanPaused), allowed{cancel: true}, "Resume scrub"},
		{"faulted mid-scrub", scrubActionTestPool("FAULTED", "scrub", ScanScanning), allowed{pause: true, cancel: true}, "Start scrub"},
	}
	h := &Host{Name: "nas", Runner: &scrubActionFakeRunner{}, Privileged: &scrubActionFakeRunner{}}
	for _, tt := range tests {
		start := scrubActionStart(h, tt.pool, nil)
		if start.Title != tt.startTitle {
			t.Errorf("%s: start is titled %q, want %q", tt.name, start.Title, tt.startTitle)
		}
		for _, c := range []struct {
			a    action.Action
			want bool
		}{
			{start, tt.want.start},
			{scrubActionPause(h, tt.pool, nil), tt.want.pause},
			{scrubActionResume(h, tt.pool, nil), tt.want.resume},
			{scrubActionCancel(h, tt.pool, nil), tt.want.cancel},
		} {
			err := c.a.Validate()
			if (err == nil) != c.want {
				t.Errorf("%s: %s allowed=%v, want %v (%v)", tt.name, c.a.Title, err == nil, c.want, err)
			}
			if err != nil && !strings.Contains(err.Error(), "tank") {
				t.Errorf("%s: %s refusal %q does not name the pool", tt.name, c.a.Title, err)
			}
		}
	}
}

func TestScrubActionShape(t *testing.T) {
	h := &Host{Name: "nas", Runner: &scrubActionFakeRunner{}, Privileged: &scrubActionFakeRunner{}}
	idle := scrubActionTestPool("ONLINE", "scrub", ScanFinished)
	running := scrubActionTestPool("ONLINE", "scrub", ScanScanning)
	paused := scrubActionTestPool("ONLINE", "scrub", ScanPaused)
	tests := []struct {
		a      action.Action
		id     string
		line   string
		danger action.Danger
		expect string // what the confirmation makes the operator type
	}{
		{scrubActionStart(h, idle, nil), ScrubActionStart, "zpool scrub tank", action.Change, "y"},
		{scrubActionStart(h, paused, nil), ScrubActionResume, "zpool scrub tank", action.Change, "y"},
		{scrubActionResume(h, paused, nil), ScrubActionResume, "zpool scrub tank", action.Change, "y"},
		{scrubActionPause(h, running, nil), ScrubActionPause, "zpool scrub -p tank", action.Change, "y"},
		{scrubActionCancel(h, running, nil), ScrubActionCancel, "zpool scrub -s tank", action.Destructive, "tank"},
	}
	for _, tt := range tests {
		cmds := tt.a.Commands()
		if tt.a.ID != tt.id || tt.a.Target != "tank" || tt.a.Danger != tt.danger || len(cmds) != 1 ||
			cmds[0].Line != tt.line || !cmds[0].Privileged || tt.a.Steps[0].Runner != h.Privileged {
			t.Errorf("%s: %+v %+v", tt.id, tt.a, cmds)
		}
		if c := tt.a.Confirmation(); c.Expect != tt.expect || !strings.Contains(c.Prompt, "tank") || c.Accepts("") {
			t.Errorf("%s: confirmation %+v", tt.id, c)
		}
	}
}

// Running through the Executor: the privileged runner gets the command,
// the plain one nothing, and Verify reports the re-read state.
func TestScrubActionRunAndVerify(t *testing.T) {
	plain, priv := &scrubActionFakeRunner{}, &scrubActionFakeRunner{}
	h := &Host{Name: "nas", Runner: plain, Privileged: priv}
	log, err := action.OpenAuditLog(filepath.Join(t.TempDir(), "audit.log"))
	if err != nil {
		t.Fatal(err)
	}
	e := &action.Executor{Audit: log, User: "alice", Host: "nas"}
	after := []Pool{{Name: "other"}, scrubActionTestPool("ONLINE", "scrub", ScanPaused)}
	read := func(context.Context) ([]Pool, error) { return after, nil }

	res := e.Run(context.Background(), scrubActionPause(h, scrubActionTestPool("ONLINE", "scrub", ScanScanning), read), nil)
	if res.Err != nil || res.VerifyErr != nil || res.VerifyText != "tank: scrub paused at 42.5%" {
		t.Fatalf("result %+v", res)
	}
	if len(plain.calls) != 0 || !slices.Equal(priv.calls[0], []string{"zpool", "scrub", "-p", "tank"}) {
		t.Errorf("plain %q, privileged %q", plain.calls, priv.calls)
	}

	// Verify notices when the state is not what the action should leave.
	res = e.Run(context.Background(), scrubActionCancel(h, scrubActionTestPool("ONLINE", "scrub", ScanScanning), read), nil)
	if res.Err != nil || res.VerifyErr == nil || !strings.Contains(res.VerifyErr.Error(), "expected the scrub to be canceled") ||
		res.VerifyText != "tank: scrub paused at 42.5%" {
		t.Errorf("mismatch: %+v", res)
	}
}

func TestScrubActionVerifyFailures(t *testing.T) {
	expect := []ScanState{ScanScanning, ScanFinished}
	for name, read := range map[string]ScrubActionReader{
		"read error":   func(context.Context) ([]Pool, error) { return nil, errors.New("connection lost") },
		"pool missing": func(context.Context) ([]Pool, error) { return []Pool{{Name: "other"}}, nil },
		"resilver": func(context.Context) ([]Pool, error) {
			return []Pool{scrubActionTestPool("DEGRADED", "resilver", ScanScanning)}, nil
		},
		"nil reader": nil,
	} {
		if _, err := scrubActionVerify("tank", read, expect)(context.Background()); err == nil {
			t.Errorf("%s: verify passed", name)
		}
	}
	ok := func(context.Context) ([]Pool, error) {
		return []Pool{scrubActionTestPool("ONLINE", "scrub", ScanFinished)}, nil
	}
	if _, err := scrubActionVerify("tank", ok, expect)(context.Background()); err != nil {
		t.Errorf("finished scrub after start: %v", err)
	}
}

func TestScrubActionDescribe(t *testing.T) {
	for want, p := range map[string]Pool{
		"tank: no scrub or resilver has run":               scrubActionTestPool("ONLINE", "", ScanNone),
		"tank: scrub in progress, 42.5% done":              scrubActionTestPool("ONLINE", "scrub", ScanScanning),
		"tank: resilver in progress, 42.5% done":           scrubActionTestPool("ONLINE", "resilver", ScanScanning),
		"tank: scrub paused at 42.5%":                      scrubActionTestPool("ONLINE", "scrub", ScanPaused),
		"tank: scrub canceled":                             scrubActionTestPool("ONLINE", "scrub", ScanCanceled),
		"tank: scrub finished, 0 bytes repaired, 0 errors": scrubActionTestPool("ONLINE", "scrub", ScanFinished),
		"tank: scrub weird":                                scrubActionTestPool("ONLINE", "scrub", "weird"),
	} {
		if got := ScrubActionDescribe(p); got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}

func TestScrubActionRefusedWithoutPrivilegedRunner(t *testing.T) {
	h := &Host{Name: "nas", Runner: &scrubActionFakeRunner{}}
	if err := scrubActionStart(h, scrubActionTestPool("ONLINE", "", ScanNone), nil).Validate(); err == nil {
		t.Error("an action without a runner validated")
	}
}

// The exported builders verify through ReadPools on the host's own runners.
func TestScrubActionExportedVerifyReadsHost(t *testing.T) {
	plain, priv := &scrubActionFakeRunner{}, &scrubActionFakeRunner{}
	h := &Host{Name: "nas", Runner: plain, Privileged: priv, Output: OutputText}
	running := scrubActionTestPool("ONLINE", "scrub", ScanScanning)
	for _, a := range []action.Action{
		ScrubStartAction(h, scrubActionTestPool("ONLINE", "", ScanNone)), ScrubPauseAction(h, running),
		ScrubResumeAction(h, scrubActionTestPool("ONLINE", "scrub", ScanPaused)), ScrubCancelAction(h, running),
	} {
		if err := a.Validate(); err != nil {
			t.Errorf("%s: %v", a.Title, err)
		}
		plain.calls, priv.calls = nil, nil
		// The fake prints nothing, so the pool is gone from the re-read.
		if _, err := a.Verify(context.Background()); err == nil {
			t.Errorf("%s: verify passed on an empty read", a.Title)
		}
		all := append(append([][]string{}, plain.calls...), priv.calls...)
		if !slices.ContainsFunc(all, func(argv []string) bool { return slices.Equal(argv, ArgvPoolStatusText()) }) {
			t.Errorf("%s: verify did not read zpool status: %q", a.Title, all)
		}
	}
}

func TestScrubActionVerifyKeepsPoolsDespiteListError(t *testing.T) {
	read := func(context.Context) ([]Pool, error) {
		return []Pool{scrubActionTestPool("ONLINE", "scrub", ScanCanceled)}, errors.New("zpool list: exit status 1")
	}
	text, err := scrubActionVerify("tank", read, []ScanState{ScanCanceled})(context.Background())
	if err != nil || text != "tank: scrub canceled" {
		t.Errorf("%q %v", text, err)
	}
}
