package backup

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/opsdeck/opsdeck/ui/format"
)

// prunePreview shows what the keep policy would do to one dataset before
// anything is destroyed.
type prunePreview struct {
	dataset string
	loading bool
	err     string
	plan    Plan
	offset  int
}

// openPreview lists the selected dataset's own snapshots (the preview
// must see all of them, not a listing in progress) and plans on them.
func (p *Pane) openPreview() tea.Cmd {
	ds := p.selected()
	switch {
	case ds == "":
		return notice("prune preview: no dataset listed yet", true)
	case p.deps.Plan == nil || p.deps.Actions.Prune == nil:
		return notice("retention prune is not available in this console", true)
	}
	cmd := p.listDataset(ds, true)
	if p.deps.List != nil && p.env.Host != nil && p.env.Host() != nil {
		p.preview = &prunePreview{dataset: ds, loading: true}
	}
	return cmd
}

func (p *Pane) applyPrunePlan(m detailMsg) tea.Cmd {
	pv := p.preview
	if pv == nil || pv.dataset != m.dataset {
		return nil
	}
	pv.loading = false
	if m.err != nil {
		pv.err = m.err.Error()
		return nil
	}
	pv.plan = p.deps.Plan(m.snaps, p.now)
	return nil
}

func (p *Pane) previewKey(k tea.KeyMsg) tea.Cmd {
	pv := p.preview
	switch k.String() {
	case "esc", "q":
		p.preview = nil
	case "up", "k":
		pv.offset = max(0, pv.offset-1)
	case "down", "j":
		pv.offset++
	case "pgup":
		pv.offset = max(0, pv.offset-10)
	case "pgdown":
		pv.offset += 10
	case "enter":
		if pv.loading || pv.err != "" || len(pv.plan.Destroy) == 0 {
			return nil
		}
		h, cmd := p.host("prune")
		if h == nil {
			return cmd
		}
		a, err := p.deps.Actions.Prune(h, pv.dataset, pv.plan)
		if err != nil {
			pv.err = err.Error()
			return nil
		}
		p.preview = nil
		return p.dispatch(a)
	}
	return nil
}

// lines is the preview's text: a summary line, every snapshot to destroy,
// then every kept one with its reason.
func (pv *prunePreview) lines(p *Pane) []string {
	s := p.env.Styles
	switch {
	case pv.loading:
		return []string{s.Muted.Render("listing " + pv.dataset + "'s snapshots…")}
	case pv.err != "":
		return []string{s.Crit.Render("! " + pv.err)}
	}
	d, k := pv.plan.Destroy, pv.plan.Keep
	out := []string{fmt.Sprintf("destroy %d, keep %d", len(d), len(k))}
	if len(d) == 0 {
		out = append(out, s.OK.Render("nothing to destroy: every snapshot is kept"))
	}
	// Kept ones first, with their reasons: that is what the operator
	// checks the policy against; then every one that would go.
	for _, kp := range k {
		out = append(out, fmt.Sprintf("  keep     %-32s %-5s %s", kp.Snapshot.Name,
			format.Age(p.now.Sub(kp.Snapshot.Creation)), s.Muted.Render(strings.Join(kp.Reasons, ", "))))
	}
	for _, sn := range d {
		out = append(out, s.Crit.Render(fmt.Sprintf("  destroy  %-32s %s ago", sn.Name, format.Age(p.now.Sub(sn.Creation)))))
	}
	return out
}

// view draws the preview box's lines within rows.
func (pv *prunePreview) view(p *Pane, rows int) []string {
	s := p.env.Styles
	body := pv.lines(p)
	head, rest := body[:1], body[1:]
	rows = max(1, rows)
	pv.offset = clamp(pv.offset, 0, max(0, len(rest)-rows))
	end := min(len(rest), pv.offset+rows)
	out := []string{s.Title.Render("Prune preview — " + pv.dataset)}
	out = append(out, head...)
	out = append(out, rest[pv.offset:end]...)
	hint := "j/k scroll · esc close"
	if !pv.loading && pv.err == "" && len(pv.plan.Destroy) > 0 {
		hint = fmt.Sprintf("enter destroy %d (type the count to confirm) · ", len(pv.plan.Destroy)) + hint
	}
	return append(out, s.Muted.Render(hint))
}
