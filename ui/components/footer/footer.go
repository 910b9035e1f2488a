// Package footer draws the key hints line at the bottom of the console.
package footer

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/x/ansi"

	"github.com/opsdeck/opsdeck/themes"
)

// Render draws as many hints as fit in width cells, the pane's first and
// the global ones after, and pads the bar to width. Disabled bindings are
// skipped.
func Render(hints []key.Binding, s *themes.Styles, width int) string {
	var parts []string
	used := 0
	for _, h := range hints {
		if !h.Enabled() || h.Help().Key == "" {
			continue
		}
		part := s.BarKey.Render(h.Help().Key) + s.Bar.Render(" "+h.Help().Desc)
		w := ansi.StringWidth(part) + 2
		if used+w > width {
			break
		}
		parts = append(parts, part)
		used += w
	}
	line := s.Bar.Render(" ") + strings.Join(parts, s.Bar.Render("  "))
	if pad := width - ansi.StringWidth(line); pad > 0 {
		line += s.Bar.Render(strings.Repeat(" ", pad))
	}
	return ansi.Truncate(line, width, "")
}
