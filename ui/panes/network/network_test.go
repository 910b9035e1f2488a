package network

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ops/action"
	"github.com/opsdeck/opsdeck/themes"
	"github.com/opsdeck/opsdeck/ui/internal/fixture"
	"github.com/opsdeck/opsdeck/ui/panes"
)

var testNow = time.Date(2026, 11, 26, 14, 2, 10, 0, time.UTC)

// stubTester records the specs it was asked for and keeps a fixed
// history.
type stubTester struct {
	specs  []Spec
	hist   []Result
	base   int
	marked int
}

func (s *stubTester) Action(_ *ops.Host, spec Spec) action.Action {
	s.specs = append(s.specs, spec)
	return action.Action{ID: "network.iperf3", Title: "iperf3 test", Target: spec.Label, Danger: action.Change,
		Steps: []action.Step{{Argv: []string{"iperf3", "-c", spec.Target}, Do: func(context.Context, action.StepEnv) error { return nil }}}}
}

func (s *stubTester) Parser(spec Spec) Parser {
	return NewLineParser(spec, func() time.Time { return testNow })
}

func (s *stubTester) History() ([]Result, int) { return s.hist, s.base }

func (s *stubTester) MarkBaseline() error { s.marked++; s.base = len(s.hist) - 1; return nil }

func newPane(t *testing.T, tester Tester, w, h int) *Pane {
	t.Helper()
	st, err := themes.New(themes.NameDark, termenv.Ascii, true)
	if err != nil {
		t.Fatal(err)
	}
	host := &ops.Host{Name: "lab"}
	env := panes.Env{Styles: &st, Keys: panes.DefaultNavKeys(), Host: func() *ops.Host { return host }}
	p := New(env, Deps{Tester: tester, Peers: []Peer{{Name: "backup", Address: "10.8.0.2"}}})
	p.SetSize(w, h)
	return p
}

// feed gives the pane the scenario's reads in order, as the root would.
func feed(p *Pane, name string, t *testing.T) {
	t.Helper()
	sc, ok := fixture.GetNetwork(name)
	if !ok {
		t.Fatalf("no network scenario %q", name)
	}
	for _, st := range sc.Reads {
		p.Update(panes.ReadDone{Msg: readResult{status: st, base: -1}})
	}
}

func press(p *Pane, ks ...string) tea.Cmd {
	var cmd tea.Cmd
	for _, k := range ks {
		var m tea.KeyMsg
		switch k {
		case "enter":
			m = tea.KeyMsg{Type: tea.KeyEnter}
		case "esc":
			m = tea.KeyMsg{Type: tea.KeyEsc}
		case "right":
			m = tea.KeyMsg{Type: tea.KeyRight}
		case "down":
			m = tea.KeyMsg{Type: tea.KeyDown}
		default:
			m = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
		}
		cmd = p.Update(m)
	}
	return cmd
}

func TestFormDispatchesRunAction(t *testing.T) {
	tester := &stubTester{base: -1}
	p := newPane(t, tester, 100, 30)
	feed(p, "seed", t)
	press(p, "i")
	if !p.Capturing() || !strings.Contains(p.View(), "Guided iperf3 test") {
		t.Fatalf("i did not open the form:\n%s", p.View())
	}
	// target → loopback, reverse on, streams 1 → 2, congestion → cubic.
	cmd := press(p, "right", "down", "right", "down", "down", "right", "down", "right", "enter")
	if p.Capturing() {
		t.Fatal("the form stayed open after enter")
	}
	if cmd == nil {
		t.Fatal("enter dispatched nothing")
	}
	ra, ok := cmd().(panes.RunAction)
	if !ok {
		t.Fatalf("enter sent %T, want panes.RunAction", cmd())
	}
	if ra.Pane != "network" || ra.Action.ID != "network.iperf3" {
		t.Fatalf("RunAction = pane %q action %q", ra.Pane, ra.Action.ID)
	}
	want := Spec{Target: "127.0.0.1", Label: loopback.Label, Loopback: true, Reverse: true,
		Duration: 10 * time.Second, Streams: 2, Congestion: "cubic"}
	if len(tester.specs) != 1 || tester.specs[0] != want {
		t.Fatalf("spec = %+v, want %+v", tester.specs, want)
	}
}

func TestFormPeerTargetAndEsc(t *testing.T) {
	tester := &stubTester{base: -1}
	p := newPane(t, tester, 80, 24)
	press(p, "i", "q") // q closes the form rather than quitting
	if p.Capturing() {
		t.Fatal("q did not close the form")
	}
	cmd := press(p, "i", "enter")
	if _, ok := cmd().(panes.RunAction); !ok || tester.specs[0].Target != "10.8.0.2" || tester.specs[0].Loopback {
		t.Fatalf("default target = %+v, want the first peer", tester.specs)
	}
	if tester.specs[0].Label != "backup" {
		t.Fatalf("label = %q", tester.specs[0].Label)
	}
}

func TestNoTesterSaysSo(t *testing.T) {
	p := newPane(t, nil, 80, 24)
	cmd := press(p, "i")
	n, ok := cmd().(panes.Notice)
	if !ok || !n.Warn || p.Capturing() {
		t.Fatalf("i without a tester: %#v", cmd())
	}
}

