// Package network is the Network pane: the host's interfaces with live
// rates, WireGuard peers, TCP tuning against the bandwidth-delay product,
// the findings and their fixes, and guided iperf3 tests drawn live. It
// reads for itself (panes.Reader) because these reads only matter while
// the pane is shown.
package network

import (
	"context"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ui/components/sparkline"
	"github.com/opsdeck/opsdeck/ui/panes"
)

// sparkLen is how many reads an interface's rate sparkline remembers.
const sparkLen = 30

// ReadFunc reads the host's network; prev is the previous result (nil at
// first), from which rates are computed.
type ReadFunc func(ctx context.Context, h *ops.Host, prev *ops.NetworkStatus, now time.Time) ops.NetworkStatus

// Peer is a configured iperf3 target for the host.
type Peer struct {
	// Name is how the operator knows it ("backup over wg0").
	Name string
	// Address is what iperf3 connects to.
	Address string
}

// Deps are what the pane reads and tests with.
type Deps struct {
	// Read reads the network (nil: the pane says reads are unavailable).
	Read ReadFunc
	// Tester runs guided iperf3 tests (nil: the test key says so).
	Tester Tester
	// Peers are the host's configured test targets.
	Peers []Peer
}

// Pane is the Network pane.
type Pane struct {
	env           panes.Env
	deps          Deps
	width, height int
	offset        int

	status *ops.NetworkStatus
	// readErr is why the newest read failed as a whole (timeout).
	readErr string
	rx, tx  map[string]*sparkline.Series

	form *form
	test *liveTest
	// hist and base are the Tester's results and baseline index, loaded
	// with each read (off the UI goroutine) and after each test.
	hist []Result
	base int
	keys keys
}

type keys struct {
	test, baseline key.Binding
}

// MarkBaseline is the palette's message to mark the newest result as the
// baseline; StartTest opens the test form.
type (
	MarkBaseline struct{}
	StartTest    struct{}
)

// readResult is what the pane's read returns.
type readResult struct {
	status ops.NetworkStatus
	err    string
	hist   []Result
	base   int
}

// New returns the pane.
func New(env panes.Env, deps Deps) *Pane {
	return &Pane{env: env, deps: deps, base: -1,
		rx: map[string]*sparkline.Series{}, tx: map[string]*sparkline.Series{},
		keys: keys{
			test:     key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "iperf3 test")),
			baseline: key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "mark baseline")),
		}}
}

// ID implements panes.Pane.
func (p *Pane) ID() string { return "network" }

// Title implements panes.Pane.
func (p *Pane) Title() string { return "Network" }

// SetData implements panes.Pane; the pane reads its own data.
func (p *Pane) SetData(panes.Data) {}

// SetSize implements panes.Pane.
func (p *Pane) SetSize(w, h int) { p.width, p.height = w, h }

// Capturing implements panes.Pane: the open form takes every key, so
// digits and q do not switch panes or quit under it.
func (p *Pane) Capturing() bool { return p.form != nil }

// Hints implements panes.Pane.
func (p *Pane) Hints() []key.Binding {
	if p.form != nil {
		return p.form.hints()
	}
	scroll := key.NewBinding(key.WithKeys("j", "k"), key.WithHelp("j/k", "scroll"))
	return []key.Binding{p.keys.test, p.keys.baseline, scroll}
}

// Commands implements panes.Pane.
func (p *Pane) Commands() []panes.Command {
	return []panes.Command{
		{Name: "network iperf3 test", Help: "run a guided iperf3 throughput test", Msg: StartTest{}},
		{Name: "network mark baseline", Help: "make the newest iperf3 result the baseline", Msg: MarkBaseline{}},
	}
}

// Read implements panes.Reader. The previous result is captured here, on
// the UI goroutine, for the rates.
func (p *Pane) Read(h *ops.Host, now time.Time) func(ctx context.Context) tea.Msg {
	read, tester := p.deps.Read, p.deps.Tester
	var prev *ops.NetworkStatus
	if p.status != nil {
		c := *p.status
		prev = &c
	}
	return func(ctx context.Context) tea.Msg {
		res := readResult{base: -1}
		if tester != nil {
			res.hist, res.base = tester.History()
		}
		if read == nil {
			res.err = "network reads are not available"
			return res
		}
		res.status = read(ctx, h, prev, now)
		return res
	}
}

// Update implements panes.Pane.
func (p *Pane) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case panes.ReadDone:
		p.applyRead(msg)
	case panes.ActionOutput:
		p.testLine(msg.Line)
	case panes.ActionDone:
		p.testDone(msg.Succeeded)
	case StartTest:
		return p.openForm()
	case MarkBaseline:
		return p.markBaseline()
	case tea.MouseMsg:
		switch msg.Button {
		case tea.MouseButtonWheelUp:
			p.offset = max(0, p.offset-1)
		case tea.MouseButtonWheelDown:
			p.offset++
		}
	case tea.KeyMsg:
		if p.form != nil {
			return p.formKey(msg)
		}
		return p.key(msg)
	}
	return nil
}

func (p *Pane) key(msg tea.KeyMsg) tea.Cmd {
	k := p.env.Keys
	page := max(1, p.height-2)
	switch {
	case key.Matches(msg, k.Up):
		p.offset = max(0, p.offset-1)
	case key.Matches(msg, k.Down):
		p.offset++
	case key.Matches(msg, k.PageUp):
		p.offset = max(0, p.offset-page)
	case key.Matches(msg, k.PageDown):
		p.offset += page
	case key.Matches(msg, k.Top):
		p.offset = 0
	case key.Matches(msg, k.Bottom):
		p.offset = 1 << 20 // clamped when drawn
	case key.Matches(msg, p.keys.test):
		return p.openForm()
	case key.Matches(msg, p.keys.baseline):
		return p.markBaseline()
	}
	return nil
}

// applyRead keeps the newest good status, or the previous one marked
// stale when the read as a whole failed.
func (p *Pane) applyRead(d panes.ReadDone) {
	res, ok := d.Msg.(readResult)
	if !ok {
		return
	}
	if p.deps.Tester != nil {
		p.hist, p.base = res.hist, res.base
	}
	switch {
	case d.Err != nil:
		p.readErr = "network read did not finish: " + d.Err.Error()
		return
	case res.err != "":
		p.readErr = res.err
		return
	}
	p.readErr = ""
	st := res.status
	p.status = &st
	for _, ifc := range st.Interfaces {
		if !ifc.HasRate {
			continue
		}
		series(p.rx, ifc.Name).Add(ifc.RxRate)
		series(p.tx, ifc.Name).Add(ifc.TxRate)
	}
}

func series(m map[string]*sparkline.Series, name string) *sparkline.Series {
	s, ok := m[name]
	if !ok {
		s = sparkline.NewSeries(sparkLen)
		m[name] = s
	}
	return s
}

func notice(text string, warn bool) tea.Cmd {
	return func() tea.Msg { return panes.Notice{Text: text, Warn: warn} }
}
