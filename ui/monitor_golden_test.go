package ui

import (
	"fmt"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"

	"github.com/opsdeck/opsdeck/ops"
)

// TestGoldenMonitor runs the real program (teatest) on the Monitoring
// pane over each monitoring scenario (firing alerts with silences;
// Alertmanager down) and compares the final frame with
// testdata/TestGoldenMonitor/*.golden. Refresh with
// `go test ./ui -run TestGoldenMonitor -update`.
func TestGoldenMonitor(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	for _, size := range [][2]int{{80, 24}, {160, 48}} {
		for _, name := range []string{"firing", "am_down"} {
			t.Run(fmt.Sprintf("%s_%dx%d", name, size[0], size[1]), func(t *testing.T) {
				golden.RequireEqual(t, []byte(monitorFrame(t, name, size)))
			})
		}
	}
}

func monitorFrame(t *testing.T, name string, size [2]int) string {
	t.Helper()
	st, now := scenario(t, "healthy")
	o := Options{Host: "lab", Source: &fakeSource{status: st, host: &ops.Host{Name: "lab"}},
		Clock: frozenAt(now), Styles: asciiStyles(t), Refresh: time.Hour, Executor: testExecutor(t, false),
		Monitor: monitorDeps(t, name)}
	tm := teatest.NewTestModel(t, New(o), teatest.WithInitialTermSize(size[0], size[1]))
	waitFor(t, tm, "tank")
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("5")})
	waitFor(t, tm, "Verdict")
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	return tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).View()
}
