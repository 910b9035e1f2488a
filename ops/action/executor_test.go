package action

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

var t0 = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)

// steppingClock returns t0, then t0+step, t0+2*step… so durations are exact.
func steppingClock(step time.Duration) func() time.Time {
	n := 0
	return func() time.Time {
		t := t0.Add(time.Duration(n) * step)
		n++
		return t
	}
}

func newExecutor(t *testing.T) (*Executor, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "state", "opsdeck", "audit.log")
	log, err := OpenAuditLog(path)
	if err != nil {
		t.Fatal(err)
	}
	return &Executor{Audit: log, Clock: steppingClock(1500 * time.Millisecond), User: "alice", Host: "nas"}, path
}

// auditLines reads the log as raw JSON objects, so field names are checked
// exactly as written.
func auditLines(t *testing.T, path string) []map[string]any {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]any
	for _, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		if line == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("audit line %q: %v", line, err)
		}
		out = append(out, m)
	}
	return out
}

func scrubLike(r *fakeRunner) Action {
	return Action{
		ID: "scrub.start", Title: "Start scrub", Target: "tank", Danger: Change,
		Steps: []Step{{Argv: []string{"zpool", "scrub", "tank"}, Runner: r, Privileged: true}},
	}
}

func TestRunSuccessStreamsAuditsAndVerifies(t *testing.T) {
	r := newFake(map[string]reply{"zpool scrub tank": {lines: []string{"started"}, stderr: "note: slow\n"}})
	e, path := newExecutor(t)
	a := scrubLike(r)
	verified := 0
	a.Verify = func(ctx context.Context) (string, error) {
		verified++
		return "tank: scrub scanning, 0.1% done", ctx.Err()
	}
	var lines []string
	res := e.Run(context.Background(), a, func(l string) { lines = append(lines, l) })

	if res.Err != nil || res.ExitStatus != 0 || res.Canceled {
		t.Fatalf("result %+v", res)
	}
	if want := []string{"started", "note: slow"}; !reflect.DeepEqual(lines, want) || !reflect.DeepEqual(res.Output, want) {
		t.Errorf("lines %q, output %q, want %q", lines, res.Output, want)
	}
	if verified != 1 || res.VerifyText != "tank: scrub scanning, 0.1% done" || res.VerifyErr != nil {
		t.Errorf("verify ran %d times: %q %v", verified, res.VerifyText, res.VerifyErr)
	}
	if res.Duration != 1500*time.Millisecond {
		t.Errorf("duration %v", res.Duration)
	}
	got := auditLines(t, path)
	want := []map[string]any{{
		"time": "2026-11-26T12:00:00Z", "user": "alice", "host": "nas",
		"action": "scrub.start", "target": "tank",
		"argv":        []any{[]any{"zpool", "scrub", "tank"}},
		"exit_status": 0.0, "duration_ms": 1500.0, "outcome": "ok",
	}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("audit\n got %v\nwant %v", got, want)
	}
}

func TestRunReadOnlyRunsNothingButShowsCommands(t *testing.T) {
	r := newFake(nil)
	e, path := newExecutor(t)
	e.ReadOnly = true
	a := scrubLike(r)
	a.Cleanup = []Step{{Argv: []string{"zpool", "scrub", "-s", "tank"}, Runner: r}}
	a.Verify = func(context.Context) (string, error) { t.Error("verify ran in read-only mode"); return "", nil }

	res := e.Run(context.Background(), a, nil)
	if !errors.Is(res.Err, ErrReadOnly) {
		t.Fatalf("err %v, want ErrReadOnly", res.Err)
	}
	if calls := r.recorded(); len(calls) != 0 {
		t.Errorf("runner called in read-only mode: %q", calls)
	}
	if lines := auditLines(t, path); len(lines) != 0 {
		t.Errorf("audit written for a refused action: %v", lines)
	}
	want := []Command{
		{Argv: []string{"zpool", "scrub", "tank"}, Line: "zpool scrub tank", Privileged: true},
		{Argv: []string{"zpool", "scrub", "-s", "tank"}, Line: "zpool scrub -s tank", Cleanup: true},
	}
	if got := a.Commands(); !reflect.DeepEqual(got, want) {
		t.Errorf("commands %+v, want %+v", got, want)
	}
}

