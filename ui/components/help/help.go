// Package help draws the `?` overlay: every key of the focused pane and
// of the console, in as many columns as the height needs.
package help

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"

	"github.com/opsdeck/opsdeck/themes"
)

// Group is a titled list of bindings.
type Group struct {
	Title string
	Keys  []key.Binding
}

func (g Group) lines(s *themes.Styles) []string {
	out := []string{s.Title.Render(g.Title)}
	for _, k := range g.Keys {
		if k.Help().Key == "" {
			continue
		}
		line := s.Accent.Render(fmt.Sprintf("%-9s", k.Help().Key)) + " " + k.Help().Desc
		if !k.Enabled() {
			line = s.Muted.Render(fmt.Sprintf("%-9s %s", k.Help().Key, k.Help().Desc))
		}
		out = append(out, line)
	}
	return out
}

// Render draws the overlay box within width × height: groups are stacked
// into columns no taller than the box allows, and what still does not fit
// is dropped with a note.
func Render(groups []Group, s *themes.Styles, width, height int) string {
	// Border and padding take 2 rows; the closing hint 2 more.
	room := max(3, height-4)
	var cols [][]string
	var col []string
	for _, g := range groups {
		gl := g.lines(s)
		if len(col) > 0 && len(col)+1+len(gl) > room {
			cols = append(cols, col)
			col = nil
		}
		if len(col) > 0 {
			col = append(col, "")
		}
		col = append(col, gl...)
	}
	cols = append(cols, col)
	var blocks []string
	for i, c := range cols {
		if len(c) > room {
			c = append(c[:room-1], s.Muted.Render("… (enlarge the terminal)"))
		}
		b := strings.Join(c, "\n")
		if i > 0 {
			b = lipgloss.JoinHorizontal(lipgloss.Top, "   ", b)
		}
		blocks = append(blocks, b)
	}
	body := lipgloss.JoinHorizontal(lipgloss.Top, blocks...)
	body += "\n\n" + s.Muted.Render("esc or ? closes")
	return s.Box.MaxWidth(width).Render(body)
}