func recorded(t *testing.T, name string) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "ops", "iperf", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if !strings.HasPrefix(l, "# $") {
			out = append(out, l)
		}
	}
	return out
}

func TestLiveTestDrawsIntervalsAndResult(t *testing.T) {
	base := Result{At: testNow.Add(-24 * time.Hour), Target: "127.0.0.1", Streams: 1, Duration: 10 * time.Second,
		SentBps: 25e9, ReceivedBps: 25e9, Retransmits: 0, CPULocal: -1, CPURemote: -1}
	tester := &stubTester{hist: []Result{base}, base: 0}
	p := newPane(t, tester, 120, 40)
	feed(p, "healthy", t)
	p.hist, p.base = tester.History()
	press(p, "i", "right", "enter")
	if v := p.View(); strings.Contains(v, "iperf3 test ") {
		t.Fatalf("a test not yet confirmed is drawn as running:\n%s", v)
	}
	lines := recorded(t, "text_1stream.txt")
	for _, l := range lines[:6] {
		p.Update(panes.ActionOutput{Line: l})
	}
	v := p.View()
	if !strings.Contains(v, "running") || !strings.Contains(v, "18.3 Gbit/s") || !strings.Contains(v, "retransmits per interval: 4 0 0") {
		t.Fatalf("live intervals not drawn:\n%s", v)
	}
	for _, l := range lines[6:] {
		p.Update(panes.ActionOutput{Line: l})
	}
	p.Update(panes.ActionDone{Succeeded: true})
	v = p.View()
	for _, want := range []string{"finished", "sent 20.3 Gbit/s", "received 20.3 Gbit/s", "retransmits 4", "vs baseline 25.0 Gbit/s", "-18.7%"} {
		if !strings.Contains(v, want) {
			t.Errorf("result lacks %q:\n%s", want, v)
		}
	}
}

func TestMarkBaseline(t *testing.T) {
	tester := &stubTester{hist: []Result{{At: testNow, Target: "10.8.0.2", ReceivedBps: 9e8}}, base: -1}
	p := newPane(t, tester, 80, 24)
	cmd := press(p, "b")
	n, ok := cmd().(panes.Notice)
	if !ok || n.Warn || tester.marked != 1 || !strings.Contains(n.Text, "baseline: ") {
		t.Fatalf("b: %#v, marked %d", cmd(), tester.marked)
	}
	if p.base != 0 {
		t.Fatal("the pane did not reload the baseline")
	}
}

func TestViewFitsEverySize(t *testing.T) {
	for _, sc := range []string{"seed", "healthy"} {
		for _, size := range [][2]int{{40, 6}, {80, 20}, {120, 30}, {160, 44}} {
			p := newPane(t, &stubTester{base: -1}, size[0], size[1])
			feed(p, sc, t)
			for _, k := range []string{"", "G", "i"} {
				if k != "" {
					press(p, k)
				}
				lines := strings.Split(p.View(), "\n")
				if len(lines) != size[1] {
					t.Fatalf("%s %v %q: %d lines", sc, size, k, len(lines))
				}
				for _, l := range lines {
					if w := ansi.StringWidth(l); w != size[0] {
						t.Fatalf("%s %v %q: line of width %d: %q", sc, size, k, w, l)
					}
				}
			}
		}
	}
}

func TestReadTimeoutKeepsPreviousData(t *testing.T) {
	p := newPane(t, nil, 100, 30)
	feed(p, "seed", t)
	p.Update(panes.ReadDone{Msg: readResult{}, Err: context.DeadlineExceeded})
	v := p.View()
	if !strings.Contains(v, "did not finish") || !strings.Contains(v, "showing the previous read") || !strings.Contains(v, "wg0") {
		t.Fatalf("timeout view:\n%s", v)
	}
}

func TestSectionErrorsAndUnusedWireGuard(t *testing.T) {
	p := newPane(t, nil, 100, 60)
	p.Update(panes.ReadDone{Msg: readResult{status: ops.NetworkStatus{
		CollectedAt: testNow, WireGuardNote: "wg is not installed: WireGuard not in use",
		Errors: map[string]string{"sysctl": "sysctl: permission denied", "interfaces": "ip: command not found"},
	}}})
	v := p.View()
	for _, want := range []string{"WireGuard not in use", "! cannot read sysctl: sysctl: permission denied",
		"! cannot read interfaces: ip: command not found", "BDP target   unknown"} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, "no interfaces") {
		t.Error("a failed interface read is called empty")
	}
	p.Update(panes.ReadDone{Msg: readResult{status: ops.NetworkStatus{CollectedAt: testNow}}})
	if v := p.View(); !strings.Contains(v, "  not in use") || !strings.Contains(v, "no interfaces") {
		t.Errorf("empty read:\n%s", v)
	}
}

func TestFailedTestSaysWhy(t *testing.T) {
	p := newPane(t, &stubTester{base: -1}, 120, 40)
	feed(p, "seed", t)
	press(p, "i", "enter")
	for _, l := range recorded(t, "text_refused_V.txt") {
		p.Update(panes.ActionOutput{Line: l})
	}
	p.Update(panes.ActionDone{Succeeded: false})
	v := p.View()
	for _, want := range []string{"failed or cancelled", "connection to the target refused"} {
		if !strings.Contains(v, want) {
			t.Errorf("failed test lacks %q:\n%s", want, v)
		}
	}
}