func TestRunInvalidRunsNothing(t *testing.T) {
	r := newFake(nil)
	e, path := newExecutor(t)
	a := scrubLike(r)
	a.Params = []Param{{Name: "n", Kind: ParamInt, Value: "ten"}}
	res := e.Run(context.Background(), a, nil)
	if res.Err == nil || !strings.Contains(res.Err.Error(), "not a whole number") {
		t.Fatalf("err %v", res.Err)
	}
	if len(r.recorded()) != 0 || len(auditLines(t, path)) != 0 {
		t.Error("an invalid action ran or was logged")
	}
}

func TestRunFailureRunsCleanupAndSkipsVerify(t *testing.T) {
	r := newFake(map[string]reply{
		"step two": {stderr: "cannot do it\n", code: 3},
	})
	e, path := newExecutor(t)
	a := Action{
		ID: "x.do", Title: "Do", Target: "tank", Danger: Destructive,
		Steps:   []Step{{Argv: []string{"step", "one"}, Runner: r}, {Argv: []string{"step", "two"}, Runner: r}, {Argv: []string{"step", "three"}, Runner: r}},
		Cleanup: []Step{{Argv: []string{"undo", "one"}, Runner: r}},
		Verify:  func(context.Context) (string, error) { t.Error("verify ran after failure"); return "", nil },
	}
	res := e.Run(context.Background(), a, nil)
	if res.Err == nil || res.ExitStatus != 3 || res.Canceled {
		t.Fatalf("result %+v", res)
	}
	if !strings.Contains(res.Err.Error(), "step 2 (step two)") {
		t.Errorf("error %q does not name the failed step", res.Err)
	}
	wantCalls := [][]string{{"step", "one"}, {"step", "two"}, {"undo", "one"}}
	if got := r.recorded(); !reflect.DeepEqual(got, wantCalls) {
		t.Errorf("calls %q, want %q", got, wantCalls)
	}
	if !reflect.DeepEqual(res.Output, []string{"cannot do it"}) {
		t.Errorf("output %q", res.Output)
	}
	rec := auditLines(t, path)
	if len(rec) != 1 || rec[0]["outcome"] != "failed" || rec[0]["exit_status"] != 3.0 ||
		!reflect.DeepEqual(rec[0]["argv"], []any{[]any{"step", "one"}, []any{"step", "two"}}) ||
		!reflect.DeepEqual(rec[0]["cleanup"], []any{[]any{"undo", "one"}}) ||
		!strings.Contains(rec[0]["error"].(string), "exit status 3") {
		t.Errorf("audit %v", rec)
	}
}

func TestRunCancelRunsCleanupWithFreshContext(t *testing.T) {
	r := newFake(map[string]reply{"long": {lines: []string{"working"}, block: true}})
	e, path := newExecutor(t)
	a := Action{
		ID: "x.long", Title: "Long", Target: "tank", Danger: Change,
		Steps:   []Step{{Argv: []string{"long"}, Runner: r}, {Argv: []string{"never"}, Runner: r}},
		Cleanup: []Step{{Argv: []string{"undo"}, Runner: r}},
	}
	ctx, cancel := context.WithCancel(context.Background())
	go func() { <-r.started; cancel() }()
	res := e.Run(ctx, a, nil)
	if !res.Canceled || !errors.Is(res.Err, context.Canceled) || res.ExitStatus != -1 {
		t.Fatalf("result %+v", res)
	}
	if got, want := r.recorded(), [][]string{{"long"}, {"undo"}}; !reflect.DeepEqual(got, want) {
		t.Errorf("calls %q, want %q", got, want)
	}
	if r.ctxErrs[1] != nil {
		t.Errorf("cleanup started with a dead context: %v", r.ctxErrs[1])
	}
	if rec := auditLines(t, path); len(rec) != 1 || rec[0]["outcome"] != "canceled" || rec[0]["exit_status"] != -1.0 {
		t.Errorf("audit %v", rec)
	}
}

