// Package pool is the Pool pane: the pools, each one's vdev tree with
// states and error counters, its status text and damaged files when it is
// not healthy, capacity, the datasets table and the ARC summary.
package pool

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/opsdeck/opsdeck/ui/components/table"
	"github.com/opsdeck/opsdeck/ui/panes"
)

// wideAt is the width from which the datasets move beside the tree, if
// they keep minDatasetsW cells there once the tree (and its I/O) has its.
const (
	wideAt       = 140
	minDatasetsW = 60
)

// Pane is the Pool pane.
type Pane struct {
	env           panes.Env
	data          panes.Data
	width, height int
	// selected is the index of the shown pool; offset the scroll position.
	selected, offset int
	datasets         *table.Table
	hints            []key.Binding
}

// SelectPool is the palette's message to show the named pool.
type SelectPool struct{ Name string }

// New returns the pane.
func New(env panes.Env) *Pane {
	k := env.Keys
	return &Pane{
		env:      env,
		datasets: table.New(datasetColumns),
		hints: []key.Binding{
			key.NewBinding(key.WithKeys("h", "l"), key.WithHelp("h/l", "pool")),
			key.NewBinding(key.WithKeys("j", "k"), key.WithHelp("j/k", "scroll")),
			k.Filter, k.Sort, k.Reverse,
		},
	}
}

// ID implements panes.Pane.
func (p *Pane) ID() string { return "pool" }

// Title implements panes.Pane.
func (p *Pane) Title() string { return "Pool" }

// SetData implements panes.Pane.
func (p *Pane) SetData(d panes.Data) {
	p.data = d
	if p.selected >= len(d.Status.Pools) {
		p.selected = max(0, len(d.Status.Pools)-1)
	}
	p.datasets.SetRows(datasetRows(d.Status.Datasets, p.poolName()))
}

// SetSize implements panes.Pane.
func (p *Pane) SetSize(w, h int) { p.width, p.height = w, h }

// Capturing implements panes.Pane: true while the dataset filter is typed.
func (p *Pane) Capturing() bool { return p.datasets.Editing() }

// Hints implements panes.Pane.
func (p *Pane) Hints() []key.Binding { return p.hints }

// Commands implements panes.Pane.
func (p *Pane) Commands() []panes.Command {
	var out []panes.Command
	for _, pl := range p.data.Status.Pools {
		out = append(out, panes.Command{Name: "pool " + pl.Name, Help: "show pool " + pl.Name, Msg: SelectPool{Name: pl.Name}})
	}
	return out
}

func (p *Pane) poolName() string {
	if p.selected < len(p.data.Status.Pools) {
		return p.data.Status.Pools[p.selected].Name
	}
	return ""
}

// Update implements panes.Pane.
func (p *Pane) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case SelectPool:
		for i, pl := range p.data.Status.Pools {
			if pl.Name == msg.Name {
				p.choose(i)
			}
		}
	case tea.MouseMsg:
		switch msg.Button {
		case tea.MouseButtonWheelUp:
			p.offset -= 3
		case tea.MouseButtonWheelDown:
			p.offset += 3
		}
	case tea.KeyMsg:
		p.key(msg)
	}
	return nil
}

func (p *Pane) key(msg tea.KeyMsg) {
	if p.datasets.Editing() {
		p.datasets.FilterKey(msg.String(), msg.Runes)
		return
	}
	k := p.env.Keys
	switch {
	case key.Matches(msg, k.Up):
		p.offset--
	case key.Matches(msg, k.Down):
		p.offset++
	case key.Matches(msg, k.PageUp):
		p.offset -= max(1, p.height-2)
	case key.Matches(msg, k.PageDown):
		p.offset += max(1, p.height-2)
	case key.Matches(msg, k.Top):
		p.offset = 0
	case key.Matches(msg, k.Bottom):
		p.offset = 1 << 30 // clamped when drawn
	case key.Matches(msg, k.Left):
		p.choose(p.selected - 1)
	case key.Matches(msg, k.Right):
		p.choose(p.selected + 1)
	case key.Matches(msg, k.Filter):
		p.datasets.StartFilter()
	case key.Matches(msg, k.Sort):
		p.datasets.CycleSort()
	case key.Matches(msg, k.Reverse):
		p.datasets.Reverse()
	case key.Matches(msg, k.Clear):
		p.datasets.ClearFilter()
	}
}

func (p *Pane) choose(i int) {
	if n := len(p.data.Status.Pools); n > 0 {
		p.selected = (i + n) % n
		p.offset = 0
		p.datasets.SetRows(datasetRows(p.data.Status.Datasets, p.poolName()))
	}
}
