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
	"github.com/opsdeck/opsdeck/ui/internal/fixture"
)

// TestGoldenBackup runs the real program (teatest) on the Backup pane
// over each backup scenario once its listing has ended, and over a
// listing held part-way ("listing"), and compares the final frame with
// testdata/TestGoldenBackup/*.golden. Refresh with
// `go test ./ui -run TestGoldenBackup -update`.
func TestGoldenBackup(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	cases := []struct {
		name, scenario, want string
		holdAfter            int
	}{
		{"healthy", "healthy", "protected:", 0},
		{"stale", "stale", "2 datasets past RPO", 0},
		{"listing", "healthy", "listing… 200 snapshots so far", 200},
	}
	for _, size := range [][2]int{{80, 24}, {160, 48}} {
		for _, c := range cases {
			t.Run(fmt.Sprintf("%s_%dx%d", c.name, size[0], size[1]), func(t *testing.T) {
				sc, _ := fixture.GetBackup(c.scenario)
				f := fixture.NewFakeBackup(sc)
				f.HoldAfter = c.holdAfter
				t.Cleanup(f.Release)
				golden.RequireEqual(t, []byte(backupFrame(t, f, sc.Now, size, c.want)))
			})
		}
	}
}

// backupFrame shows the Backup pane until want is drawn.
func backupFrame(t *testing.T, f *fixture.FakeBackup, now time.Time, size [2]int, want string) string {
	t.Helper()
	st, _ := scenario(t, "healthy")
	o := Options{Host: "lab", Source: &fakeSource{status: st, host: &ops.Host{Name: "lab"}},
		Clock: frozenAt(now), Styles: asciiStyles(t), Refresh: time.Hour, Executor: testExecutor(t, false),
		Backup: f.Deps()}
	tm := teatest.NewTestModel(t, New(o), teatest.WithInitialTermSize(size[0], size[1]))
	waitFor(t, tm, "tank")
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("4")})
	waitFor(t, tm, want)
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	return tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).View()
}
