package backup

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// key handles a key: the open form, picker or preview first, then the
// dataset list or the open dataset.
func (p *Pane) key(msg tea.KeyMsg) tea.Cmd {
	switch {
	case p.form != nil:
		return p.formKey(msg)
	case p.picker != nil:
		return p.pickerKey(msg)
	case p.preview != nil:
		return p.previewKey(msg)
	case p.subset != nil:
		return p.subsetKey(msg)
	}
	k, nav := p.keys, p.env.Keys
	page := max(1, p.height-6)
	switch {
	case key.Matches(msg, nav.Up):
		p.move(-1)
	case key.Matches(msg, nav.Down):
		p.move(1)
	case key.Matches(msg, nav.PageUp):
		p.move(-page)
	case key.Matches(msg, nav.PageDown):
		p.move(page)
	case key.Matches(msg, nav.Top):
		p.move(-1 << 30)
	case key.Matches(msg, nav.Bottom):
		p.move(1 << 30)
	case key.Matches(msg, nav.Clear):
		p.detail = nil
	case key.Matches(msg, k.open):
		return p.openDetail()
	case key.Matches(msg, k.snapshot):
		return p.openForm()
	case key.Matches(msg, k.prune):
		return p.openPreview()
	case key.Matches(msg, k.check):
		return p.check()
	case key.Matches(msg, k.checkSubset):
		return p.openSubset()
	case key.Matches(msg, k.drill):
		return p.openPicker()
	case key.Matches(msg, k.unlock):
		return p.unlock()
	case key.Matches(msg, k.nextRepo):
		if len(p.repos) > 0 {
			p.repo = (p.repo + 1) % len(p.repos)
		}
	}
	return nil
}

// move moves the cursor of what is shown: the open dataset's list, or
// the dataset table.
func (p *Pane) move(d int) {
	if p.detail != nil {
		p.detail.offset = clamp(p.detail.offset+d, 0, max(0, len(p.detail.snaps)-1))
		return
	}
	p.cursor = clamp(p.cursor+d, 0, max(0, len(p.rows().sorted())-1))
}

func clamp(v, lo, hi int) int { return max(lo, min(v, hi)) }

// rows are the rows shown: the completed listing, or the one streaming
// when there is none yet.
func (p *Pane) rows() *summaries {
	switch {
	case p.current != nil:
		return p.current
	case p.building != nil:
		return p.building
	}
	return newSummaries()
}

// selected is the dataset under the cursor, "" when there is none.
func (p *Pane) selected() string {
	names := p.rows().sorted()
	if len(names) == 0 {
		return ""
	}
	return names[clamp(p.cursor, 0, len(names)-1)]
}

func (p *Pane) selectedRepo() *Repo {
	if p.repo < 0 || p.repo >= len(p.repos) {
		return nil
	}
	return &p.repos[p.repo]
}
