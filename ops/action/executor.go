package action

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/opsdeck/opsdeck/remote"
)

// ErrReadOnly is returned for every action run under --read-only.
var ErrReadOnly = errors.New("read-only mode: actions are shown with their commands but not run")

// ErrNoAuditLog refuses an action that changes something when there is
// nowhere to record it.
var ErrNoAuditLog = errors.New("no audit log: refusing to change anything unrecorded")

// Defaults for Executor's timeouts.
const (
	DefaultCleanupTimeout = 30 * time.Second
	DefaultVerifyTimeout  = 30 * time.Second
	// OutputTail is how many lines of output a Result keeps.
	OutputTail = 50
)

// Executor runs actions for one host.
type Executor struct {
	// ReadOnly refuses every action with ErrReadOnly; Action.Commands
	// still shows what would run.
	ReadOnly bool
	// Audit receives one record per action with Danger above Safe.
	Audit *AuditLog
	// Clock stamps records and measures durations (nil: time.Now).
	Clock func() time.Time
	// User and Host identify who acted where in the log.
	User string
	Host string
	// CleanupTimeout bounds cleanup (0: DefaultCleanupTimeout).
	CleanupTimeout time.Duration
	// VerifyTimeout bounds Verify (0: DefaultVerifyTimeout).
	VerifyTimeout time.Duration
}

// Result is how an action ended.
type Result struct {
	// ExitStatus is the last step's exit status: 0 on success, -1 when
	// there is none (transport error, cancelled, hook failed).
	ExitStatus int
	Duration   time.Duration
	// Output is the last OutputTail lines of output, secrets redacted.
	Output []string
	// VerifyText is what Verify found after success.
	VerifyText string
	// VerifyErr is why Verify could not say; the action itself succeeded.
	VerifyErr error
	// Canceled is true when ctx ended the action.
	Canceled bool
	// Err is why the action did not run or did not succeed, joined with
	// any cleanup failure.
	Err error
	// AuditErr is set when the record could not be written.
	AuditErr error
}

// Run validates and runs a, streaming output lines to onLine (may be
// nil). Nothing runs when the executor is read-only or validation fails.
func (e *Executor) Run(ctx context.Context, a Action, onLine func(string)) Result {
	if e.ReadOnly {
		return Result{ExitStatus: -1, Err: ErrReadOnly}
	}
	if err := a.Validate(); err != nil {
		return Result{ExitStatus: -1, Err: err}
	}
	if a.Danger != Safe && e.Audit == nil {
		return Result{ExitStatus: -1, Err: ErrNoAuditLog}
	}
	if err := ctx.Err(); err != nil {
		return Result{ExitStatus: -1, Canceled: true, Err: err}
	}

	r := &run{action: a, values: a.Values(), real: a.substituter(false), shown: a.substituter(true), onLine: onLine}
	start := e.now()
	exit, err := r.steps(ctx, a.Steps, &r.argv)
	res := Result{ExitStatus: exit}
	if err != nil {
		res.Canceled = ctx.Err() != nil
		// A fresh context: the cancellation that stopped the steps must
		// not also stop the cleanup.
		cctx, cancel := context.WithTimeout(context.Background(), orDefault(e.CleanupTimeout, DefaultCleanupTimeout))
		if _, cerr := r.steps(cctx, a.Cleanup, &r.cleanup); cerr != nil {
			err = errors.Join(err, fmt.Errorf("cleanup: %w", cerr))
		}
		cancel()
		res.Err = err
	}
	res.Duration = e.now().Sub(start)

	if a.Danger != Safe {
		res.AuditErr = e.Audit.Append(e.record(a, r, res, start))
	}
	if err == nil && a.Verify != nil {
		vctx, cancel := context.WithTimeout(ctx, orDefault(e.VerifyTimeout, DefaultVerifyTimeout))
		res.VerifyText, res.VerifyErr = a.Verify(vctx)
		cancel()
	}
	res.Output = r.outputTail()
	return res
}

