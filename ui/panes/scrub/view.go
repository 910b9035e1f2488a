package scrub

import (
	"fmt"
	"strings"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ui/components/progress"
	"github.com/opsdeck/opsdeck/ui/format"
	"github.com/opsdeck/opsdeck/ui/layout"
	"github.com/opsdeck/opsdeck/ui/panes"
)

// View implements panes.Pane.
func (p *Pane) View() string {
	if p.width <= 0 || p.height <= 0 {
		return ""
	}
	s := p.env.Styles
	d := p.data
	var lines []string
	if !d.Loaded {
		return layout.Block(s.Muted.Render("Reading pools…"), p.width, p.height)
	}
	lines = append(lines, panes.Problem(p.env, d, panes.SectionPools, p.width)...)
	if d.Has(panes.SectionPools) && len(d.Status.Pools) == 0 {
		lines = append(lines, s.Muted.Render("No pools imported on this host."))
	}
	if _, failed := d.Errors[panes.SectionSchedule]; failed && len(d.Status.Pools) > 0 {
		lines = append(lines, panes.Problem(p.env, d, panes.SectionSchedule, p.width)...)
	}
	// Keep the selected pool in view: blocks above it scroll away.
	var selStart int
	for i, pl := range d.Status.Pools {
		if i == p.selected {
			selStart = len(lines)
		}
		lines = append(lines, p.block(pl, i == p.selected)...)
		lines = append(lines, "")
	}
	if selStart-p.offset >= p.height-6 || selStart < p.offset {
		p.offset = max(0, selStart-1)
	}
	shown, off := layout.Window(lines, p.offset, p.height)
	p.offset = off
	return layout.Block(strings.Join(shown, "\n"), p.width, p.height)
}

// block is one pool's lines.
func (p *Pane) block(pl ops.Pool, selected bool) []string {
	s := p.env.Styles
	w := p.width
	name := "  " + s.Title.Render(pl.Name)
	if selected {
		name = s.Selected.Render("› "+pl.Name) + ""
	}
	head := name + "  " + s.State(pl.State).Render(pl.State)
	if selected {
		head += s.Muted.Render("   " + p.actionHint(pl))
	}
	out := []string{head}
	for _, l := range p.scanLines(pl, w-4) {
		out = append(out, "    "+l)
	}
	out = append(out, "    "+p.schedule(pl.Name))
	if t := firstLine(pl.Scan.Text); t != "" {
		out = append(out, "    "+s.Muted.Render("zpool status: "+t))
	}
	return out
}

func (p *Pane) actionHint(pl ops.Pool) string {
	var h []string
	for _, k := range []struct {
		on   bool
		text string
	}{
		{p.keys.start.Enabled(), p.keys.start.Help().Key + " " + p.keys.start.Help().Desc},
		{p.keys.pause.Enabled(), "p pause"},
		{p.keys.cancel.Enabled(), "c cancel"},
	} {
		if k.on {
			h = append(h, k.text)
		}
	}
	if len(h) == 0 && pl.Scan.Function == "resilver" && pl.Scan.State == ops.ScanScanning {
		return "scrub actions wait for the resilver to finish"
	}
	return strings.Join(h, " · ")
}

// scanLines describes the pool's current or last scan.
func (p *Pane) scanLines(pl ops.Pool, w int) []string {
	s := p.env.Styles
	sc := pl.Scan
	now := p.data.Now
	fn := sc.Function
	if fn == "" {
		fn = "scrub"
	}
	switch sc.State {
	case ops.ScanScanning, ops.ScanPaused:
		var out []string
		if sc.State == ops.ScanPaused {
			out = append(out, s.Warn.Render(fmt.Sprintf("%s paused since %s (%s ago)", fn, format.Timestamp(sc.PausedSince), format.Age(now.Sub(sc.PausedSince))))+
				s.Muted.Render(fmt.Sprintf(" · started %s", format.Timestamp(sc.Start))))
		} else {
			out = append(out, s.Accent.Render(fmt.Sprintf("%s in progress", fn))+
				s.Muted.Render(fmt.Sprintf(" since %s (%s)", format.Timestamp(sc.Start), format.Age(now.Sub(sc.Start)))))
		}
		pct := format.Percent(sc.Percent)
		barW := max(3, min(60, w-len(pct)-1))
		out = append(out, progress.Bar(s, sc.Percent/100, barW)+" "+pct)
		detail := fmt.Sprintf("%s / %s issued", format.Bytes(sc.Issued), format.Bytes(sc.Total))
		if sc.State == ops.ScanScanning && sc.Rate > 0 {
			detail += " at " + format.Rate(sc.Rate)
		}
		if sc.State == ops.ScanScanning {
			if sc.HasETA {
				detail += fmt.Sprintf(" · ETA %s (done ≈ %s)", format.Clock(sc.ETA), format.Timestamp(now.Add(sc.ETA)))
			} else {
				detail += s.Muted.Render(" · no estimated completion time")
			}
		}
		if sc.Repaired > 0 || sc.Errors > 0 {
			detail += s.Warn.Render(fmt.Sprintf(" · repaired %s, %d errors", format.Bytes(sc.Repaired), sc.Errors))
		}
		return append(out, layout.Line(detail, w))
	case ops.ScanFinished:
		age := now.Sub(sc.End)
		st := s.OK
		if sc.Errors > 0 {
			st = s.Crit
		}
		out := []string{
			st.Render(fmt.Sprintf("last %s finished %s (%s ago)", fn, format.Timestamp(sc.End), format.Age(age))),
			st.Render(fmt.Sprintf("took %s · repaired %s · %d errors", format.Clock(sc.End.Sub(sc.Start)), format.Bytes(sc.Repaired), sc.Errors)),
		}
		if fn == "scrub" && age > p.env.ScrubWarnAge && p.env.ScrubWarnAge > 0 {
			out = append(out, s.Warn.Render(fmt.Sprintf("! last scrub is older than %s", format.Age(p.env.ScrubWarnAge))))
		}
		return out
	case ops.ScanCanceled:
		return []string{s.Warn.Render(fmt.Sprintf("last %s canceled %s (%s ago) at %s", fn,
			format.Timestamp(sc.End), format.Age(now.Sub(sc.End)), format.Percent(sc.Percent)))}
	}
	return []string{s.Warn.Render("never scrubbed")}
}

func (p *Pane) schedule(pool string) string {
	s := p.env.Styles
	if !p.data.Has(panes.SectionSchedule) {
		return s.Muted.Render("schedule: unknown")
	}
	for _, sc := range p.data.Status.Schedules {
		if sc.Pool != pool || !sc.Found {
			continue
		}
		line := "schedule: " + sc.When
		if sc.Source != "" {
			line += s.Muted.Render(" (" + sc.Source + ")")
		}
		if !sc.Next.IsZero() {
			line += s.Muted.Render(" · next " + format.Timestamp(sc.Next))
		}
		return line
	}
	return s.Warn.Render("schedule: no schedule — scrubs only run when started by hand")
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return l
}
