package backup

import (
	"fmt"

	"github.com/opsdeck/opsdeck/ui/format"
)

// resticLines draws every configured repository.
func (p *Pane) resticLines() []string {
	s := p.env.Styles
	out := []string{s.Title.Render("restic")}
	switch {
	case p.deps.Restic == nil:
		return append(out, s.Muted.Render("restic reads are not available in this console"))
	case !p.read:
		return append(out, s.Muted.Render("reading repositories…"))
	case len(p.repos) == 0:
		return append(out, s.Muted.Render("no restic repository configured for this host"))
	}
	for i, r := range p.repos {
		out = append(out, p.repoLines(r, i == p.repo && len(p.repos) > 1)...)
	}
	return out
}

func (p *Pane) repoLines(r Repo, sel bool) []string {
	s := p.env.Styles
	mark := "  "
	if sel {
		mark = "› "
	}
	if !r.Reachable {
		out := []string{mark + r.Name + "  " + s.Crit.Render("! unreachable: "+r.Reason)}
		if r.Hint != "" {
			out = append(out, s.Muted.Render("    "+r.Hint))
		}
		return out
	}
	out := []string{mark + r.Name + "  " + s.OK.Render("reachable") + fmt.Sprintf(" · %s", plural(r.Count, "snapshot"))}
	if len(r.Latest) == 0 {
		out = append(out, s.Crit.Render("    latest  ! no snapshots yet"))
	}
	for _, l := range r.Latest {
		txt, stale := ageAgainst(p.now.Sub(l.Time), p.deps.resticRPO())
		line := fmt.Sprintf("    latest  %s %s  %s", l.Host, l.Paths, txt)
		if stale {
			line = s.Crit.Render(line)
		}
		out = append(out, line)
	}
	out = append(out, p.checkLine(r.Check), p.locksLine(r), p.drillLine(r.Drill))
	return out
}

func (p *Pane) checkLine(c Check) string {
	s := p.env.Styles
	if !c.Known {
		return s.Warn.Render("    check   never run (c runs one)")
	}
	src := ""
	if c.Source != "" {
		src = " (" + c.Source + ")"
	}
	age := format.Age(p.now.Sub(c.When)) + " ago"
	if !c.OK {
		line := "    check   ! failed " + age + src
		if c.Detail != "" {
			line += ": " + c.Detail
		}
		return s.Crit.Render(line)
	}
	return "    check   " + s.OK.Render("OK") + " " + age + src
}

func (p *Pane) locksLine(r Repo) string {
	s := p.env.Styles
	if r.StaleLocks == 0 {
		return "    locks   none stale"
	}
	hint := r.LockHint
	if hint == "" {
		hint = "u runs restic unlock once no restic process runs"
	}
	return s.Warn.Render(fmt.Sprintf("    locks   ! %s — %s", plural(r.StaleLocks, "stale lock"), hint))
}

func (p *Pane) drillLine(d Drill) string {
	s := p.env.Styles
	if d.When.IsZero() {
		return s.Warn.Render("    drill   never: restores are untested (d runs one)")
	}
	age := format.Age(p.now.Sub(d.When)) + " ago"
	if !d.OK {
		line := "    drill   ! last drill failed " + age
		if !d.LastGood.IsZero() {
			line += "; last good " + format.Age(p.now.Sub(d.LastGood)) + " ago"
		}
		return s.Crit.Render(line)
	}
	return "    drill   " + s.OK.Render("OK") + " " + age + " (" + d.File + ")"
}
