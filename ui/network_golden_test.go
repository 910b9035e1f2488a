package ui

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ui/format"
	"github.com/opsdeck/opsdeck/ui/internal/fixture"
	"github.com/opsdeck/opsdeck/ui/panes/network"
)

// TestGoldenNetwork runs the real program (teatest) on the Network pane
// over each network scenario's reads, one per refresh tick so the rates
// and sparklines have history, and compares the final frame with
// testdata/TestGoldenNetwork/*.golden; the "testing" frames show an
// iperf3 test in progress, fed recorded interval lines. Refresh with
// `go test ./ui -run TestGoldenNetwork -update`.
func TestGoldenNetwork(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	for _, size := range [][2]int{{80, 24}, {160, 48}} {
		for _, sc := range fixture.NetworkScenarios {
			t.Run(fmt.Sprintf("%s_%dx%d", sc.Name, size[0], size[1]), func(t *testing.T) {
				golden.RequireEqual(t, []byte(networkFrame(t, sc, size, false)))
			})
		}
		t.Run(fmt.Sprintf("testing_%dx%d", size[0], size[1]), func(t *testing.T) {
			sc, _ := fixture.GetNetwork("seed")
			golden.RequireEqual(t, []byte(networkFrame(t, sc, size, true)))
		})
	}
}

func waitFor(t *testing.T, tm *teatest.TestModel, want string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(want)) },
		teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(5*time.Millisecond))
}

// networkFrame shows the Network pane after every read of sc; testing
// then starts a two-stream iperf3 test to the first peer and waits for
// its third interval.
func networkFrame(t *testing.T, sc fixture.NetworkScenario, size [2]int, testing bool) string {
	t.Helper()
	st, _ := scenario(t, "healthy")
	ft := newFakeTester(t, "text_parallel2.txt", frozenAt(sc.Now))
	for i, l := range ft.lines {
		if strings.HasPrefix(l, "[SUM]   2.00-3.00") {
			ft.lines = ft.lines[:i+1]
			break
		}
	}
	ft.hold = true
	net := &fakeNet{reads: sc.Reads}
	o := Options{Host: "lab", Source: &fakeSource{status: st, host: &ops.Host{Name: "lab"}},
		Clock: frozenAt(sc.Now), Styles: asciiStyles(t), Refresh: time.Hour, Executor: testExecutor(t, false),
		Network: network.Deps{Read: net.read, Tester: ft, Peers: []network.Peer{{Name: "backup", Address: "10.8.0.2"}}}}
	tm := teatest.NewTestModel(t, New(o), teatest.WithInitialTermSize(size[0], size[1]))
	waitFor(t, tm, "tank")
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("3")})
	waitFor(t, tm, "Verdict")
	for _, rd := range sc.Reads[1:] {
		// Each read changes eth0's rate; once it is drawn the read is
		// done, so the next tick is not refused as a double read.
		tm.Send(tickMsg{})
		waitFor(t, tm, format.Rate(uint64(rd.Interfaces[1].RxRate)))
	}
	if testing {
		// Two streams, as the recorded output was made with -P 2.
		tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("i")})
		for _, k := range []tea.KeyType{tea.KeyDown, tea.KeyDown, tea.KeyDown, tea.KeyRight, tea.KeyEnter} {
			tm.Send(tea.KeyMsg{Type: k})
		}
		waitFor(t, tm, "[y/N]")
		tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("y")})
		waitFor(t, tm, "11 12")
	}
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	return tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).View()
}
