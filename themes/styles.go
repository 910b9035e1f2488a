package themes

import (
	"io"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// Styles is every style the console draws with, built once from a Theme
// by New. Views use these and never call lipgloss.NewStyle themselves.
type Styles struct {
	// Theme is the palette the styles were built from.
	Theme Theme
	// Colour is false when the profile has no colours (NO_COLOR, dumb
	// terminals, golden tests): views then add textual markers (a cursor
	// glyph, "!" before errors) that colour would otherwise carry.
	Colour bool

	Text, Muted, Accent, Bold lipgloss.Style
	OK, Warn, Crit            lipgloss.Style
	// Title is a section heading inside a pane.
	Title lipgloss.Style
	// Bar is the header and footer background; BarKey a key in a hint.
	Bar, BarKey, BarMuted lipgloss.Style
	// Alert is a banner that must not be missed (DEMO, connection lost).
	Alert lipgloss.Style
	// TabActive and TabInactive draw the pane tabs.
	TabActive, TabInactive lipgloss.Style
	// Selected is the cursor row of a list or table.
	Selected lipgloss.Style
	// TableHeader is a table's column header row.
	TableHeader lipgloss.Style
	// Box frames overlays (help, palette, confirm dialog, prompts).
	Box lipgloss.Style
	// ErrorBox frames an error shown in place of a pane's data.
	ErrorBox lipgloss.Style
	// BarFull and BarEmpty draw progress bars.
	BarFull, BarEmpty lipgloss.Style
}

// ProfileFor is the colour profile to build styles for: none at all when
// NO_COLOR is set to anything non-empty (https://no-color.org), the
// detected profile otherwise.
func ProfileFor(getenv func(string) string, detected termenv.Profile) termenv.Profile {
	if getenv("NO_COLOR") != "" {
		return termenv.Ascii
	}
	return detected
}

// New builds the Styles of the theme called name for a terminal with the
// given colour profile. For the adaptive "auto" theme darkBackground picks
// the variant; the other themes ignore it.
func New(name string, profile termenv.Profile, darkBackground bool) (Styles, error) {
	t, err := Lookup(name)
	if err != nil {
		return Styles{}, err
	}
	r := lipgloss.NewRenderer(io.Discard, termenv.WithProfile(profile))
	r.SetColorProfile(profile)
	switch t.Name {
	case NameDark, NameHighContrast:
		darkBackground = true
	case NameLight:
		darkBackground = false
	}
	r.SetHasDarkBackground(darkBackground)
	return build(r, t, profile != termenv.Ascii), nil
}

func build(r *lipgloss.Renderer, t Theme, colour bool) Styles {
	fg := func(c lipgloss.TerminalColor) lipgloss.Style { return r.NewStyle().Foreground(c) }
	s := Styles{Theme: t, Colour: colour}
	s.Text = fg(t.Text)
	s.Muted = fg(t.Muted)
	s.Accent = fg(t.Accent)
	s.Bold = r.NewStyle().Bold(true)
	s.OK = fg(t.OK)
	s.Warn = fg(t.Warn).Bold(true)
	s.Crit = fg(t.Crit).Bold(true)
	s.Title = fg(t.Accent).Bold(true)
	s.Bar = r.NewStyle().Foreground(t.BarFG).Background(t.BarBG)
	s.BarKey = s.Bar.Foreground(t.Accent).Bold(true)
	s.BarMuted = s.Bar.Foreground(t.Muted)
	s.Alert = r.NewStyle().Foreground(t.AlertFG).Background(t.AlertBG).Bold(true)
	s.TabActive = r.NewStyle().Foreground(t.SelectionFG).Background(t.Accent).Bold(true)
	s.TabInactive = fg(t.Muted)
	s.Selected = r.NewStyle().Foreground(t.SelectionFG).Background(t.SelectionBG)
	s.TableHeader = fg(t.Muted).Bold(true)
	s.Box = r.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(t.Accent).Padding(0, 1)
	s.ErrorBox = r.NewStyle().Border(lipgloss.NormalBorder()).BorderForeground(t.Crit).Padding(0, 1)
	s.BarFull = fg(t.Accent)
	s.BarEmpty = fg(t.Border)
	return s
}

// State is the style of a pool or vdev state as ZFS names it.
func (s Styles) State(state string) lipgloss.Style {
	switch strings.ToUpper(state) {
	case "ONLINE", "AVAIL", "INUSE":
		return s.OK
	case "DEGRADED", "OFFLINE":
		return s.Warn
	case "":
		return s.Muted
	}
	return s.Crit
}
