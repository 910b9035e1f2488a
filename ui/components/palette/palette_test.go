package palette

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

func typeText(p *Palette, s string) {
	for _, r := range s {
		p.Key(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
}

func TestPaletteNarrowsAndChooses(t *testing.T) {
	p := New([]Entry{{"pane pool", "show pools"}, {"pane scrub", "show scrubs"}, {"scrub start tank", "start a scrub"}, {"quit", ""}})
	typeText(p, "scr sta")
	if m := p.Matches(); len(m) != 1 || m[0] != 2 {
		t.Fatalf("matches = %v", m)
	}
	if i, done := p.Key(tea.KeyMsg{Type: tea.KeyEnter}); !done || i != 2 {
		t.Fatalf("enter = %d,%v", i, done)
	}
}

func TestPaletteMoveAndEscape(t *testing.T) {
	p := New([]Entry{{"a", ""}, {"b", ""}})
	p.Key(tea.KeyMsg{Type: tea.KeyDown})
	p.Key(tea.KeyMsg{Type: tea.KeyDown})
	if i, done := p.Key(tea.KeyMsg{Type: tea.KeyEnter}); !done || i != 1 {
		t.Fatalf("down,down,enter = %d,%v", i, done)
	}
	p = New([]Entry{{"a", ""}})
	typeText(p, "zzz")
	if i, done := p.Key(tea.KeyMsg{Type: tea.KeyEnter}); !done || i != -1 {
		t.Fatalf("enter with no match = %d,%v", i, done)
	}
	if i, done := New(nil).Key(tea.KeyMsg{Type: tea.KeyEsc}); !done || i != -1 {
		t.Fatalf("esc = %d,%v", i, done)
	}
}
