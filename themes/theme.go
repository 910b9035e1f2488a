// Package themes turns a Theme (a palette of colours) into Styles, the
// complete set of lipgloss styles the console draws with. Styles are built
// once at start-up; views never create styles of their own.
package themes

import (
	"fmt"
	"sort"

	"github.com/charmbracelet/lipgloss"
)

// Theme is a palette: one colour per meaning, not per widget. Colours may
// be adaptive (a light and a dark variant chosen by the terminal's
// background) or fixed.
type Theme struct {
	// Name is what --theme accepts.
	Name string
	// Text is ordinary foreground text.
	Text lipgloss.TerminalColor
	// Muted is secondary text: labels, ages, hints.
	Muted lipgloss.TerminalColor
	// Accent marks the focused tab, keys in hints and titles.
	Accent lipgloss.TerminalColor
	// OK, Warn and Crit are health: ONLINE, DEGRADED, FAULTED and alike.
	OK   lipgloss.TerminalColor
	Warn lipgloss.TerminalColor
	Crit lipgloss.TerminalColor
	// Border draws boxes and rules.
	Border lipgloss.TerminalColor
	// SelectionFG and SelectionBG draw the cursor row.
	SelectionFG lipgloss.TerminalColor
	SelectionBG lipgloss.TerminalColor
	// BarFG and BarBG draw the header and footer bars.
	BarFG lipgloss.TerminalColor
	BarBG lipgloss.TerminalColor
	// AlertFG and AlertBG draw banners that must not be missed: DEMO,
	// read-only, connection lost.
	AlertFG lipgloss.TerminalColor
	AlertBG lipgloss.TerminalColor
}

// Theme names --theme accepts.
const (
	NameAuto         = "auto"
	NameDark         = "dark"
	NameLight        = "light"
	NameHighContrast = "high-contrast"
)

// darkPalette and lightPalette are the two halves of the adaptive theme.
var (
	darkPalette = Theme{
		Name: NameDark, Text: lipgloss.Color("252"), Muted: lipgloss.Color("245"),
		Accent: lipgloss.Color("39"), OK: lipgloss.Color("42"), Warn: lipgloss.Color("214"),
		Crit: lipgloss.Color("203"), Border: lipgloss.Color("240"),
		SelectionFG: lipgloss.Color("231"), SelectionBG: lipgloss.Color("24"),
		BarFG: lipgloss.Color("252"), BarBG: lipgloss.Color("236"),
		AlertFG: lipgloss.Color("16"), AlertBG: lipgloss.Color("214"),
	}
	lightPalette = Theme{
		Name: NameLight, Text: lipgloss.Color("235"), Muted: lipgloss.Color("242"),
		Accent: lipgloss.Color("25"), OK: lipgloss.Color("28"), Warn: lipgloss.Color("130"),
		Crit: lipgloss.Color("160"), Border: lipgloss.Color("248"),
		SelectionFG: lipgloss.Color("16"), SelectionBG: lipgloss.Color("153"),
		BarFG: lipgloss.Color("235"), BarBG: lipgloss.Color("254"),
		AlertFG: lipgloss.Color("231"), AlertBG: lipgloss.Color("130"),
	}
	// highContrast uses only the 16 ANSI colours, which every terminal
	// has and which the user's own terminal palette controls.
	highContrast = Theme{
		Name: NameHighContrast, Text: lipgloss.Color("15"), Muted: lipgloss.Color("7"),
		Accent: lipgloss.Color("14"), OK: lipgloss.Color("10"), Warn: lipgloss.Color("11"),
		Crit: lipgloss.Color("9"), Border: lipgloss.Color("15"),
		SelectionFG: lipgloss.Color("0"), SelectionBG: lipgloss.Color("15"),
		BarFG: lipgloss.Color("0"), BarBG: lipgloss.Color("14"),
		AlertFG: lipgloss.Color("0"), AlertBG: lipgloss.Color("11"),
	}
)

// adaptive pairs the light and dark palettes so the terminal's background
// picks the variant.
func adaptive() Theme {
	pair := func(l, d lipgloss.TerminalColor) lipgloss.TerminalColor {
		return lipgloss.AdaptiveColor{Light: string(l.(lipgloss.Color)), Dark: string(d.(lipgloss.Color))}
	}
	l, d := lightPalette, darkPalette
	return Theme{
		Name: NameAuto, Text: pair(l.Text, d.Text), Muted: pair(l.Muted, d.Muted),
		Accent: pair(l.Accent, d.Accent), OK: pair(l.OK, d.OK), Warn: pair(l.Warn, d.Warn),
		Crit: pair(l.Crit, d.Crit), Border: pair(l.Border, d.Border),
		SelectionFG: pair(l.SelectionFG, d.SelectionFG), SelectionBG: pair(l.SelectionBG, d.SelectionBG),
		BarFG: pair(l.BarFG, d.BarFG), BarBG: pair(l.BarBG, d.BarBG),
		AlertFG: pair(l.AlertFG, d.AlertFG), AlertBG: pair(l.AlertBG, d.AlertBG),
	}
}

// Lookup returns the theme called name, or an error listing the names
// that exist.
func Lookup(name string) (Theme, error) {
	switch name {
	case NameAuto, "":
		return adaptive(), nil
	case NameDark:
		return darkPalette, nil
	case NameLight:
		return lightPalette, nil
	case NameHighContrast, "contrast":
		return highContrast, nil
	}
	return Theme{}, fmt.Errorf("unknown theme %q (choose one of %v)", name, Names())
}

// Names lists the themes --theme accepts, sorted.
func Names() []string {
	n := []string{NameAuto, NameDark, NameLight, NameHighContrast}
	sort.Strings(n)
	return n
}
