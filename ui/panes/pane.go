// Package panes defines what a pane of the console is: the Pane interface
// the root model routes to, the Data every pane renders from and the
// environment (styles, keys, settings) panes share. A new pane is a new
// package under ui/panes implementing Pane, plus one line in the root's
// registry.
package panes

import (
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ops/action"
	"github.com/opsdeck/opsdeck/themes"
)

// Pane is one tab of the console. Panes are pointers and change in place;
// the root model calls SetData after every read and SetSize on resize,
// and hands a pane the messages it does not handle itself.
type Pane interface {
	// ID is a short stable name ("pool") used by the command palette.
	ID() string
	// Title is the tab label.
	Title() string
	// SetData gives the pane the latest merged host data.
	SetData(d Data)
	// SetSize gives the pane its drawing area.
	SetSize(width, height int)
	// Update handles a key, mouse or pane-specific message.
	Update(msg tea.Msg) tea.Cmd
	// View draws the pane into exactly the size last given.
	View() string
	// Hints are the pane's keys for the footer and help overlay.
	Hints() []key.Binding
	// Commands are the pane's entries in the command palette.
	Commands() []Command
	// Capturing is true while the pane takes text input (a filter), so
	// the root must not interpret keys such as q or ?.
	Capturing() bool
}

// Command is one command palette entry. Choosing it sends Msg to the
// pane that offered it.
type Command struct {
	// Name is what the operator types or picks, e.g. "scrub start tank".
	Name string
	// Help says what it does.
	Help string
	// Msg is delivered to the pane's Update when the entry is chosen.
	Msg tea.Msg
}

// Env is what every pane shares, passed in at construction.
type Env struct {
	Styles *themes.Styles
	// Keys are the shared navigation keys.
	Keys *NavKeys
	// ReadOnly shows actions and their commands but refuses to run them.
	ReadOnly bool
	// ScrubWarnAge is how old the last scrub may be before it is warned
	// about.
	ScrubWarnAge time.Duration
	// CapacityWarn and CapacityCrit are the pool capacity percentages from
	// which the Pool pane colours it as a warning and as critical.
	CapacityWarn, CapacityCrit int
	// Host returns the host actions run on; nil when there is none (tests
	// that only render).
	Host func() *ops.Host
}

// RunAction asks the root to confirm (by the action's danger level) and
// run an action, streaming its output into the task line.
type RunAction struct {
	Action action.Action
	// Pane is the ID of the pane asking; when set, that pane receives
	// the action's output lines (ActionOutput) and its end (ActionDone).
	Pane string
}

// Notice is a one-line message for the task line, e.g. why a key did
// nothing.
type Notice struct {
	Text string
	Warn bool
}
