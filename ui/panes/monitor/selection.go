package monitor

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ops/monitor"
	"github.com/opsdeck/opsdeck/ui/panes"
)

// item is one selectable row: an alert or a silence.
type item struct {
	alert   *monitor.Alert
	silence *monitor.Silence
}

// selectable lists the rows j/k move over, in the order they are drawn:
// the alerts group by group, then the silences.
func (p *Pane) selectable() []item {
	if p.status == nil || !p.status.Alertmanager.Service.Reachable {
		return nil
	}
	am := &p.status.Alertmanager
	var out []item
	for gi := range am.Groups {
		for ai := range am.Groups[gi].Alerts {
			out = append(out, item{alert: &am.Groups[gi].Alerts[ai]})
		}
	}
	for si := range am.Silences {
		out = append(out, item{silence: &am.Silences[si]})
	}
	return out
}

// selected is the selected row, or false when there is none.
func (p *Pane) selected() (item, bool) {
	items := p.selectable()
	if p.sel < 0 || p.sel >= len(items) {
		return item{}, false
	}
	return items[p.sel], true
}

// expire asks the root to run the expiry of the selected silence.
func (p *Pane) expire() tea.Cmd {
	it, ok := p.selected()
	switch {
	case !ok || it.silence == nil:
		return notice("select a silence to expire", true)
	case it.silence.State == monitor.SilenceExpired:
		return notice("silence "+it.silence.ID+" has already expired", true)
	case p.deps.Expire == nil:
		return notice("expiring silences is not available", true)
	}
	h := p.host()
	if h == nil {
		return notice("expire silence: not available without a host connection", true)
	}
	a := p.deps.Expire(h, it.silence.ID)
	return func() tea.Msg { return panes.RunAction{Action: a, Pane: p.ID()} }
}

// showRunbook shows the selected alert's runbook or generator URL as text
// to copy: a browser cannot be opened on the far side of SSH.
func (p *Pane) showRunbook() tea.Cmd {
	it, ok := p.selected()
	if !ok || it.alert == nil {
		return notice("select an alert to show its runbook", true)
	}
	u := monitor.RunbookText(*it.alert)
	if u == "" {
		return notice(it.alert.Name+" has no runbook_url or generator URL", true)
	}
	if p.runbook == u {
		p.runbook = "" // u toggles
		return nil
	}
	p.runbook = u
	return nil
}

// host is the host actions run on, nil when there is none.
func (p *Pane) host() *ops.Host {
	if p.env.Host == nil {
		return nil
	}
	return p.env.Host()
}
