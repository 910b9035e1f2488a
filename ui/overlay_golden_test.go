package ui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/opsdeck/opsdeck/ui/internal/fixture"
)

// TestGoldenOverlays pins the frames of the dialogs and overlays at
// 80×24, drawn through Update with a frozen clock and ASCII styles.
func TestGoldenOverlays(t *testing.T) {
	for _, c := range []struct {
		name     string
		scenario string
		readOnly bool
		keys     []string
	}{
		{"confirm_start", "healthy", false, []string{"2", "s"}},
		{"confirm_cancel_typing", "midscrub", false, []string{"2", "c", "t", "a"}},
		{"readonly_pause", "midscrub", true, []string{"2", "p"}},
		{"help", "healthy", false, []string{"?"}},
		{"palette", "midscrub", false, []string{":", "s", "c", "r"}},
		{"tasklog", "healthy", false, []string{"2", "s", "y", "t"}},
		{"filter", "healthy", false, []string{"j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "/", "h", "o"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			sc := fixture.Get(t, c.scenario)
			h, _ := sc.Host(t)
			m := newTestModel(t, NewHostSource(h, frozenAt(sc.Now)), sc.Now, 80, 24, func(o *Options) {
				o.ReadOnly = c.readOnly
				o.Executor = testExecutor(t, c.readOnly)
			})
			run(m, m.read(false))
			press(m, c.keys...)
			golden.RequireEqual(t, []byte(m.View()))
		})
	}
	t.Run("too_small", func(t *testing.T) {
		m, _ := loaded(t, "healthy", 80, 24, nil)
		m.Update(tea.WindowSizeMsg{Width: 20, Height: 5})
		golden.RequireEqual(t, []byte(m.View()))
	})
}
