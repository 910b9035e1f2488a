package panes

import (
	"context"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/opsdeck/opsdeck/ops"
)

// Reader is a pane that reads its own data rather than drawing from the
// root's Collect (the Network pane: its reads are costly and only matter
// while it is shown). The root calls Read on its refresh tick while the
// pane is active and when the pane becomes active, never while the
// pane's previous read is still in flight, and hands the result to that
// pane (whichever pane is active by then) as a ReadDone; results of a
// superseded read are dropped.
type Reader interface {
	// Read is called on the UI goroutine and returns the read itself,
	// which runs off it with ctx bounded by the read timeout. Whatever
	// the read needs from the pane (the previous result, for rates) is
	// captured now, so the read never touches the pane.
	Read(h *ops.Host, now time.Time) func(ctx context.Context) tea.Msg
}

// ReadDone is the result of a Reader's read, delivered to the pane that
// started it.
type ReadDone struct {
	// Msg is what the read returned.
	Msg tea.Msg
	// Err is set when the read hit the read timeout or was cancelled;
	// Msg then holds whatever the read returned regardless.
	Err error
}

// ActionOutput is one output line of an action the pane asked for
// (RunAction.Pane), delivered to that pane while the action runs.
type ActionOutput struct{ Line string }

// ActionDone tells the pane that asked for an action that it ended.
type ActionDone struct{ Succeeded bool }
