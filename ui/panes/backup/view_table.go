package backup

import (
	"fmt"
	"strings"
	"time"

	"github.com/opsdeck/opsdeck/ui/format"
	"github.com/opsdeck/opsdeck/ui/layout"
)

// wideFrom is the width from which the table also names the newest and
// oldest snapshots.
const wideFrom = 120

// tableLines draws the dataset table in rows lines: a title, the header
// and the rows around the cursor. Only the visible rows are formatted, so
// 200 datasets cost the same as 20.
func (p *Pane) tableLines(rows int) []string {
	s := p.env.Styles
	sum := p.rows()
	names := sum.sorted()
	title := fmt.Sprintf("ZFS snapshots — %s, %s", plural(len(names), "dataset"), plural(sum.total, "snapshot"))
	out := []string{s.Title.Render(title)}
	if len(names) == 0 {
		if p.listing != nil || p.deps.Stream == nil {
			if p.deps.Stream == nil {
				out = append(out, s.Muted.Render("snapshot listing is not available in this console"))
			}
			return out
		}
		return append(out, s.Muted.Render("no snapshots"))
	}
	dw := p.layoutCols(names)
	out = append(out, s.TableHeader.Render(layout.Line(p.rowText(dw, "DATASET", "SNAPS", "NEWEST", "OLDEST", "SPACE", "HOLDS", "AUTO/MAN", "NEWEST SNAPSHOT", "OLDEST SNAPSHOT"), p.width)))
	visible := max(1, rows-2)
	p.cursor = clamp(p.cursor, 0, len(names)-1)
	p.offset = clamp(p.offset, p.cursor-visible+1, p.cursor)
	p.offset = clamp(p.offset, 0, max(0, len(names)-visible))
	for i := p.offset; i < min(len(names), p.offset+visible); i++ {
		out = append(out, p.row(names[i], sum.rows[names[i]], dw, i == p.cursor))
	}
	return out
}

// cols are the table's flexible widths: the dataset column, and on wide
// terminals the newest and oldest snapshot names.
type cols struct{ ds, snap int }

// fixedCols is the width of the fixed columns with their separators.
const fixedCols = 2 + 6 + 8 + 8 + 8 + 6 + 9

// layoutCols gives the dataset column what its longest name needs (at
// least 12) and, on wide terminals, splits the rest between the two
// snapshot names.
func (p *Pane) layoutCols(names []string) cols {
	longest := 12
	for _, n := range names {
		longest = max(longest, len([]rune(n)))
	}
	free := p.width - fixedCols - 1
	if p.width < wideFrom {
		return cols{ds: max(12, free)}
	}
	ds := min(longest, max(12, free-2*26))
	return cols{ds: ds, snap: max(10, (free-ds-4)/2)}
}

func (p *Pane) rowText(c cols, ds, count, newest, oldest, held, holds, am, nn, on string) string {
	line := fmt.Sprintf("  %-*s %5s %7s %7s %7s %5s %8s", c.ds, trunc(ds, c.ds), count, newest, oldest, held, holds, am)
	if c.snap > 0 {
		line += fmt.Sprintf("  %-*s %-*s", c.snap, trunc(nn, c.snap), c.snap, trunc(on, c.snap))
	}
	return line
}

// row is one dataset; the newest age carries "!" and the alarm colour
// when it is past the dataset's RPO, so the warning survives NO_COLOR.
func (p *Pane) row(name string, r *dsSummary, dw cols, sel bool) string {
	s := p.env.Styles
	if r.count == 0 {
		return p.emptyRow(name, dw, sel)
	}
	newest := format.Age(p.now.Sub(r.newest.Creation))
	// A listing still streaming has not reached the newest snapshots
	// (it lists oldest first): its ages are marked provisional and
	// nothing is called stale on them.
	stale := !p.provisional() && r.stale(p.now, p.deps.rpo(name))
	switch {
	case p.provisional():
		newest += "…"
	case stale:
		newest += "!"
	}
	held := "-"
	if u, ok := p.usage[name]; ok {
		held = format.Bytes(u)
	}
	text := p.rowText(dw, name, fmt.Sprint(r.count), newest, format.Age(p.now.Sub(r.oldest.Creation)), held,
		fmt.Sprint(r.held), fmt.Sprintf("%d/%d", r.auto, r.manual), r.newest.Name, r.oldest.Name)
	text = layout.Line(text, p.width)
	switch {
	case sel:
		return s.Selected.Render(cursorMark(s.Colour) + text[min(len(text), 2):])
	case stale:
		return s.Crit.Render(text)
	}
	return text
}

