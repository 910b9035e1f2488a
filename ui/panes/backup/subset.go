package backup

import (
	"errors"

	tea "github.com/charmbracelet/bubbletea"
)

// defaultSubset is the prefilled --read-data-subset: a random 5 % of the
// pack files, enough to catch bit rot over a few weekly runs.
const defaultSubset = "5%"

// subsetForm asks for restic check's --read-data-subset.
type subsetForm struct {
	repo  string
	value []rune
	err   string
}

// openSubset opens the form for the selected repository.
func (p *Pane) openSubset() tea.Cmd {
	r := p.selectedRepo()
	if r == nil {
		return notice("restic check: no repository configured", true)
	}
	if p.deps.Actions.Check == nil {
		return notice("restic check is not available in this console", true)
	}
	p.subset = &subsetForm{repo: r.Name, value: []rune(defaultSubset)}
	return nil
}

func (p *Pane) subsetKey(k tea.KeyMsg) tea.Cmd {
	f := p.subset
	switch k.Type {
	case tea.KeyEsc:
		p.subset = nil
	case tea.KeyBackspace:
		if len(f.value) > 0 {
			f.value = f.value[:len(f.value)-1]
		}
	case tea.KeyRunes:
		f.value = append(f.value, k.Runes...)
	case tea.KeyEnter:
		v := string(f.value)
		err := errors.New("type a subset: n/t, a percentage or a size")
		if v != "" {
			err = nil
			if p.deps.ValidSubset != nil {
				err = p.deps.ValidSubset(v)
			}
		}
		if err != nil {
			f.err = err.Error()
			return nil
		}
		p.subset = nil
		return p.runCheck(f.repo, v)
	}
	return nil
}

func (f *subsetForm) view(p *Pane) []string {
	s := p.env.Styles
	out := []string{s.Title.Render("restic check — " + f.repo),
		s.Selected.Render("› read-data subset  " + string(f.value) + "▏")}
	if f.err != "" {
		out = append(out, s.Crit.Render("! "+f.err))
	}
	return append(out, s.Muted.Render("n/t (1/5), a percentage (5%) or a size (500M) · enter check (asks first) · esc close"))
}