func (e *Executor) now() time.Time {
	if e.Clock != nil {
		return e.Clock()
	}
	return time.Now()
}

func (e *Executor) record(a Action, r *run, res Result, start time.Time) AuditRecord {
	rec := AuditRecord{
		Time: start.UTC().Format(time.RFC3339), User: e.User, Host: e.Host,
		Action: a.ID, Target: a.Target, Argv: r.argv, Cleanup: r.cleanup,
		ExitStatus: res.ExitStatus, DurationMS: res.Duration.Milliseconds(), Outcome: "ok",
	}
	if res.Err != nil {
		rec.Outcome = "failed"
		if res.Canceled {
			rec.Outcome = "canceled"
		}
		rec.Error = a.redactText(res.Err.Error())
	}
	return rec
}

// run is the state of one Executor.Run.
type run struct {
	action      Action
	values      Values
	real, shown *strings.Replacer
	onLine      func(string)
	argv        [][]string // steps started, redacted
	cleanup     [][]string // cleanup steps started, redacted

	mu   sync.Mutex // Do hooks may call Out from their own goroutines
	tail []string
}

// steps runs steps in order and stops at the first failure, recording
// the redacted argv of each one started into *log. It returns the exit
// status of the last step run.
func (r *run) steps(ctx context.Context, steps []Step, log *[][]string) (int, error) {
	for i, s := range steps {
		if err := ctx.Err(); err != nil {
			return -1, err
		}
		shown := substitute(r.shown, s.Argv)
		// The log says what really ran: with sudo's prefix when the
		// step's runner adds one (a Do hook's argv is only a label).
		if s.Do == nil {
			*log = append(*log, remote.EffectiveArgv(s.Runner, shown))
		} else {
			*log = append(*log, shown)
		}
		code, err := r.step(ctx, s)
		if err != nil {
			// The error text may quote the command line: redact it.
			return code, fmt.Errorf("step %d (%s): %w", i+1, remote.Quote(shown), redactedError{err, r.action.redactText(err.Error())})
		}
	}
	return 0, nil
}

// redactedError keeps the original error for errors.Is/As (a cancelled
// context, a remote.ExitError) while printing the redacted text.
type redactedError struct {
	err  error
	text string
}

func (e redactedError) Error() string { return e.text }
func (e redactedError) Unwrap() error { return e.err }

func (r *run) step(ctx context.Context, s Step) (int, error) {
	if s.Do != nil {
		if err := s.Do(ctx, StepEnv{Runner: s.Runner, Values: r.values, Out: r.emit}); err != nil {
			return -1, err
		}
		return 0, nil
	}
	res, err := s.Runner.Stream(ctx, substitute(r.real, s.Argv), r.emit)
	// Stream keeps only stderr; it often explains the failure ("currently
	// scrubbing"), so it goes to the task line after stdout.
	for _, line := range strings.Split(strings.TrimRight(string(res.Stderr), "\n"), "\n") {
		if line != "" {
			r.emit(line)
		}
	}
	if err != nil {
		if res.ExitCode == 0 {
			// The transport or ctx failed: there is no exit status.
			return -1, err
		}
		return res.ExitCode, err
	}
	if res.ExitCode != 0 {
		return res.ExitCode, fmt.Errorf("exit status %d", res.ExitCode)
	}
	return 0, nil
}

// emit redacts a line, keeps it in the tail and passes it on.
func (r *run) emit(line string) {
	line = r.action.redactText(line)
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.tail) == OutputTail {
		r.tail = append(r.tail[:0], r.tail[1:]...)
	}
	r.tail = append(r.tail, line)
	if r.onLine != nil {
		r.onLine(line)
	}
}

func (r *run) outputTail() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.tail...)
}

func orDefault(d, def time.Duration) time.Duration {
	if d > 0 {
		return d
	}
	return def
}