// provisional is true while the rows shown come from an unfinished or
// failed listing.
func (p *Pane) provisional() bool { return p.current == nil || p.partial }

// emptyRow is a dataset without snapshots, muted.
func (p *Pane) emptyRow(name string, dw cols, sel bool) string {
	s := p.env.Styles
	held := "-"
	if u, ok := p.usage[name]; ok {
		held = format.Bytes(u)
	}
	text := layout.Line(p.rowText(dw, name, "0", "-", "-", held, "-", "-", "no snapshots", ""), p.width)
	if sel {
		return s.Selected.Render(cursorMark(s.Colour) + text[min(len(text), 2):])
	}
	return s.Muted.Render(text)
}

// cursorMark is the textual cursor used when colour cannot show it.
func cursorMark(colour bool) string {
	if colour {
		return "  "
	}
	return "› "
}

func trunc(s string, w int) string {
	r := []rune(s)
	if len(r) <= w {
		return s
	}
	if w <= 1 {
		return string(r[:w])
	}
	return string(r[:w-1]) + "…"
}

// detailLines draws the open dataset's own snapshots, newest first.
func (p *Pane) detailLines(rows int) []string {
	s := p.env.Styles
	d := p.detail
	head := fmt.Sprintf("%s — its own snapshots (zfs list -d 1)", d.dataset)
	out := []string{s.Title.Render(head)}
	switch {
	case d.loading && d.snaps == nil:
		return append(out, s.Muted.Render("listing…"))
	case d.err != "":
		return append(out, s.Crit.Render("! "+d.err), s.Muted.Render("esc back"))
	case len(d.snaps) == 0:
		return append(out, s.Muted.Render("no snapshots"), s.Muted.Render("esc back"))
	}
	nw := max(20, p.width-52)
	out = append(out, s.TableHeader.Render(layout.Line(fmt.Sprintf("  %-*s %-16s %6s %8s %8s %5s", nw, "SNAPSHOT", "CREATED", "AGE", "USED", "REFER", "HOLDS"), p.width)))
	visible := max(1, rows-3)
	start := clamp(d.offset-visible/2, 0, max(0, len(d.snaps)-visible))
	for i := start; i < min(len(d.snaps), start+visible); i++ {
		sn := d.snaps[i]
		line := fmt.Sprintf("%-*s %-16s %6s %8s %8s %5d", nw, trunc(sn.Name, nw), sn.Creation.Format("2006-01-02 15:04"),
			format.Age(p.now.Sub(sn.Creation)), format.Bytes(sn.Used), format.Bytes(sn.Referenced), sn.Holds)
		if i == d.offset {
			out = append(out, s.Selected.Render(layout.Line("› "+line, p.width)))
		} else {
			out = append(out, "  "+line)
		}
	}
	return append(out, s.Muted.Render(fmt.Sprintf("%d of %d · j/k scroll · esc back", d.offset+1, len(d.snaps))))
}

// ageAgainst is an age with its RPO, marked when past it.
func ageAgainst(age, rpo time.Duration) (string, bool) {
	txt := fmt.Sprintf("%s ago (RPO %s)", format.Age(age), format.Age(rpo))
	if age > rpo {
		return strings.Replace(txt, " ago", " ago !", 1), true
	}
	return txt, false
}
