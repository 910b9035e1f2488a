package picker

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

func press(m tea.Model, keys ...string) tea.Model {
	for _, k := range keys {
		var msg tea.KeyMsg
		switch k {
		case "enter":
			msg = tea.KeyMsg{Type: tea.KeyEnter}
		case "down":
			msg = tea.KeyMsg{Type: tea.KeyDown}
		default:
			msg = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
		}
		m, _ = m.Update(msg)
	}
	return m
}

func TestPickerChoosesSelectedHost(t *testing.T) {
	var m tea.Model = New([]Host{{Alias: "nas1"}, {Alias: "nas2"}})
	m, _ = m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m = press(m, "down", "enter")
	if got := m.(Model).Chosen; got != "nas2" {
		t.Fatalf("chosen %q, want nas2", got)
	}
}

func TestPickerQuitWithoutChoice(t *testing.T) {
	var m tea.Model = New([]Host{{Alias: "nas1"}})
	m = press(m, "q")
	if pm := m.(Model); !pm.Quit || pm.Chosen != "" {
		t.Fatalf("quit=%v chosen=%q", pm.Quit, pm.Chosen)
	}
}

func TestPickerEmptyListDoesNotChoose(t *testing.T) {
	var m tea.Model = New(nil)
	m = press(m, "enter")
	if got := m.(Model).Chosen; got != "" {
		t.Fatalf("chose %q from an empty list", got)
	}
	if m.View() == "" {
		t.Fatal("empty view")
	}
}
