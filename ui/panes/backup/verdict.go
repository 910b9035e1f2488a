package backup

import (
	"fmt"
	"strings"
)

// verdict is the pane's one line: what is not protected, worst first, or
// that everything is.
func (p *Pane) verdict() string {
	s := p.env.Styles
	label := s.Title.Render("Verdict") + " "
	if !p.read && p.current == nil && p.building == nil {
		return label + s.Muted.Render("reading backups…")
	}
	var bad, warn []string
	if n := p.staleDatasets(); n > 0 && !p.provisional() {
		bad = append(bad, plural(n, "dataset")+" past RPO")
	}
	var rc repoCounts
	for _, r := range p.repos {
		p.countRepo(r, &rc)
	}
	// restic's problems share one group so the line fits 80 columns.
	var rb, rw []string
	rb = appendCount(rb, rc.stale, "backup", "past RPO")
	rb = appendCount(rb, rc.empty, "repository", "empty")
	rb = appendCount(rb, rc.unreachable, "repository", "unreachable")
	rb = appendCount(rb, rc.failed, "check", "failed")
	rw = appendCount(rw, rc.locks, "stale lock", "")
	rw = appendCount(rw, rc.undrilled, "repository", "never drilled")
	if len(rb) > 0 {
		bad = append(bad, "restic: "+strings.Join(append(rb, rw...), ", "))
	} else if len(rw) > 0 {
		warn = append(warn, "restic: "+strings.Join(rw, ", "))
	}
	if p.current == nil && p.listing != nil {
		warn = append(warn, "snapshot listing in progress: RPO verdict when it ends")
	}
	switch {
	case len(bad) > 0:
		return label + s.Crit.Render(strings.Join(append(bad, warn...), " · "))
	case len(warn) > 0:
		return label + s.Warn.Render(strings.Join(warn, " · "))
	}
	with := 0
	for _, r := range p.rows().rows {
		if r.count > 0 {
			with++
		}
	}
	msg := fmt.Sprintf("protected: %s within RPO", plural(with, "dataset"))
	if len(p.repos) > 0 {
		msg += fmt.Sprintf(", %s fresh", plural(len(p.repos), "restic repository"))
	}
	return label + s.OK.Render(msg)
}

func (p *Pane) staleDatasets() int {
	n := 0
	for name, r := range p.rows().rows {
		if r.stale(p.now, p.deps.rpo(name)) {
			n++
		}
	}
	return n
}

// repoCounts tally what is wrong across the repositories.
type repoCounts struct {
	stale, empty, unreachable, failed, locks, undrilled int
}

func (p *Pane) countRepo(r Repo, c *repoCounts) {
	if !r.Reachable {
		c.unreachable++
		return
	}
	if len(r.Latest) == 0 {
		c.empty++
	}
	for _, l := range r.Latest {
		if p.now.Sub(l.Time) > p.deps.resticRPO() {
			c.stale++
		}
	}
	if r.Check.Known && !r.Check.OK {
		c.failed++
	}
	c.locks += r.StaleLocks
	if r.Drill.When.IsZero() {
		c.undrilled++
	}
}

// appendCount adds "N what tail" when n > 0.
func appendCount(out []string, n int, what, tail string) []string {
	if n == 0 {
		return out
	}
	s := plural(n, what)
	if tail != "" {
		s += " " + tail
	}
	return append(out, s)
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	if strings.HasSuffix(what, "y") {
		return fmt.Sprintf("%d %sies", n, what[:len(what)-1])
	}
	return fmt.Sprintf("%d %ss", n, what)
}
