package monitor

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/opsdeck/opsdeck/ops/monitor"
	"github.com/opsdeck/opsdeck/ui/panes"
)

// Silence form fields, top to bottom.
const (
	fieldDuration = iota
	fieldComment
	fieldAuthor
	fieldCount
)

// form is the silence form for one alert: typed text fields, validated on
// enter so a bad duration or a missing comment is said in the form rather
// than by a failed action.
type form struct {
	alert  monitor.Alert
	field  int
	values [fieldCount]string
	err    string
}

func newForm(a monitor.Alert, author string) *form {
	f := &form{alert: a, field: fieldComment}
	f.values[fieldDuration] = "2h"
	f.values[fieldAuthor] = author
	return f
}

// validate returns the duration, or why the form cannot be sent.
func (f *form) validate() (time.Duration, error) {
	d, err := time.ParseDuration(strings.TrimSpace(f.values[fieldDuration]))
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("duration %q: give a positive duration such as 2h or 30m", f.values[fieldDuration])
	}
	if strings.TrimSpace(f.values[fieldComment]) == "" {
		return 0, fmt.Errorf("a comment is required: say why the alert is silenced")
	}
	if strings.TrimSpace(f.values[fieldAuthor]) == "" {
		return 0, fmt.Errorf("an author is required")
	}
	return d, nil
}

func formHints() []key.Binding {
	return []key.Binding{
		key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "silence")),
		key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next field")),
		key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
}

// openForm opens the silence form on the selected alert.
func (p *Pane) openForm() tea.Cmd {
	it, ok := p.selected()
	switch {
	case !ok || it.alert == nil:
		return notice("select an alert to silence", true)
	case p.deps.Silence == nil:
		return notice("silencing alerts is not available", true)
	}
	author := p.deps.Author
	if author == "" {
		author = monitor.DefaultSilenceAuthor()
	}
	p.form = newForm(*it.alert, author)
	return nil
}

// formKey edits the form; enter validates it and hands the action to the
// root, which confirms it (or refuses it read-only) and runs it.
func (p *Pane) formKey(k tea.KeyMsg) tea.Cmd {
	f := p.form
	switch k.Type {
	case tea.KeyEsc:
		p.form = nil
	case tea.KeyTab, tea.KeyDown:
		f.field = (f.field + 1) % fieldCount
	case tea.KeyShiftTab, tea.KeyUp:
		f.field = (f.field + fieldCount - 1) % fieldCount
	case tea.KeyBackspace:
		if v := []rune(f.values[f.field]); len(v) > 0 {
			f.values[f.field] = string(v[:len(v)-1])
		}
	case tea.KeyRunes, tea.KeySpace:
		f.values[f.field] += string(k.Runes)
	case tea.KeyEnter:
		return p.submit()
	}
	return nil
}

func (p *Pane) submit() tea.Cmd {
	f := p.form
	d, err := f.validate()
	if err != nil {
		f.err = err.Error()
		return nil
	}
	h := p.host()
	if h == nil {
		f.err = "not available without a host connection"
		return nil
	}
	p.form = nil
	a := p.deps.Silence(h, f.alert, d, strings.TrimSpace(f.values[fieldAuthor]), strings.TrimSpace(f.values[fieldComment]))
	return func() tea.Msg { return panes.RunAction{Action: a, Pane: p.ID()} }
}

// view draws the form as lines for a box.
func (f *form) view(p *Pane) []string {
	s := p.env.Styles
	var m []string
	for _, mt := range monitor.SilenceMatchers(f.alert) {
		m = append(m, mt.String())
	}
	out := []string{s.Title.Render("Silence " + f.alert.Name), s.Muted.Render("matchers: " + strings.Join(m, ", "))}
	names := [fieldCount]string{"duration", "comment", "author"}
	for i, n := range names {
		line := fmt.Sprintf("%-9s %s", n, f.values[i])
		if i == f.field {
			line = s.Selected.Render("› " + line + "_")
		} else {
			line = "  " + line
		}
		out = append(out, line)
	}
	if f.err != "" {
		out = append(out, s.Crit.Render("! "+f.err))
	}
	return append(out, s.Muted.Render("tab field · enter silence (asks first) · esc cancel"))
}
