package backup

import (
	"context"
	"sort"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// detailTimeout bounds one dataset's own listing.
const detailTimeout = 30 * time.Second

// detail is one dataset's own snapshots (zfs list -d 1), listed on its
// own so opening a dataset never waits for the full listing.
type detail struct {
	dataset string
	loading bool
	err     string
	snaps   []Snapshot // newest first
	offset  int
}

// detailMsg is one dataset's listing; forPrune says the prune preview
// asked for it.
type detailMsg struct {
	dataset  string
	snaps    []Snapshot
	err      error
	forPrune bool
}

// listDataset lists dataset's snapshots off the UI goroutine.
func (p *Pane) listDataset(dataset string, forPrune bool) tea.Cmd {
	list := p.deps.List
	if list == nil {
		return notice("listing one dataset's snapshots is not available", true)
	}
	if p.env.Host == nil || p.env.Host() == nil {
		return notice("backup: not available without a host connection", true)
	}
	h := p.env.Host()
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), detailTimeout)
		defer cancel()
		snaps, err := list(ctx, h, dataset)
		return detailMsg{dataset: dataset, snaps: snaps, err: err, forPrune: forPrune}
	}
}

// openDetail opens the selected dataset and lists its snapshots now.
func (p *Pane) openDetail() tea.Cmd {
	ds := p.selected()
	if ds == "" {
		return nil
	}
	cmd := p.listDataset(ds, false)
	if p.deps.List != nil {
		p.detail = &detail{dataset: ds, loading: true}
	}
	return cmd
}

func (p *Pane) applyDetail(m detailMsg) tea.Cmd {
	if m.forPrune {
		return p.applyPrunePlan(m)
	}
	d := p.detail
	if d == nil || d.dataset != m.dataset {
		return nil // closed, or another dataset opened since
	}
	d.loading = false
	if m.err != nil {
		d.err = m.err.Error()
		return nil
	}
	d.err = ""
	d.snaps = newestFirst(m.snaps)
	d.offset = clamp(d.offset, 0, max(0, len(d.snaps)-1))
	return nil
}

func newestFirst(s []Snapshot) []Snapshot {
	out := append([]Snapshot(nil), s...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Creation.After(out[j].Creation) })
	return out
}
