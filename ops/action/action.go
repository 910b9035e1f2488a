// Package action is the one model every pane uses for changing a host: an
// Action has typed parameters validated before anything runs, ordered
// steps, a danger level that alone decides how it is confirmed, cleanup
// for cancel and failure, and a verify step that re-reads the state.
// An Executor runs it (or refuses to, under --read-only) and appends one
// line per change to the audit log.
package action

import (
	"context"
	"errors"
	"fmt"

	"github.com/opsdeck/opsdeck/remote"
)

// Action is one thing an operator may do to a host.
type Action struct {
	// ID names the kind of action in the audit log, e.g. "scrub.start".
	ID string
	// Title is what the UI shows, e.g. "Start scrub".
	Title string
	// Target is the object acted on (a pool, a dataset); confirmations
	// name it and destructive ones make the operator type it.
	Target string
	// Params are filled in by the UI and validated before any step runs.
	// Steps refer to them as {name} inside argv elements.
	Params []Param
	// Steps run in order; the first failure stops the action.
	Steps []Step
	// Danger alone decides the confirmation (see Confirmation).
	Danger Danger
	// Cleanup runs, in order, when a step failed or ctx was cancelled
	// after at least one step started; it gets its own fresh context so
	// the cancellation that triggered it cannot stop it.
	Cleanup []Step
	// Precondition refuses the action at validation time when the state
	// it was built from does not allow it (nil: always allowed).
	Precondition func() error
	// Verify re-reads the state after success and says what it found.
	Verify func(ctx context.Context) (string, error)
	// Count is how many objects a Bulk action affects; the operator has
	// to type it to confirm.
	Count int
}

// Step is one remote command, or one hook (an HTTP request through the
// connection, for instance) when Do is set.
type Step struct {
	// Argv is the command run through Runner. For a Do step it is the
	// description shown in previews and written to the audit log, e.g.
	// {"POST", "http://127.0.0.1:9093/api/v2/silences"}.
	Argv []string
	// Runner runs Argv: the host's plain or privileged runner.
	Runner remote.Runner
	// Privileged marks steps that run as root (through sudo when the
	// host's config says so), so previews can say so.
	Privileged bool
	// Do replaces running Argv when set.
	Do func(ctx context.Context, env StepEnv) error
}

// StepEnv is what a Do hook gets.
type StepEnv struct {
	// Runner is the step's Runner (Dial reaches services on the host).
	Runner remote.Runner
	// Values are the action's validated parameter values.
	Values Values
	// Out streams a line of output to the task line.
	Out func(line string)
}

// Command is one step as a preview shows it: the exact command line,
// with secret parameters already redacted.
type Command struct {
	Argv       []string
	Line       string // remote.Quote(Argv)
	Privileged bool
	Cleanup    bool // runs only on cancel or failure
}

// Validate checks everything that can be checked before running: the
// action's shape, every parameter value and the precondition. Nothing
// runs when it fails.
func (a Action) Validate() error {
	if a.ID == "" || a.Title == "" {
		return errors.New("action needs an ID and a title")
	}
	if err := a.checkDanger(); err != nil {
		return err
	}
	if len(a.Steps) == 0 {
		return fmt.Errorf("%s: no steps", a.Title)
	}
	for i, s := range a.Steps {
		if err := s.check(); err != nil {
			return fmt.Errorf("%s: step %d: %w", a.Title, i+1, err)
		}
	}
	for i, s := range a.Cleanup {
		if err := s.check(); err != nil {
			return fmt.Errorf("%s: cleanup step %d: %w", a.Title, i+1, err)
		}
	}
	if err := checkParams(a.Params); err != nil {
		return fmt.Errorf("%s: %w", a.Title, err)
	}
	if a.Precondition != nil {
		if err := a.Precondition(); err != nil {
			return err
		}
	}
	return nil
}

func (a Action) checkDanger() error {
	switch a.Danger {
	case Safe:
	case Change, Destructive:
		// Both dialogs name the target; a destructive one makes the
		// operator type it, which is impossible if it is empty.
		if a.Target == "" {
			return fmt.Errorf("%s: a %s action needs a target", a.Title, a.Danger)
		}
	case Bulk:
		if a.Count <= 0 {
			return fmt.Errorf("%s: a bulk action needs the number of objects affected", a.Title)
		}
	default:
		return fmt.Errorf("%s: unknown danger level %d", a.Title, int(a.Danger))
	}
	return nil
}

func (s Step) check() error {
	if len(s.Argv) == 0 {
		return errors.New("empty argv")
	}
	if s.Do == nil && s.Runner == nil {
		return errors.New("no runner")
	}
	return nil
}

// Commands lists every step and cleanup step as it would run with the
// current parameter values, secrets shown as "<redacted>". Read-only mode
// shows exactly this.
func (a Action) Commands() []Command {
	display := a.substituter(true)
	out := make([]Command, 0, len(a.Steps)+len(a.Cleanup))
	add := func(steps []Step, cleanup bool) {
		for _, s := range steps {
			argv := substitute(display, s.Argv)
			if s.Do == nil {
				argv = remote.EffectiveArgv(s.Runner, argv)
			}
			out = append(out, Command{Argv: argv, Line: remote.Quote(argv), Privileged: s.Privileged, Cleanup: cleanup})
		}
	}
	add(a.Steps, false)
	add(a.Cleanup, true)
	return out
}
