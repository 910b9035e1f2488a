package backup

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// maxNameLen is ZFS's limit on a whole dataset@snapshot name.
const maxNameLen = 255

// snapForm is the snapshot-now form: the dataset (the selected row), an
// editable name and the recursive toggle.
type snapForm struct {
	dataset   string
	name      []rune
	recursive bool
	// onToggle is true while the recursive field has the cursor.
	onToggle bool
	err      string
}

func formHints() []key.Binding {
	return []key.Binding{
		key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "snapshot")),
		key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "field")),
		key.NewBinding(key.WithKeys(" "), key.WithHelp("space", "recursive")),
		key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close")),
	}
}

// defaultName is manual-YYYYMMDD-HHMMSS in the clock's zone.
func defaultName(now time.Time) string { return "manual-" + now.Format("20060102-150405") }

func (p *Pane) openForm() tea.Cmd {
	ds := p.selected()
	if ds == "" {
		return notice("snapshot now: no dataset listed yet", true)
	}
	name := defaultName(p.now)
	if p.deps.DefaultName != nil {
		name = p.deps.DefaultName(p.now)
	}
	p.form = &snapForm{dataset: ds, name: []rune(name)}
	return nil
}

func (p *Pane) formKey(k tea.KeyMsg) tea.Cmd {
	f := p.form
	switch k.Type {
	case tea.KeyEsc:
		p.form = nil
	case tea.KeyTab, tea.KeyShiftTab, tea.KeyUp, tea.KeyDown:
		f.onToggle = !f.onToggle
	case tea.KeyBackspace:
		if !f.onToggle && len(f.name) > 0 {
			f.name = f.name[:len(f.name)-1]
		}
	case tea.KeySpace:
		if f.onToggle {
			f.recursive = !f.recursive
		} else {
			f.name = append(f.name, ' ')
		}
	case tea.KeyRunes:
		if !f.onToggle {
			f.name = append(f.name, k.Runes...)
		} else if string(k.Runes) == " " || string(k.Runes) == "x" {
			f.recursive = !f.recursive
		}
	case tea.KeyEnter:
		return p.submitForm()
	}
	return nil
}

// submitForm validates the name and hands the action to the root.
func (p *Pane) submitForm() tea.Cmd {
	f := p.form
	name := string(f.name)
	if err := p.validName(f.dataset, name); err != nil {
		f.err = err.Error()
		return nil
	}
	if p.deps.Actions.SnapshotNow == nil {
		p.form = nil
		return notice("snapshot now is not available in this console", true)
	}
	h, cmd := p.host("snapshot now")
	if h == nil {
		return cmd
	}
	a, err := p.deps.Actions.SnapshotNow(h, f.dataset, name, f.recursive)
	if err != nil {
		f.err = err.Error()
		return nil
	}
	p.form = nil
	return p.dispatch(a)
}

// validName applies ZFS's rules for a snapshot's name (or the data
// layer's own check, when given).
func (p *Pane) validName(dataset, name string) error {
	if p.deps.ValidName != nil {
		return p.deps.ValidName(dataset, name)
	}
	switch {
	case name == "":
		return errors.New("the name is empty")
	case len(dataset)+1+len(name) > maxNameLen:
		return fmt.Errorf("%s@%s is longer than ZFS's %d characters", dataset, name, maxNameLen)
	}
	for _, r := range name {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("_-.: ", r)
		if !ok {
			return fmt.Errorf("%q is not allowed in a snapshot name (letters, digits, _ - . : and space)", r)
		}
	}
	return nil
}

// view draws the form's lines.
func (f *snapForm) view(p *Pane) []string {
	s := p.env.Styles
	rec := "no"
	if f.recursive {
		rec = "yes (-r: every child dataset too)"
	}
	name := "name       " + string(f.name) + "▏"
	toggle := "recursive  ‹ " + rec + " ›"
	if f.onToggle {
		name, toggle = "  "+name, s.Selected.Render("› "+toggle)
	} else {
		name, toggle = s.Selected.Render("› "+name), "  "+toggle
	}
	out := []string{s.Title.Render("Snapshot now"), "  dataset    " + f.dataset, name, toggle}
	if f.err != "" {
		out = append(out, s.Crit.Render("! "+f.err))
	}
	return append(out, s.Muted.Render("type the name · tab field · space toggle · enter snapshot (asks first) · esc close"))
}
