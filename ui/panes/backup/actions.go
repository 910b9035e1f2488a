package backup

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ops/action"
	"github.com/opsdeck/opsdeck/ui/panes"
)

// outputLines is how many of the running action's output lines the pane
// keeps.
const outputLines = 4

// host is the host actions run on, or a notice saying there is none.
func (p *Pane) host(what string) (*ops.Host, tea.Cmd) {
	if p.env.Host == nil || p.env.Host() == nil {
		return nil, notice(what+": not available without a host connection", true)
	}
	return p.env.Host(), nil
}

// dispatch hands a to the root, which confirms it by its danger level (or
// shows its commands and refuses under --read-only) and runs it; its
// output comes back to this pane.
func (p *Pane) dispatch(a action.Action) tea.Cmd {
	// Shown as running only once output arrives: a dialog the operator
	// answers No (or a read-only refusal) tells the pane nothing.
	p.pending, p.running, p.output = a.Title, "", nil
	return func() tea.Msg { return panes.RunAction{Action: a, Pane: p.ID()} }
}

func (p *Pane) actionLine(l string) {
	if p.running == "" {
		p.running = p.pending
	}
	p.output = append(p.output, l)
	if len(p.output) > outputLines {
		p.output = p.output[len(p.output)-outputLines:]
	}
}

// actionDone forgets the action and makes the next read relist (and an
// open dataset list itself again): a snapshot or a prune changed the
// snapshots even where no snapshots_changed property says so.
func (p *Pane) actionDone(ok bool) tea.Cmd {
	p.pending, p.running = "", ""
	if !ok {
		return nil
	}
	p.listedAt = time.Time{}
	if p.detail != nil {
		p.detail.loading = true
		return p.listDataset(p.detail.dataset, false)
	}
	return nil
}

// check runs restic check on the selected repository.
func (p *Pane) check() tea.Cmd {
	r := p.selectedRepo()
	if r == nil {
		return notice("restic check: no repository configured", true)
	}
	return p.runCheck(r.Name, "")
}

// runCheck dispatches restic check of repo, with subset when not "".
func (p *Pane) runCheck(repo, subset string) tea.Cmd {
	if p.deps.Actions.Check == nil {
		return notice("restic check is not available in this console", true)
	}
	h, cmd := p.host("restic check")
	if h == nil {
		return cmd
	}
	a, err := p.deps.Actions.Check(h, repo, subset)
	if err != nil {
		return notice("restic check: "+err.Error(), true)
	}
	return p.dispatch(a)
}

// unlock removes stale locks; it is offered only when there are some.
func (p *Pane) unlock() tea.Cmd {
	r := p.selectedRepo()
	if r == nil || r.StaleLocks == 0 {
		return notice("restic unlock: no stale locks to remove", false)
	}
	if p.deps.Actions.Unlock == nil {
		return notice("restic unlock is not available in this console", true)
	}
	h, cmd := p.host("restic unlock")
	if h == nil {
		return cmd
	}
	a, err := p.deps.Actions.Unlock(h, r.Name)
	if err != nil {
		return notice("restic unlock: "+err.Error(), true)
	}
	return p.dispatch(a)
}
