// Package confirm is the dialog that stands between an operator's key and
// an action. The action's danger level alone decides its form: y/N naming
// the target (Enter alone is No), type the target's name, or type the
// number of objects affected. Under --read-only it shows the action and
// its exact commands and can only be closed.
package confirm

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/opsdeck/opsdeck/ops/action"
	"github.com/opsdeck/opsdeck/themes"
	"github.com/opsdeck/opsdeck/ui/layout"
)

// Outcome is where a dialog stands after a key.
type Outcome int

// Outcomes.
const (
	// Pending: still open.
	Pending Outcome = iota
	// Accepted: run the action.
	Accepted
	// Rejected: closed without running (No, Esc, a wrong name, or
	// read-only).
	Rejected
)

// Dialog is one open confirmation.
type Dialog struct {
	action   action.Action
	conf     action.Confirmation
	readOnly bool
	input    string
	// Reason says why the dialog was rejected, for the task line.
	Reason string
}

// New opens the dialog for a; readOnly makes it a preview that cannot
// run anything.
func New(a action.Action, readOnly bool) *Dialog {
	return &Dialog{action: a, conf: a.Confirmation(), readOnly: readOnly}
}

// Action is the action being confirmed.
func (d *Dialog) Action() action.Action { return d.action }

// Key applies one key press.
func (d *Dialog) Key(k tea.KeyMsg) Outcome {
	if d.readOnly {
		switch k.String() {
		case "esc", "enter", "q", "n", "N":
			d.Reason = "read-only mode: not run"
			return Rejected
		}
		return Pending
	}
	if k.String() == "esc" || k.String() == "ctrl+c" {
		d.Reason = "cancelled, nothing ran"
		return Rejected
	}
	switch d.conf.Danger {
	case action.Change:
		switch k.String() {
		case "y", "Y":
			if d.conf.Accepts("y") {
				return Accepted
			}
		case "n", "N", "enter":
			d.Reason = "answered No, nothing ran"
			return Rejected
		}
		return Pending
	case action.Destructive, action.Bulk:
		switch k.Type {
		case tea.KeyEnter:
			if d.conf.Accepts(d.input) {
				return Accepted
			}
			d.Reason = fmt.Sprintf("typed %q, expected %q: nothing ran", d.input, d.conf.Expect)
			return Rejected
		case tea.KeyBackspace:
			if r := []rune(d.input); len(r) > 0 {
				d.input = string(r[:len(r)-1])
			}
		case tea.KeyRunes, tea.KeySpace:
			d.input += string(k.Runes)
		}
		return Pending
	}
	// Safe actions never open a dialog; an unknown level accepts nothing.
	d.Reason = "unknown danger level: refused"
	return Rejected
}

// maxCommandLines bounds the command preview so the prompt below it stays
// on an 80×24 screen.
const maxCommandLines = 10

// View draws the dialog box at most width cells wide.
func (d *Dialog) View(s *themes.Styles, width int) string {
	inner := max(10, min(width-4, 76))
	var lines []string
	title := d.action.Title
	if d.action.Target != "" {
		title += " — " + d.action.Target
	}
	lines = append(lines, s.Title.Render(title), "")
	if d.readOnly {
		lines = append(lines, s.Warn.Render("READ-ONLY: this action cannot run."), "It would run:")
	} else {
		lines = append(lines, s.Muted.Render(fmt.Sprintf("danger: %s — it will run:", d.conf.Danger)))
	}
	var cmdLines []string
	cmds := d.action.Commands()
	for i, c := range cmds {
		line := "  $ " + c.Line
		if c.Privileged {
			line += "   (as root)"
		}
		if c.Cleanup {
			line = s.Muted.Render(line + "   (cleanup, on cancel/failure)")
		}
		wrapped := layout.Wrap(line, inner)
		if len(cmdLines)+len(wrapped) > maxCommandLines {
			// A prune of hundreds of snapshots must not push the prompt
			// off the screen; the task log shows each command as it runs.
			cmdLines = append(cmdLines, s.Muted.Render(fmt.Sprintf("  … and %d more command(s)", len(cmds)-i)))
			break
		}
		cmdLines = append(cmdLines, wrapped...)
	}
	lines = append(lines, cmdLines...)
	lines = append(lines, "")
	switch {
	case d.readOnly:
		lines = append(lines, s.Muted.Render("esc/enter closes"))
	case d.conf.Danger == action.Change:
		lines = append(lines, layout.Wrap(d.conf.Prompt, inner)...)
		lines = append(lines, s.Muted.Render("y runs it · n, enter or esc: No"))
	default:
		lines = append(lines, layout.Wrap(s.Warn.Render(d.conf.Prompt), inner)...)
		lines = append(lines, "> "+d.input+"█", s.Muted.Render("enter confirms · esc cancels"))
	}
	return s.Box.Width(inner + 2).Render(strings.Join(lines, "\n"))
}
