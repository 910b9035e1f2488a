// Package progress draws a one-line progress bar.
package progress

import (
	"strings"

	"github.com/opsdeck/opsdeck/themes"
)

// Bar draws fraction (0..1, clamped) as a bar width cells wide, brackets
// included. Without colour the bar is drawn with # and - so it still reads
// in a plain terminal.
func Bar(s *themes.Styles, fraction float64, width int) string {
	if width < 3 {
		return ""
	}
	inner := width - 2
	fraction = min(max(fraction, 0), 1)
	full := int(fraction * float64(inner))
	fullCh, emptyCh := "█", "░"
	if !s.Colour {
		fullCh, emptyCh = "#", "-"
	}
	return "[" + s.BarFull.Render(strings.Repeat(fullCh, full)) +
		s.BarEmpty.Render(strings.Repeat(emptyCh, inner-full)) + "]"
}
