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

// segment is one piece of the header; when the line is too narrow the
// pieces with the lowest priority go first.
type segment struct {
	text     string
	priority int
	right    bool
}

// Render draws the header exactly width cells wide. DEMO, READ-ONLY, the
// host and the connection state outlast everything else on narrow
// terminals.
func Render(i Info, s *themes.Styles, width int) string {
	var segs []segment
	if i.Demo {
		segs = append(segs, segment{s.Alert.Render(" DEMO — simulated server "), 10, false})
	}
	segs = append(segs, segment{s.BarKey.Render(" opsdeck "), 3, false}, segment{s.Bar.Render(" " + i.Host + " "), 8, false})
	if i.Version != "" {
		segs = append(segs, segment{s.BarMuted.Render(" " + i.Version + " "), 1, false})
	}
	if i.ReadOnly {
		segs = append(segs, segment{s.Alert.Render(" READ-ONLY "), 9, false})
	}
	var conn string
	switch i.ConnLevel {
	case LevelOK:
		conn = s.Bar.Inherit(s.OK).Render(" ● " + i.Conn + " ")
	case LevelWarn:
		conn = s.Alert.Render(" ◐ " + i.Conn + " ")
	default:
		conn = s.Alert.Inherit(s.Crit).Render(" ✕ " + i.Conn + " ")
	}
	segs = append(segs, segment{conn, 7, true})
	if i.Refreshed != "" {
		r := i.Refreshed
		if i.Refreshing {
			r += " ⟳"
		}
		segs = append(segs, segment{s.BarMuted.Render(" " + r + " "), 2, true})
	}
	for total(segs) > width && len(segs) > 1 {
		low := 0
		for j, sg := range segs {
			if sg.priority < segs[low].priority {
				low = j
			}
		}
		segs = append(segs[:low], segs[low+1:]...)
	}
	var l, r string
	for _, sg := range segs {
		if sg.right {
			r += sg.text
		} else {
			l += sg.text
		}
	}
	line := l + s.Bar.Render(strings.Repeat(" ", max(0, width-total(segs)))) + r
	return ansi.Truncate(line, width, "…")
}

func total(segs []segment) int {
	n := 0
	for _, sg := range segs {
		n += ansi.StringWidth(sg.text)
	}
	return n
}
