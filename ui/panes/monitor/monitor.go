// Package monitor is the Monitoring pane: the health of Prometheus,
// Alertmanager and node_exporter as seen through the SSH connection, what
// they are saying (alerts, silences, targets, ZFS metrics), and the
// on-call actions on alerts (silence, expire a silence, show the runbook).
// It reads for itself (panes.Reader): these reads are HTTP round trips
// through the SSH connection that only matter while the pane is shown.
package monitor

import (
	"context"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ops/action"
	"github.com/opsdeck/opsdeck/ops/monitor"
	"github.com/opsdeck/opsdeck/ui/panes"
)

// Status is one read of the monitoring stack. Each component carries its
// own reachability, so one being down leaves the others drawn.
type Status struct {
	Prometheus   monitor.PrometheusStatus
	Alertmanager monitor.AlertmanagerStatus
	NodeExporter monitor.NodeExporterStatus
	// Sparklines are Prometheus' last hour of ARC hit ratio and network
	// throughput; empty when Prometheus is down.
	Sparklines monitor.Sparklines
}

// ReadFunc reads the monitoring stack of h.
type ReadFunc func(ctx context.Context, h *ops.Host, now time.Time) Status

// Deps are what the pane reads and acts with.
type Deps struct {
	// Read reads the stack (nil: the pane says reads are unavailable).
	Read ReadFunc
	// Silence builds the action silencing alert on h; Expire the one
	// expiring the silence with that ID (nil: the keys say they are
	// unavailable).
	Silence func(h *ops.Host, alert monitor.Alert, d time.Duration, author, comment string) action.Action
	Expire  func(h *ops.Host, silenceID string) action.Action
	// Author prefills the silence form ("user@host").
	Author string
}

// Pane is the Monitoring pane.
type Pane struct {
	env           panes.Env
	deps          Deps
	width, height int
	offset        int

	status  *Status
	readErr string
	// sel indexes selectable(): the alerts, then the silences.
	sel int
	// runbook is the selected alert's URL shown for copying ("" hidden).
	runbook string
	form    *form
	keys    keys
}

type keys struct {
	silence, expire, runbook key.Binding
}

// New returns the pane.
func New(env panes.Env, deps Deps) *Pane {
	return &Pane{env: env, deps: deps, keys: keys{
		silence: key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "silence alert")),
		expire:  key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "expire silence")),
		runbook: key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "runbook URL")),
	}}
}

// ID implements panes.Pane.
func (p *Pane) ID() string { return "monitor" }

// Title implements panes.Pane.
func (p *Pane) Title() string { return "Monitoring" }

// SetData implements panes.Pane; the pane reads its own data.
func (p *Pane) SetData(panes.Data) {}

// SetSize implements panes.Pane.
func (p *Pane) SetSize(w, h int) { p.width, p.height = w, h }

// Capturing implements panes.Pane: the open form takes every key.
func (p *Pane) Capturing() bool { return p.form != nil }

// Hints implements panes.Pane.
func (p *Pane) Hints() []key.Binding {
	if p.form != nil {
		return formHints()
	}
	sel := key.NewBinding(key.WithKeys("j", "k"), key.WithHelp("j/k", "select"))
	return []key.Binding{p.keys.silence, p.keys.expire, p.keys.runbook, sel}
}

// Commands implements panes.Pane.
func (p *Pane) Commands() []panes.Command {
	return []panes.Command{
		{Name: "monitor silence alert", Help: "silence the selected alert", Msg: SilenceSelected{}},
		{Name: "monitor expire silence", Help: "expire the selected silence", Msg: ExpireSelected{}},
		{Name: "monitor runbook", Help: "show the selected alert's runbook URL", Msg: ShowRunbook{}},
	}
}

// SilenceSelected, ExpireSelected and ShowRunbook are the palette's
// messages for the pane's actions on the selection.
type (
	SilenceSelected struct{}
	ExpireSelected  struct{}
	ShowRunbook     struct{}
)

// readResult is what the pane's read returns.
type readResult struct {
	status Status
	err    string
}

// Read implements panes.Reader.
func (p *Pane) Read(h *ops.Host, now time.Time) func(ctx context.Context) tea.Msg {
	read := p.deps.Read
	return func(ctx context.Context) tea.Msg {
		if read == nil {
			return readResult{err: "monitoring reads are not available"}
		}
		return readResult{status: read(ctx, h, now)}
	}
}

// Update implements panes.Pane.
func (p *Pane) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case panes.ReadDone:
		p.applyRead(msg)
	case SilenceSelected:
		return p.openForm()
	case ExpireSelected:
		return p.expire()
	case ShowRunbook:
		return p.showRunbook()
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
	n := len(p.selectable())
	switch {
	case key.Matches(msg, k.Up):
		p.sel = max(0, p.sel-1)
		p.runbook = ""
	case key.Matches(msg, k.Down):
		p.sel = max(0, min(n-1, p.sel+1))
		p.runbook = ""
	case key.Matches(msg, k.Top):
		p.sel, p.runbook = 0, ""
	case key.Matches(msg, k.Bottom):
		p.sel, p.runbook = max(0, n-1), ""
	case key.Matches(msg, k.PageUp):
		p.offset = max(0, p.offset-max(1, p.height-2))
	case key.Matches(msg, k.PageDown):
		p.offset += max(1, p.height-2)
	case key.Matches(msg, p.keys.silence):
		return p.openForm()
	case key.Matches(msg, p.keys.expire):
		return p.expire()
	case key.Matches(msg, p.keys.runbook):
		return p.showRunbook()
	}
	return nil
}

// applyRead keeps the newest status, or the previous one when the read as
// a whole failed; the selection is clamped to what is still there.
func (p *Pane) applyRead(d panes.ReadDone) {
	res, ok := d.Msg.(readResult)
	if !ok {
		return
	}
	switch {
	case d.Err != nil:
		p.readErr = "monitoring read did not finish: " + d.Err.Error()
		return
	case res.err != "":
		p.readErr = res.err
		return
	}
	p.readErr = ""
	st := res.status
	p.status = &st
	p.sel = max(0, min(p.sel, len(p.selectable())-1))
}

func notice(text string, warn bool) tea.Cmd {
	return func() tea.Msg { return panes.Notice{Text: text, Warn: warn} }
}
