package panes

import (
	"fmt"
	"strings"

	"github.com/opsdeck/opsdeck/ui/format"
	"github.com/opsdeck/opsdeck/ui/layout"
)

// Problem is what a section shows when its latest read failed: an error
// box (with the hint the ops layer attached) and, when older values are
// still shown, a stale marker with their age. A section whose error
// repeats the pools error only refers to it, so one cause (permission
// denied, say) is not boxed three times.
func Problem(env Env, d Data, sec string, width int) []string {
	s := env.Styles
	msg, failed := d.Errors[sec]
	age, stale := d.Stale(sec)
	var out []string
	if stale {
		why := "connection lost"
		if failed {
			why = "read failed"
		}
		out = append(out, s.Warn.Render(layout.Line(fmt.Sprintf("! stale — %s, showing data from %s ago", why, format.Age(age)), width)))
	}
	if !failed {
		return out
	}
	if sec != SectionPools && msg == d.Errors[SectionPools] {
		return append(out, s.Muted.Render("(cannot read "+sec+": same error as above)"))
	}
	body := s.Crit.Render("! cannot read "+sec) + "\n" + strings.Join(layout.Wrap(strings.TrimSpace(msg), max(10, width-4)), "\n")
	box := s.ErrorBox.Width(max(10, width-2)).Render(body)
	return append(out, strings.Split(box, "\n")...)
}
