// Package help draws the `?` overlay: every key of the focused pane and
// of the console, in columns.
package help

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"

	"github.com/opsdeck/opsdeck/themes"
)

// Group is a titled list of bindings.
type Group struct {
	Title string
	Keys  []key.Binding
}

// Render draws the overlay box; it fits within width × height by dropping
// keys that do not fit.
func Render(groups []Group, s *themes.Styles, width, height int) string {
	var lines []string
	for _, g := range groups {
		if len(lines) > 0 {
			lines = append(lines, "")
		}
		lines = append(lines, s.Title.Render(g.Title))
		for _, k := range g.Keys {
			if k.Help().Key == "" {
				continue
			}
			line := s.Accent.Render(fmt.Sprintf("%-12s", k.Help().Key)) + " " + k.Help().Desc
			if !k.Enabled() {
				line = s.Muted.Render(fmt.Sprintf("%-12s %s", k.Help().Key, k.Help().Desc))
			}
			lines = append(lines, line)
		}
	}
	lines = append(lines, "", s.Muted.Render("esc or ? closes"))
	// Border and padding take 2 rows and 4 columns.
	if maxLines := height - 2; len(lines) > maxLines && maxLines > 0 {
		lines = append(lines[:maxLines-1], s.Muted.Render("… (enlarge the terminal for more)"))
	}
	return s.Box.MaxWidth(width).Render(strings.Join(lines, "\n"))
}
