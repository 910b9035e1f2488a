package network

import (
	"strings"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ui/layout"
	"github.com/opsdeck/opsdeck/ui/panes"
)

// compactBelow is the pane height under which findings are summarised
// at the top.
const compactBelow = 36

// View implements panes.Pane: the verdict stays on the first line, the
// form (when open) below it, and the sections scroll underneath.
func (p *Pane) View() string {
	if p.width <= 0 || p.height <= 0 {
		return ""
	}
	s := p.env.Styles
	w := p.width
	top := panes.ReadHeader(s, w, "network", p.status != nil, p.verdict, p.readErr)
	if p.form != nil {
		box := s.Box.Render(strings.Join(p.form.view(p), "\n"))
		top = append(top, strings.Split(box, "\n")...)
	}
	var body []string
	if t := p.testLines(w); len(t) > 0 {
		body = append(body, t...)
		body = append(body, "")
	}
	// On short terminals the findings' one-line summaries come first, so
	// what is wrong is on screen without scrolling; their evidence and
	// fixes stay at the bottom.
	compact := p.height < compactBelow
	if st := p.status; st != nil && compact && len(st.Findings) > 0 {
		body = append(body, p.findingSummaries(st)...)
		body = append(body, "")
	}
	if st := p.status; st != nil {
		body = append(body, p.interfaceLines(st)...)
		body = append(body, "")
		body = append(body, p.wireguardLines(st)...)
		body = append(body, "")
		body = append(body, p.tcpLines(st)...)
		body = append(body, "")
		body = append(body, p.findingLines(st)...)
	}
	if h := p.historyLines(); len(h) > 0 {
		body = append(body, "")
		body = append(body, h...)
	}
	shown, off := layout.Window(body, p.offset, max(0, p.height-len(top)))
	p.offset = off
	return layout.Block(strings.Join(append(top, shown...), "\n"), w, p.height)
}

// verdict is the pane's one line, coloured by the worst finding.
func (p *Pane) verdict() string {
	s := p.env.Styles
	st := p.status
	text := st.Verdict
	if text == "" {
		text = "network OK"
	}
	style := s.OK
	if len(st.Findings) > 0 {
		style = p.severityStyle(st.Findings[0].Severity)
	}
	return s.Title.Render("Verdict") + " " + style.Render(text)
}

// sectionError is a section's read error, in words, or nothing.
func (p *Pane) sectionError(st *ops.NetworkStatus, sec string) []string {
	msg, ok := st.Errors[sec]
	if !ok {
		return nil
	}
	s := p.env.Styles
	var out []string
	for i, l := range layout.Wrap("! cannot read "+sec+": "+strings.TrimSpace(msg), max(10, p.width-2)) {
		if i > 0 {
			l = "  " + l
		}
		out = append(out, s.Crit.Render(l))
	}
	return out
}
