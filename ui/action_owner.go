package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/opsdeck/opsdeck/ui/panes"
	"github.com/opsdeck/opsdeck/ui/task"
)

// requestAction hands a pane's action to the task runner and remembers
// which pane asked, so that pane (and only it) sees the action's output
// lines and its end even when another pane is active by then.
func (m *Model) requestAction(msg panes.RunAction) tea.Cmd {
	if !m.tasks.Running() {
		// While one runs the request is refused, and the running
		// action keeps its owner.
		m.actionOwner = msg.Pane
	}
	return m.tasks.Request(msg.Action)
}

// routeOutput gives an output line of the running action to the pane
// that asked for it; the task runner still gets msg afterwards.
func (m *Model) routeOutput(msg tea.Msg) tea.Cmd {
	line, ok := m.tasks.Output(msg)
	if !ok || m.actionOwner == "" {
		return nil
	}
	if p := m.paneByID(m.actionOwner); p != nil {
		return p.Update(panes.ActionOutput{Line: line})
	}
	return nil
}

// actionFinished tells the owning pane that its action ended.
func (m *Model) actionFinished(f task.Finished) tea.Cmd {
	owner := m.actionOwner
	m.actionOwner = ""
	if p := m.paneByID(owner); owner != "" && p != nil {
		return p.Update(panes.ActionDone{Succeeded: f.Succeeded})
	}
	return nil
}
