package monitor

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ops/action"
	"github.com/opsdeck/opsdeck/ops/monitor"
	"github.com/opsdeck/opsdeck/themes"
	"github.com/opsdeck/opsdeck/ui/internal/fixture"
	"github.com/opsdeck/opsdeck/ui/panes"
)

var _ panes.Reader = (*Pane)(nil)

// calls records what the pane asked its deps to build.
type calls struct {
	silenced []string
	expired  []string
}

func (c *calls) deps(st Status) Deps {
	return Deps{
		Read: func(context.Context, *ops.Host, time.Time) Status { return st },
		Silence: func(_ *ops.Host, a monitor.Alert, d time.Duration, author, comment string) action.Action {
			c.silenced = append(c.silenced, strings.Join([]string{a.Name, d.String(), author, comment}, "|"))
			return action.Action{ID: monitor.SilenceActionID, Title: "silence " + a.Name}
		},
		Expire: func(_ *ops.Host, id string) action.Action {
			c.expired = append(c.expired, id)
			return action.Action{ID: monitor.ExpireSilenceActionID, Title: "expire " + id}
		},
		Author: "oncall@laptop",
	}
}

func scenario(t *testing.T, name string) Status {
	t.Helper()
	all, err := fixture.MonitorScenarios()
	if err != nil {
		t.Fatal(err)
	}
	for _, sc := range all {
		if sc.Name == name {
			return Status{Prometheus: sc.Prometheus, Alertmanager: sc.Alertmanager, NodeExporter: sc.NodeExporter, Sparklines: sc.Sparklines}
		}
	}
	t.Fatalf("no monitor scenario %q", name)
	return Status{}
}

// newPane is the pane after one read of scenario name.
func newPane(t *testing.T, name string, c *calls) *Pane {
	t.Helper()
	st, err := themes.New(themes.NameDark, termenv.Ascii, true)
	if err != nil {
		t.Fatal(err)
	}
	host := &ops.Host{Name: "lab"}
	p := New(panes.Env{Styles: &st, Keys: panes.DefaultNavKeys(), Host: func() *ops.Host { return host }}, c.deps(scenario(t, name)))
	p.SetSize(160, 60)
	msg := p.Read(host, fixture.MonitorNow)(context.Background())
	p.Update(panes.ReadDone{Msg: msg})
	return p
}

func press(p *Pane, ks ...string) tea.Cmd {
	var cmd tea.Cmd
	for _, k := range ks {
		var m tea.KeyMsg
		switch k {
		case "enter":
			m = tea.KeyMsg{Type: tea.KeyEnter}
		case "tab":
			m = tea.KeyMsg{Type: tea.KeyTab}
		case "backspace":
			m = tea.KeyMsg{Type: tea.KeyBackspace}
		default:
			m = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
		}
		cmd = p.Update(m)
	}
	return cmd
}

func TestSelectionCoversAlertsThenSilences(t *testing.T) {
	p := newPane(t, "firing", &calls{})
	if it, ok := p.selected(); !ok || it.alert == nil || it.alert.Name != "PoolDegraded" {
		t.Fatalf("first selection %+v, want the critical PoolDegraded alert", it)
	}
	press(p, "j")
	if it, _ := p.selected(); it.alert == nil || it.alert.Name != "AlwaysFiring" {
		t.Fatalf("second selection %+v", it)
	}
	press(p, "j")
	if it, _ := p.selected(); it.silence == nil {
		t.Fatalf("third selection %+v, want the first silence", it)
	}
	press(p, "G", "j", "j")
	if n := len(p.selectable()); p.sel != n-1 {
		t.Fatalf("selection %d ran past the last row %d", p.sel, n-1)
	}
	if !strings.Contains(ansi.Strip(p.View()), "› ") {
		t.Fatal("the selected row is not marked")
	}
}

