// Package scrub is the Scrub pane: per pool the running scrub or
// resilver with a progress bar, rate and ETA, a paused scrub, or the last
// result and its age (warned about past the configured age), the scrub
// schedule, and the start/pause/resume/cancel actions on keys.
package scrub

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ops/action"
	"github.com/opsdeck/opsdeck/ui/panes"
)

// Builder makes an action for one pool on host h.
type Builder func(h *ops.Host, p ops.Pool) action.Action

// Actions are the scrub actions the pane offers; the root wires the ops
// constructors in, tests may wire their own.
type Actions struct {
	Start, Pause, Resume, Cancel Builder
}

// Pane is the Scrub pane.
type Pane struct {
	env           panes.Env
	actions       Actions
	data          panes.Data
	width, height int
	selected      int
	offset        int
	keys          keys
}

type keys struct {
	start, pause, cancel key.Binding
}

// Do is the palette's message to run verb ("start", "pause", "resume",
// "cancel") on the named pool.
type Do struct{ Verb, Pool string }

// New returns the pane.
func New(env panes.Env, actions Actions) *Pane {
	return &Pane{env: env, actions: actions, keys: keys{
		start:  key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "start scrub")),
		pause:  key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "pause")),
		cancel: key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "cancel scrub")),
	}}
}

// ID implements panes.Pane.
func (p *Pane) ID() string { return "scrub" }

// Title implements panes.Pane.
func (p *Pane) Title() string { return "Scrub" }

// SetData implements panes.Pane.
func (p *Pane) SetData(d panes.Data) {
	p.data = d
	if p.selected >= len(d.Status.Pools) {
		p.selected = max(0, len(d.Status.Pools)-1)
	}
	p.updateHints()
}

// SetSize implements panes.Pane.
func (p *Pane) SetSize(w, h int) { p.width, p.height = w, h }

// Capturing implements panes.Pane; the pane takes no text input.
func (p *Pane) Capturing() bool { return false }

// Hints implements panes.Pane: the action keys, named for the selected
// pool's state (s resumes a paused scrub).
func (p *Pane) Hints() []key.Binding {
	nav := key.NewBinding(key.WithKeys("j", "k"), key.WithHelp("j/k", "pool"))
	return []key.Binding{p.keys.start, p.keys.pause, p.keys.cancel, nav}
}

func (p *Pane) updateHints() {
	pl, ok := p.pool()
	st := ops.ScanNone
	if ok {
		st = pl.Scan.State
	}
	scrubbing := ok && pl.Scan.Function == "scrub"
	switch {
	case st == ops.ScanPaused:
		p.keys.start.SetHelp("s", "resume scrub")
	default:
		p.keys.start.SetHelp("s", "start scrub")
	}
	p.keys.start.SetEnabled(ok && st != ops.ScanScanning)
	p.keys.pause.SetEnabled(scrubbing && st == ops.ScanScanning)
	p.keys.cancel.SetEnabled(scrubbing && (st == ops.ScanScanning || st == ops.ScanPaused))
}

// Commands implements panes.Pane: every action for every pool.
func (p *Pane) Commands() []panes.Command {
	var out []panes.Command
	for _, pl := range p.data.Status.Pools {
		for _, v := range []string{"start", "pause", "resume", "cancel"} {
			out = append(out, panes.Command{Name: "scrub " + v + " " + pl.Name,
				Help: v + " the scrub of pool " + pl.Name, Msg: Do{Verb: v, Pool: pl.Name}})
		}
	}
	return out
}

func (p *Pane) pool() (ops.Pool, bool) {
	if p.selected < len(p.data.Status.Pools) {
		return p.data.Status.Pools[p.selected], true
	}
	return ops.Pool{}, false
}

// Update implements panes.Pane.
func (p *Pane) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case Do:
		for _, pl := range p.data.Status.Pools {
			if pl.Name == msg.Pool {
				return p.act(msg.Verb, pl)
			}
		}
		return notice("no pool named "+msg.Pool, true)
	case tea.MouseMsg:
		switch msg.Button {
		case tea.MouseButtonWheelUp:
			p.move(-1)
		case tea.MouseButtonWheelDown:
			p.move(1)
		}
	case tea.KeyMsg:
		return p.key(msg)
	}
	return nil
}

func (p *Pane) key(msg tea.KeyMsg) tea.Cmd {
	k := p.env.Keys
	switch {
	case key.Matches(msg, k.Up), key.Matches(msg, k.Left):
		p.move(-1)
	case key.Matches(msg, k.Down), key.Matches(msg, k.Right):
		p.move(1)
	case key.Matches(msg, k.Top):
		p.move(-len(p.data.Status.Pools))
	case key.Matches(msg, k.Bottom):
		p.move(len(p.data.Status.Pools))
	case msg.String() == "s", msg.String() == "p", msg.String() == "c":
		pl, ok := p.pool()
		if !ok {
			return notice("no pool to act on", true)
		}
		verb := map[string]string{"s": "start", "p": "pause", "c": "cancel"}[msg.String()]
		if verb == "start" && pl.Scan.State == ops.ScanPaused {
			verb = "resume"
		}
		return p.act(verb, pl)
	}
	return nil
}

func (p *Pane) move(d int) {
	n := len(p.data.Status.Pools)
	p.selected = min(max(0, p.selected+d), max(0, n-1))
	p.updateHints()
}

// act builds the action for verb, or says why there is none: the pane
// refuses what the pool's state makes meaningless, and leaves the rest
// (a resilver running, a faulted pool) to the action's own precondition.
func (p *Pane) act(verb string, pl ops.Pool) tea.Cmd {
	st := pl.Scan.State
	scrub := pl.Scan.Function == "scrub"
	var b Builder
	switch verb {
	case "start":
		if st == ops.ScanScanning {
			return notice(pl.Name+": a "+pl.Scan.Function+" is already running", true)
		}
		if st == ops.ScanPaused {
			b = p.actions.Resume
		} else {
			b = p.actions.Start
		}
	case "resume":
		if !(scrub && st == ops.ScanPaused) {
			return notice(pl.Name+": no paused scrub to resume", true)
		}
		b = p.actions.Resume
	case "pause":
		if !(scrub && st == ops.ScanScanning) {
			return notice(pl.Name+": no running scrub to pause", true)
		}
		b = p.actions.Pause
	case "cancel":
		if !(scrub && (st == ops.ScanScanning || st == ops.ScanPaused)) {
			return notice(pl.Name+": no scrub to cancel", true)
		}
		b = p.actions.Cancel
	}
	var h *ops.Host
	if p.env.Host != nil {
		h = p.env.Host()
	}
	if b == nil || h == nil {
		return notice("scrub "+verb+": not available without a host connection", true)
	}
	a := b(h, pl)
	return func() tea.Msg { return panes.RunAction{Action: a} }
}

func notice(text string, warn bool) tea.Cmd {
	return func() tea.Msg { return panes.Notice{Text: text, Warn: warn} }
}
