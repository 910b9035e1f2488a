// Package palette is the `:` command palette: type to narrow a list of
// commands, move with arrows, Enter runs the chosen one.
package palette

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/opsdeck/opsdeck/themes"
)

// Entry is one command the palette offers.
type Entry struct {
	Name string
	Help string
}

// Palette is the open palette's state.
type Palette struct {
	entries []Entry
	input   string
	cursor  int
}

// New opens a palette over entries.
func New(entries []Entry) *Palette { return &Palette{entries: entries} }

// Matches are the entries containing every word typed: those whose name
// contains them all first, then those matching through their help text,
// each group in the order given.
func (p *Palette) Matches() []int {
	words := strings.Fields(strings.ToLower(p.input))
	all := func(text string) bool {
		for _, w := range words {
			if !strings.Contains(text, w) {
				return false
			}
		}
		return true
	}
	var byName, byHelp []int
	for i, e := range p.entries {
		name := strings.ToLower(e.Name)
		switch {
		case all(name):
			byName = append(byName, i)
		case all(name + " " + strings.ToLower(e.Help)):
			byHelp = append(byHelp, i)
		}
	}
	return append(byName, byHelp...)
}

// Key applies a key. It returns the chosen entry's index and true on
// Enter, -1 and true when the palette closes without a choice, and false
// while it stays open.
func (p *Palette) Key(k tea.KeyMsg) (int, bool) {
	m := p.Matches()
	switch k.String() {
	case "esc", "ctrl+c":
		return -1, true
	case "enter":
		if p.cursor < len(m) {
			return m[p.cursor], true
		}
		return -1, true
	case "up", "ctrl+p", "ctrl+k":
		p.cursor = max(0, p.cursor-1)
		return 0, false
	case "down", "ctrl+n", "ctrl+j", "tab":
		p.cursor = min(max(0, len(m)-1), p.cursor+1)
		return 0, false
	case "backspace":
		if r := []rune(p.input); len(r) > 0 {
			p.input = string(r[:len(r)-1])
		}
	default:
		if k.Type == tea.KeyRunes || k.Type == tea.KeySpace {
			p.input += string(k.Runes)
		}
	}
	p.cursor = 0
	return 0, false
}

// View draws the palette box within width × height cells.
func (p *Palette) View(s *themes.Styles, width, height int) string {
	inner := max(10, min(width-4, 70))
	lines := []string{s.Accent.Render(": ") + p.input + "█", ""}
	m := p.Matches()
	room := max(1, height-6)
	start := 0
	if p.cursor >= room {
		start = p.cursor - room + 1
	}
	for i := start; i < len(m) && i < start+room; i++ {
		e := p.entries[m[i]]
		line := fmt.Sprintf("%-24s %s", e.Name, s.Muted.Render(e.Help))
		if i == p.cursor {
			line = s.Selected.Render("› " + fmt.Sprintf("%-24s %s", e.Name, e.Help))
		} else {
			line = "  " + line
		}
		lines = append(lines, ansi.Truncate(line, inner, "…"))
	}
	if len(m) == 0 {
		lines = append(lines, s.Muted.Render("  no command matches"))
	}
	return s.Box.Width(inner + 2).MaxHeight(height).Render(strings.Join(lines, "\n"))
}