func TestSilenceFormValidatesThenDispatches(t *testing.T) {
	c := &calls{}
	p := newPane(t, "firing", c)
	if cmd := press(p, "s"); cmd != nil || p.form == nil || !p.Capturing() {
		t.Fatal("s did not open the silence form")
	}
	if cmd := press(p, "enter"); cmd != nil || !strings.Contains(p.form.err, "comment is required") {
		t.Fatalf("an empty comment was accepted (err %q)", p.form.err)
	}
	press(p, "d", "i", "s", "k", " ", "s", "w", "a", "p")
	// Duration is the field before the comment: make it malformed.
	press(p, "tab", "tab", "backspace", "backspace", "x")
	if cmd := press(p, "enter"); cmd != nil || !strings.Contains(p.form.err, "duration") {
		t.Fatalf("a bad duration was accepted (err %q)", p.form.err)
	}
	press(p, "backspace", "3", "0", "m")
	cmd := press(p, "enter")
	if cmd == nil || p.form != nil {
		t.Fatal("a valid form was not sent")
	}
	ra, ok := cmd().(panes.RunAction)
	if !ok || ra.Action.ID != monitor.SilenceActionID || ra.Pane != "monitor" {
		t.Fatalf("dispatched %#v", ra)
	}
	if want := "PoolDegraded|30m0s|oncall@laptop|disk swap"; len(c.silenced) != 1 || c.silenced[0] != want {
		t.Fatalf("silence built with %v, want %s", c.silenced, want)
	}
}

func TestExpireNeedsASilence(t *testing.T) {
	c := &calls{}
	p := newPane(t, "firing", c)
	if msg := press(p, "e")(); msg.(panes.Notice).Text != "select a silence to expire" {
		t.Fatalf("e on an alert: %#v", msg)
	}
	press(p, "j", "j")
	it, _ := p.selected()
	ra, ok := press(p, "e")().(panes.RunAction)
	if !ok || len(c.expired) != 1 || c.expired[0] != it.silence.ID || ra.Action.ID != monitor.ExpireSilenceActionID {
		t.Fatalf("expire dispatched %#v for %v", ra, c.expired)
	}
}

func TestRunbookShownAsText(t *testing.T) {
	p := newPane(t, "firing", &calls{})
	p.SetSize(20, 30) // narrower than the URL: it must be broken, not cut
	press(p, "u")
	lines := strings.Split(ansi.Strip(p.View()), "\n")
	if !strings.HasPrefix(lines[1], "runbook") {
		t.Fatalf("no runbook line:\n%s", strings.Join(lines, "\n"))
	}
	if got := strings.TrimSpace(lines[2]) + strings.TrimSpace(lines[3]) + strings.TrimSpace(lines[4]); !strings.HasPrefix(got, "https://wiki.example/runbooks/pool") {
		t.Fatalf("URL not whole across lines: %q", got)
	}
	press(p, "u")
	if strings.Contains(ansi.Strip(p.View()), "runbook") {
		t.Fatal("u did not hide the runbook")
	}
	press(p, "u", "j")
	if strings.Contains(ansi.Strip(p.View()), "runbook:") {
		t.Fatal("the runbook line outlived the selection")
	}
}

func TestAlertmanagerDownLeavesTheRest(t *testing.T) {
	p := newPane(t, "am_down", &calls{})
	v := ansi.Strip(p.View())
	for _, want := range []string{
		"Alertmanager unreachable at http://127.0.0.1:9093: connection refused",
		"Prometheus up", "node_exporter up", "pool tank", "degraded",
		"Verdict unreachable: Alertmanager connection refused",
		"net receive", "96.8M/s", "ARC hit ratio", "87.00%",
	} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}
	if msg := press(p, "s")(); msg.(panes.Notice).Text != "select an alert to silence" {
		t.Fatalf("s with Alertmanager down: %#v", msg)
	}
}

func TestVerdictOrder(t *testing.T) {
	st := scenario(t, "firing")
	if text, lvl := verdict(&st); lvl != 2 || !strings.HasPrefix(text, "critical firing: PoolDegraded") {
		t.Fatalf("verdict %q level %d", text, lvl)
	}
	st.Alertmanager.Groups = nil
	st.Prometheus.Targets[0].Health = "down"
	if text, _ := verdict(&st); !strings.HasPrefix(text, "1 target(s) down: node/") {
		t.Fatalf("verdict %q, want the down target", text)
	}
}