func TestRunCleanupFailureIsReported(t *testing.T) {
	r := newFake(map[string]reply{"do": {code: 1}, "undo": {code: 2}})
	e, _ := newExecutor(t)
	a := Action{ID: "x", Title: "X", Target: "t", Danger: Change,
		Steps: []Step{{Argv: []string{"do"}, Runner: r}}, Cleanup: []Step{{Argv: []string{"undo"}, Runner: r}}}
	res := e.Run(context.Background(), a, nil)
	if res.ExitStatus != 1 || res.Err == nil || !strings.Contains(res.Err.Error(), "cleanup: step 1 (undo)") {
		t.Errorf("result %+v", res)
	}
}

func TestRunSafeIsNotAuditedAndChangeNeedsLog(t *testing.T) {
	r := newFake(nil)
	e, path := newExecutor(t)
	a := Action{ID: "x.look", Title: "Look", Danger: Safe, Steps: []Step{{Argv: []string{"true"}, Runner: r}}}
	if res := e.Run(context.Background(), a, nil); res.Err != nil {
		t.Fatal(res.Err)
	}
	if rec := auditLines(t, path); len(rec) != 0 {
		t.Errorf("safe action audited: %v", rec)
	}
	e.Audit = nil
	if res := e.Run(context.Background(), scrubLike(r), nil); !errors.Is(res.Err, ErrNoAuditLog) {
		t.Errorf("err %v, want ErrNoAuditLog", res.Err)
	}
	if got := len(r.recorded()); got != 1 {
		t.Errorf("%d calls, want only the safe one", got)
	}
}

func TestRunDoStepGetsValuesAndOutput(t *testing.T) {
	e, path := newExecutor(t)
	a := Action{ID: "x.post", Title: "Silence", Target: "alertmanager", Danger: Change,
		Params: []Param{{Name: "hours", Kind: ParamInt, Value: "2"}},
		Steps: []Step{{Argv: []string{"POST", "http://127.0.0.1:9093/api/v2/silences"}, Do: func(ctx context.Context, env StepEnv) error {
			h, err := env.Values.Int("hours")
			if err != nil || h != 2 {
				t.Errorf("hours %d %v", h, err)
			}
			env.Out("silenced")
			return nil
		}}},
	}
	res := e.Run(context.Background(), a, nil)
	if res.Err != nil || !reflect.DeepEqual(res.Output, []string{"silenced"}) {
		t.Errorf("result %+v", res)
	}
	if rec := auditLines(t, path); len(rec) != 1 || !reflect.DeepEqual(rec[0]["argv"], []any{[]any{"POST", "http://127.0.0.1:9093/api/v2/silences"}}) {
		t.Errorf("audit %v", rec)
	}
}

func TestRunOutputTailIsBounded(t *testing.T) {
	var many []string
	for i := range OutputTail + 7 {
		many = append(many, strings.Repeat("x", i))
	}
	r := newFake(map[string]reply{"chatty": {lines: many}})
	e, _ := newExecutor(t)
	a := Action{ID: "x", Title: "X", Danger: Safe, Steps: []Step{{Argv: []string{"chatty"}, Runner: r}}}
	res := e.Run(context.Background(), a, nil)
	if !reflect.DeepEqual(res.Output, many[7:]) {
		t.Errorf("tail has %d lines, first %q", len(res.Output), res.Output[0])
	}
}

func TestRunVerifyErrorKeepsSuccess(t *testing.T) {
	r := newFake(nil)
	e, _ := newExecutor(t)
	a := scrubLike(r)
	a.Verify = func(context.Context) (string, error) { return "", errors.New("read failed") }
	res := e.Run(context.Background(), a, nil)
	if res.Err != nil || res.VerifyErr == nil {
		t.Errorf("result %+v", res)
	}
}
