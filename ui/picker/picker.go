// Package picker is the host chooser shown when opsdeck starts without a
// host, and again when the operator switches host from the console.
package picker

import (
	"github.com/charmbracelet/bubbles/list"
	tea "github.com/charmbracelet/bubbletea"
)

// Host is one choice: an ssh_config alias or a host from opsdeck's config.
type Host struct {
	Alias  string
	Source string // where it was found, e.g. "~/.ssh/config"
}

// Title is the alias, as bubbles' list shows it.
func (h Host) Title() string { return h.Alias }

// Description says where the alias comes from.
func (h Host) Description() string { return h.Source }

// FilterValue lets `/` filter on the alias.
func (h Host) FilterValue() string { return h.Alias }

// Model is the picker. Chosen is set when the operator pressed enter on a
// host; Quit when they left without choosing.
type Model struct {
	list   list.Model
	Chosen string
	Quit   bool
}

// New lists hosts; an empty list says how to add one.
func New(hosts []Host) Model {
	items := make([]list.Item, len(hosts))
	for i, h := range hosts {
		items[i] = h
	}
	l := list.New(items, list.NewDefaultDelegate(), 80, 20)
	l.Title = "opsdeck — choose a host (/ to filter, enter to connect, q to quit)"
	l.SetStatusBarItemName("host", "hosts")
	if len(hosts) == 0 {
		l.Title = "opsdeck — no hosts in ~/.ssh/config or opsdeck's config; run `opsdeck HOST` or `opsdeck demo`"
	}
	return Model{list: l}
}

// Init starts nothing: the list is static.
func (m Model) Init() tea.Cmd { return nil }

// Update handles selection and leaves quitting to the list's own keys
// except while filtering, where q is a letter.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.list.SetSize(msg.Width, msg.Height)
	case tea.KeyMsg:
		if m.list.FilterState() == list.Filtering {
			break
		}
		switch msg.String() {
		case "enter":
			if h, ok := m.list.SelectedItem().(Host); ok {
				m.Chosen = h.Alias
				return m, tea.Quit
			}
		case "q", "esc", "ctrl+c":
			m.Quit = true
			return m, tea.Quit
		}
	}
	var cmd tea.Cmd
	m.list, cmd = m.list.Update(msg)
	return m, cmd
}

// View draws the list.
func (m Model) View() string { return m.list.View() }
