// Package task runs actions for the console: it opens the confirmation
// the action's danger level demands, refuses under --read-only, runs the
// action through the Executor off the UI goroutine, streams its output
// into the task line one message at a time, lets the operator cancel it
// (cleanup then runs) and records the outcome, with the re-verified
// state, in the task log.
package task

import (
	"context"
	"strconv"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/opsdeck/opsdeck/ops/action"
	"github.com/opsdeck/opsdeck/ui/components/confirm"
	"github.com/opsdeck/opsdeck/ui/components/tasklog"
)

// lineBuffer is how many output lines may wait for the UI before further
// ones are dropped from the live view (the Result keeps the tail anyway);
// the action itself never waits for the screen.
const lineBuffer = 256

// Finished is sent when an action ended, so the root refreshes at once.
type Finished struct{ Succeeded bool }

type lineMsg struct {
	id   int
	line string
}

type doneMsg struct {
	id  int
	res action.Result
}

// Runner is the task state of one console.
type Runner struct {
	exec     *action.Executor
	readOnly bool
	clock    func() time.Time

	dialog *confirm.Dialog
	log    tasklog.Log
	// Notice is the latest one-line message that is not a task.
	notice     string
	noticeWarn bool

	nextID  int
	running *running
}

type running struct {
	id     int
	action action.Action
	entry  *tasklog.Entry
	cancel context.CancelFunc
	lines  chan string
	done   chan action.Result
}

// New returns a Runner. exec may be nil: actions are then refused with a
// clear message.
func New(exec *action.Executor, readOnly bool, clock func() time.Time) *Runner {
	return &Runner{exec: exec, readOnly: readOnly, clock: clock}
}

// Dialog is the open confirmation, nil when none.
func (r *Runner) Dialog() *confirm.Dialog { return r.dialog }

// Log is the session's task log.
func (r *Runner) Log() *tasklog.Log { return &r.log }

// Running is true while an action runs.
func (r *Runner) Running() bool { return r.running != nil }

// Notify sets the notice line.
func (r *Runner) Notify(text string, warn bool) { r.notice, r.noticeWarn = text, warn }

// Notice is the notice line and whether it is a warning.
func (r *Runner) Notice() (string, bool) { return r.notice, r.noticeWarn }

// Request is an operator asking for a: validate, then confirm as its
// danger level demands (or show it read-only), then run.
func (r *Runner) Request(a action.Action) tea.Cmd {
	r.notice = ""
	title := a.Title
	if a.Target != "" {
		title += " — " + a.Target
	}
	if r.running != nil {
		r.refuse(title, "another action is still running; wait for it or cancel it with x")
		return nil
	}
	if r.readOnly {
		r.dialog = confirm.New(a, true)
		return nil
	}
	if r.exec == nil {
		r.refuse(title, "actions are unavailable: no executor configured")
		return nil
	}
	if err := a.Validate(); err != nil {
		r.refuse(title, err.Error())
		return nil
	}
	if !a.Confirmation().Required {
		return r.start(a)
	}
	r.dialog = confirm.New(a, false)
	return nil
}

// Key handles a key while the dialog is open.
func (r *Runner) Key(k tea.KeyMsg) tea.Cmd {
	if r.dialog == nil {
		return nil
	}
	switch r.dialog.Key(k) {
	case confirm.Accepted:
		a := r.dialog.Action()
		r.dialog = nil
		return r.start(a)
	case confirm.Rejected:
		a := r.dialog.Action()
		reason := r.dialog.Reason
		r.dialog = nil
		r.refuse(a.Title+" — "+a.Target, reason)
	}
	return nil
}

func (r *Runner) refuse(title, why string) {
	r.log.Add(tasklog.Entry{Title: title, Status: tasklog.Refused, Detail: why, Started: r.clock()})
}

func (r *Runner) start(a action.Action) tea.Cmd {
	r.nextID++
	ctx, cancel := context.WithCancel(context.Background())
	run := &running{
		id: r.nextID, action: a, cancel: cancel,
		entry: r.log.Start(a.Title+" — "+a.Target, r.clock()),
		lines: make(chan string, lineBuffer), done: make(chan action.Result, 1),
	}
	r.running = run
	exec := r.exec
	go func() {
		res := exec.Run(ctx, a, func(line string) {
			select {
			case run.lines <- line:
			default: // the screen is behind; the Result keeps the tail
			}
		})
		close(run.lines)
		run.done <- res
		cancel()
	}()
	return run.wait()
}

// wait reads one line (or the result) and is re-issued after each line,
// so Update never blocks.
func (run *running) wait() tea.Cmd {
	return func() tea.Msg {
		if l, ok := <-run.lines; ok {
			return lineMsg{id: run.id, line: l}
		}
		return doneMsg{id: run.id, res: <-run.done}
	}
}

// Cancel stops the running action; its cleanup still runs and the
// outcome arrives as usual.
func (r *Runner) Cancel() {
	if r.running != nil {
		r.running.cancel()
		r.running.entry.Append("cancel requested — running cleanup")
	}
}

// Update handles the runner's own messages and reports whether msg was
// one of them.
func (r *Runner) Update(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case lineMsg:
		if r.running == nil || msg.id != r.running.id {
			return nil, true
		}
		r.running.entry.Append(msg.line)
		return r.running.wait(), true
	case doneMsg:
		if r.running == nil || msg.id != r.running.id {
			return nil, true
		}
		ok := r.finish(msg.res)
		return func() tea.Msg { return Finished{Succeeded: ok} }, true
	}
	return nil, false
}

func (r *Runner) finish(res action.Result) bool {
	run := r.running
	r.running = nil
	e := run.entry
	e.Duration = res.Duration
	switch {
	case res.Err == nil:
		e.Status = tasklog.Succeeded
		e.Verify = res.VerifyText
		if res.VerifyErr != nil {
			e.VerifyErr = res.VerifyErr.Error()
		}
	case res.Canceled:
		e.Status = tasklog.Canceled
	default:
		e.Status = tasklog.Failed
		e.Detail = res.Err.Error()
		if res.ExitStatus > 0 {
			e.Detail = "exit " + strconv.Itoa(res.ExitStatus) + ": " + e.Detail
		}
	}
	if res.Err != nil {
		for _, c := range run.action.Commands() {
			if c.Cleanup {
				e.Cleanup = append(e.Cleanup, c.Line)
			}
		}
	}
	if res.AuditErr != nil {
		e.Append("audit log: " + res.AuditErr.Error())
	}
	return res.Err == nil
}
