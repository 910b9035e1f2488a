package ui

import "github.com/charmbracelet/bubbles/key"

// globalKeys are the console's own keys, active unless an overlay or a
// pane's text input has the keyboard.
type globalKeys struct {
	Quit, Help, Palette, Refresh, NextPane, PrevPane, Tasks, CancelTask, SwitchHost key.Binding
}

func defaultGlobalKeys() globalKeys {
	return globalKeys{
		Quit:       key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
		Help:       key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Palette:    key.NewBinding(key.WithKeys(":"), key.WithHelp(":", "commands")),
		Refresh:    key.NewBinding(key.WithKeys("r", "ctrl+r"), key.WithHelp("r", "refresh")),
		NextPane:   key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab/1-9", "next pane")),
		PrevPane:   key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous pane")),
		Tasks:      key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "task log")),
		CancelTask: key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "cancel action")),
		SwitchHost: key.NewBinding(key.WithKeys("H"), key.WithHelp("H", "switch host")),
	}
}

func (g globalKeys) list() []key.Binding {
	return []key.Binding{g.Help, g.Palette, g.Refresh, g.NextPane, g.PrevPane, g.Tasks, g.CancelTask, g.SwitchHost, g.Quit}
}
