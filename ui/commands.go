package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/opsdeck/opsdeck/ui/components/palette"
)

// paletteCommand is one palette entry and what choosing it does.
type paletteCommand struct {
	entry palette.Entry
	run   func() tea.Cmd
}

// openPalette collects the console's commands and every pane's, so the
// palette always offers what exists right now (pools come and go).
func (m *Model) openPalette() {
	m.commands = nil
	add := func(name, help string, run func() tea.Cmd) {
		m.commands = append(m.commands, paletteCommand{palette.Entry{Name: name, Help: help}, run})
	}
	for i, p := range m.panes {
		i := i
		add("pane "+p.ID(), "show the "+p.Title()+" pane", func() tea.Cmd { return m.focus(i) })
	}
	add("refresh", "read the host now", func() tea.Cmd { return tea.Batch(m.read(false), m.readPane(false)) })
	add("help", "show all keys", func() tea.Cmd { m.overlay = overlayHelp; return nil })
	add("tasks", "show the task log", func() tea.Cmd { m.overlay = overlayTasks; return nil })
	add("host", "switch host (back to the host picker)", func() tea.Cmd { m.switchHost = true; return m.quit() })
	add("quit", "leave opsdeck", m.quit)
	for i, p := range m.panes {
		i := i
		for _, c := range p.Commands() {
			msg := c.Msg
			add(c.Name, c.Help, func() tea.Cmd { return tea.Batch(m.focus(i), m.pane().Update(msg)) })
		}
	}
	entries := make([]palette.Entry, len(m.commands))
	for i, c := range m.commands {
		entries[i] = c.entry
	}
	m.palette = palette.New(entries)
	m.overlay = overlayPalette
}

func (m *Model) paletteKey(k tea.KeyMsg) tea.Cmd {
	i, done := m.palette.Key(k)
	if !done {
		return nil
	}
	m.overlay = overlayNone
	m.palette = nil
	if i < 0 || i >= len(m.commands) {
		return nil
	}
	return m.commands[i].run()
}
