package panes

import (
	"github.com/opsdeck/opsdeck/themes"
	"github.com/opsdeck/opsdeck/ui/layout"
)

// ReadHeader is the top of a pane that reads for itself: "Reading what…"
// until the first read, then the verdict; a failed read adds a warning
// line, saying the data shown is the previous read's when there is one.
func ReadHeader(s *themes.Styles, width int, what string, loaded bool, verdict func() string, readErr string) []string {
	var top []string
	switch {
	case !loaded && readErr == "":
		top = append(top, s.Muted.Render("Reading "+what+"…"))
	case loaded:
		top = append(top, verdict())
	}
	if readErr != "" {
		msg := "! " + readErr
		if loaded {
			msg += " — showing the previous read"
		}
		top = append(top, s.Warn.Render(layout.Line(msg, width)))
	}
	return top
}
