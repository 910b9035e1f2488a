package backup

import (
	"fmt"
	"strings"

	"github.com/opsdeck/opsdeck/ui/layout"
)

// View implements panes.Pane: the verdict and the listing's progress stay
// on top, an open form or preview below them, then either the open
// dataset's snapshots or the dataset table and the restic section.
func (p *Pane) View() string {
	if p.width <= 0 || p.height <= 0 {
		return ""
	}
	s := p.env.Styles
	w := p.width
	top := []string{p.verdict()}
	if st := p.listingStatus(); st != "" {
		top = append(top, st)
	}
	if p.dsErr != "" {
		top = append(top, s.Warn.Render(layout.Line("! "+p.dsErr, w)))
	}
	if l := p.runningLines(); len(l) > 0 {
		top = append(top, l...)
	}
	room := max(0, p.height-len(top))
	var body []string
	switch {
	case p.form != nil:
		body = p.boxed(p.form.view(p))
	case p.subset != nil:
		body = p.boxed(p.subset.view(p))
	case p.picker != nil:
		body = p.boxed(p.picker.view(p, room-5))
	case p.preview != nil:
		body = p.boxed(p.preview.view(p, room-5))
	case p.detail != nil:
		body = p.detailLines(room)
	default:
		restic := p.resticLines()
		tableRoom := max(4, room-len(restic)-1)
		body = append(p.tableLines(tableRoom), "")
		body = append(body, restic...)
	}
	return layout.Block(strings.Join(append(top, body...), "\n"), w, p.height)
}

func (p *Pane) boxed(lines []string) []string {
	return strings.Split(p.env.Styles.Box.Render(strings.Join(lines, "\n")), "\n")
}

// listingStatus is the line that says a listing is streaming or failed.
func (p *Pane) listingStatus() string {
	s := p.env.Styles
	switch {
	case p.listing != nil:
		n := 0
		if p.building != nil {
			n = p.building.total
		}
		msg := fmt.Sprintf("listing… %d snapshots so far", n)
		if p.current != nil {
			msg += " (showing the previous listing until it ends)"
		}
		return s.Muted.Render(msg)
	case p.listErr != "":
		msg := "! " + p.listErr
		if p.partial {
			msg += " — rows are partial"
		}
		return s.Warn.Render(msg)
	}
	return ""
}

// runningLines show this pane's action and its newest output.
func (p *Pane) runningLines() []string {
	if p.running == "" {
		return nil
	}
	s := p.env.Styles
	out := []string{s.Accent.Render("running: " + p.running)}
	for _, l := range p.output {
		out = append(out, s.Muted.Render("  "+l))
	}
	return out
}
