package network

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/opsdeck/opsdeck/ui/panes"
)

// Choices the form cycles through. Durations and stream counts are the
// ones worth comparing; free text would only add typos.
var (
	durations   = []time.Duration{10 * time.Second, 30 * time.Second, 60 * time.Second, 5 * time.Second}
	streamsOpts = []int{1, 2, 4, 8}
	congestion  = []string{"", "cubic", "bbr"}
)

// Form fields, top to bottom.
const (
	fieldTarget = iota
	fieldReverse
	fieldDuration
	fieldStreams
	fieldCC
	fieldCount
)

// form is the guided test's chooser: every field cycles through fixed
// choices with ←/→, so nothing typed can be malformed.
type form struct {
	targets []Spec // target, label and loopback only
	field   int
	target  int
	reverse bool
	dur     int
	streams int
	cc      int
}

// loopback is the sanity target: the host against itself.
var loopback = Spec{Target: "127.0.0.1", Label: "loopback sanity", Loopback: true}

// describe is the target as the form and the live test name it.
func (s Spec) describe() string {
	if s.Loopback {
		return s.Label + " (the host against itself)"
	}
	if s.Label == s.Target {
		return "peer " + s.Target
	}
	return "peer " + s.Label + " (" + s.Target + ")"
}

// options are the test's settings in words.
func (s Spec) options() string {
	out := fmt.Sprintf("%d s, %d stream", int(s.Duration/time.Second), s.Streams)
	if s.Streams != 1 {
		out += "s"
	}
	if s.Reverse {
		out += ", reverse"
	}
	if s.Congestion != "" {
		out += ", " + s.Congestion
	}
	return out
}

func newForm(peers []Peer) *form {
	f := &form{}
	for _, pr := range peers {
		label := pr.Name
		if label == "" {
			label = pr.Address
		}
		f.targets = append(f.targets, Spec{Target: pr.Address, Label: label})
	}
	f.targets = append(f.targets, loopback)
	return f
}

// spec is the test as chosen.
func (f *form) spec() Spec {
	s := f.targets[f.target]
	s.Reverse = f.reverse
	s.Duration = durations[f.dur]
	s.Streams = streamsOpts[f.streams]
	s.Congestion = congestion[f.cc]
	return s
}

func cycle(i, d, n int) int { return ((i+d)%n + n) % n }

// change moves the current field's choice by d.
func (f *form) change(d int) {
	switch f.field {
	case fieldTarget:
		f.target = cycle(f.target, d, len(f.targets))
	case fieldReverse:
		f.reverse = !f.reverse
	case fieldDuration:
		f.dur = cycle(f.dur, d, len(durations))
	case fieldStreams:
		f.streams = cycle(f.streams, d, len(streamsOpts))
	case fieldCC:
		f.cc = cycle(f.cc, d, len(congestion))
	}
}

func (f *form) hints() []key.Binding {
	return []key.Binding{
		key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "run test")),
		key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←/→", "change")),
		key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "field")),
		key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close")),
	}
}

func (p *Pane) openForm() tea.Cmd {
	if p.deps.Tester == nil {
		return notice("iperf3 tests are not available in this console", true)
	}
	if p.test != nil && p.test.running {
		return notice("an iperf3 test is already running", true)
	}
	p.form = newForm(p.deps.Peers)
	return nil
}

// formKey handles a key while the form is open; enter dispatches the test
// to the root, which confirms it (or shows it read-only) and runs it.
func (p *Pane) formKey(k tea.KeyMsg) tea.Cmd {
	f := p.form
	switch k.String() {
	case "esc", "q":
		p.form = nil
	case "up", "k", "shift+tab":
		f.field = cycle(f.field, -1, fieldCount)
	case "down", "j", "tab":
		f.field = cycle(f.field, 1, fieldCount)
	case "left", "h":
		f.change(-1)
	case "right", "l", " ":
		f.change(1)
	case "enter":
		p.form = nil
		return p.dispatch(f.spec())
	}
	return nil
}

func (p *Pane) dispatch(spec Spec) tea.Cmd {
	var h = p.env.Host
	if h == nil || h() == nil {
		return notice("iperf3 test: not available without a host connection", true)
	}
	a := p.deps.Tester.Action(h(), spec)
	p.test = &liveTest{spec: spec, parser: p.deps.Tester.Parser(spec), pending: true}
	return func() tea.Msg { return panes.RunAction{Action: a, Pane: p.ID()} }
}

// view draws the form as a box of lines.
func (f *form) view(p *Pane) []string {
	s := p.env.Styles
	sp := f.spec()
	dur := fmt.Sprintf("%ds", int(sp.Duration.Seconds()))
	cc := sp.Congestion
	if cc == "" {
		cc = "host default"
	}
	rev := "no (the host sends)"
	if sp.Reverse {
		rev = "yes (-R: the target sends)"
	}
	rows := [][2]string{
		{"target", sp.describe()}, {"reverse", rev}, {"duration", dur},
		{"streams", fmt.Sprint(sp.Streams)}, {"congestion", cc},
	}
	out := []string{s.Title.Render("Guided iperf3 test")}
	for i, r := range rows {
		line := fmt.Sprintf("%-11s ‹ %s ›", r[0], r[1])
		if i == f.field {
			line = s.Selected.Render("› " + line)
		} else {
			line = "  " + line
		}
		out = append(out, line)
	}
	if !sp.Loopback {
		out = append(out, s.Muted.Render("the peer must be running `iperf3 -s` on the test port"))
	}
	return append(out, s.Muted.Render(strings.Join([]string{"←/→ change", "↑/↓ field", "enter run (asks first)", "esc close"}, " · ")))
}
