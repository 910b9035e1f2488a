package ui

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/opsdeck/opsdeck/themes"
	"github.com/opsdeck/opsdeck/ui/layout"
)

type promptMsg struct{ req *promptReq }

// waitPrompt delivers the next question from the SSH layer; the handler
// re-issues it.
func (m *Model) waitPrompt() tea.Cmd {
	p := m.opts.Prompter
	if p == nil {
		return nil
	}
	return func() tea.Msg {
		select {
		case r := <-p.reqs:
			return promptMsg{req: r}
		case <-p.done:
			return nil
		}
	}
}

// prompt is the open SSH question modal.
type prompt struct {
	req     *promptReq
	answers []string
	input   string
}

func newPrompt(r *promptReq) *prompt { return &prompt{req: r} }

// key applies a key and reports whether the prompt is finished (its reply
// then sent).
func (p *prompt) key(k tea.KeyMsg) bool {
	switch k.Type {
	case tea.KeyEsc, tea.KeyCtrlC:
		p.req.reply <- promptReply{err: ErrPromptCancelled}
		return true
	case tea.KeyEnter:
		p.answers = append(p.answers, p.input)
		p.input = ""
		if len(p.answers) == len(p.req.questions) {
			p.req.reply <- promptReply{answers: p.answers}
			return true
		}
	case tea.KeyBackspace:
		if r := []rune(p.input); len(r) > 0 {
			p.input = string(r[:len(r)-1])
		}
	case tea.KeyRunes, tea.KeySpace:
		p.input += string(k.Runes)
	}
	return false
}

func (p *prompt) view(s *themes.Styles, width int) string {
	inner := max(10, min(width-4, 76))
	lines := []string{s.Title.Render(p.req.title), ""}
	for _, l := range strings.Split(p.req.text, "\n") {
		lines = append(lines, layout.Wrap(l, inner)...)
	}
	i := len(p.answers)
	if i < len(p.req.questions) {
		shown := p.input
		if !p.req.echos[i] {
			// Not even the length of a secret is shown.
			shown = ""
		}
		lines = append(lines, "", p.req.questions[i]+" "+shown+"█")
	}
	lines = append(lines, s.Muted.Render("enter answers · esc cancels"))
	return s.Box.Width(inner + 2).Render(strings.Join(lines, "\n"))
}
