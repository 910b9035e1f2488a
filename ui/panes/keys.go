package panes

import "github.com/charmbracelet/bubbles/key"

// NavKeys are the movement keys every pane understands: vim letters and
// arrows alike.
type NavKeys struct {
	Up, Down, Left, Right, PageUp, PageDown, Top, Bottom key.Binding
	// Filter starts a table filter; Sort cycles a table's sort column and
	// Reverse flips its order.
	Filter, Sort, Reverse key.Binding
	// Clear leaves a filter or closes an overlay.
	Clear key.Binding
}

// DefaultNavKeys is the standard keymap.
func DefaultNavKeys() *NavKeys {
	return &NavKeys{
		Up:       key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("↓/j", "down")),
		Left:     key.NewBinding(key.WithKeys("h", "left"), key.WithHelp("←/h", "previous pool")),
		Right:    key.NewBinding(key.WithKeys("l", "right"), key.WithHelp("→/l", "next pool")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "ctrl+u"), key.WithHelp("pgup/^u", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "ctrl+d"), key.WithHelp("pgdn/^d", "page down")),
		Top:      key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g", "top")),
		Bottom:   key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", "bottom")),
		Filter:   key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		Sort:     key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "sort column")),
		Reverse:  key.NewBinding(key.WithKeys("O"), key.WithHelp("O", "reverse sort")),
		Clear:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear/close")),
	}
}
