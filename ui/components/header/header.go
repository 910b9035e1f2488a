// Package header draws the console's top line: host, OpenZFS version,
// connection state and the age of the last refresh, plus the DEMO and
// READ-ONLY banners.
package header

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/opsdeck/opsdeck/themes"
)

// Level is how worrying the connection state is.
type Level int

// Levels.
const (
	LevelOK Level = iota
	LevelWarn
	LevelCrit
)

// Info is what the header shows.
type Info struct {
	Host    string
	Version string // "OpenZFS 2.3.2", empty before the probe
	// Conn is the connection state in words: "connected",
	// "reconnecting (attempt 3)", "disconnected — data 2m old".
	Conn      string
	ConnLevel Level
	// Refreshed is the last refresh in words ("refreshed 3s ago"), empty
	// before the first.
	Refreshed string
	// Refreshing is true while a read is in flight.
	Refreshing bool
	Demo       bool
	ReadOnly   bool
}

// Render draws the header exactly width cells wide.
func Render(i Info, s *themes.Styles, width int) string {
	var left []string
	if i.Demo {
		left = append(left, s.Alert.Render(" DEMO — simulated server "))
	}
	left = append(left, s.BarKey.Render(" opsdeck "), s.Bar.Render(" "+i.Host+" "))
	if i.Version != "" {
		left = append(left, s.BarMuted.Render(" "+i.Version+" "))
	}
	if i.ReadOnly {
		left = append(left, s.Alert.Render(" READ-ONLY "))
	}
	conn := s.Bar.Render(" ")
	switch i.ConnLevel {
	case LevelOK:
		conn += s.Bar.Inherit(s.OK).Render("● " + i.Conn)
	case LevelWarn:
		conn += s.Alert.Render("◐ " + i.Conn)
	default:
		conn += s.Alert.Inherit(s.Crit).Render("✕ " + i.Conn)
	}
	right := conn
	if i.Refreshed != "" {
		r := i.Refreshed
		if i.Refreshing {
			r += " ⟳"
		}
		right += s.BarMuted.Render("  " + r + " ")
	}
	l := strings.Join(left, "")
	lw, rw := ansi.StringWidth(l), ansi.StringWidth(right)
	if lw+rw > width {
		// The connection state matters more than the version: cut the
		// left side first, then the right.
		l = ansi.Truncate(l, max(0, width-rw), "…")
		lw = ansi.StringWidth(l)
		if lw+rw > width {
			right = ansi.Truncate(right, max(0, width-lw), "…")
			rw = ansi.StringWidth(right)
		}
	}
	return l + s.Bar.Render(strings.Repeat(" ", max(0, width-lw-rw))) + right
}
