package ui

import (
	"bytes"
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

// TestGolden runs the real program (teatest) over fixture data with a
// frozen clock and the ASCII profile, and compares the final frame of
// each pane with testdata/TestGolden/*.golden. Refresh with
// `go test ./ui -run TestGolden -update`.
func TestGolden(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	scenarios := []struct {
		name   string
		status func() ops.HostStatus
		opts   func(*Options)
	}{
		{"healthy", fixture.Healthy, nil},
		{"degraded", fixture.Degraded, nil},
		{"midscrub", fixture.MidScrub, nil},
		{"paused", fixture.Paused, nil},
		{"denied", fixture.PermissionDenied, nil},
		{"demo_readonly", fixture.Healthy, func(o *Options) { o.Demo, o.ReadOnly = true, true }},
	}
	sizes := [][2]int{{80, 24}, {160, 48}}
	for _, sc := range scenarios {
		for _, size := range sizes {
			for i, pane := range []string{"pool", "scrub"} {
				name := fmt.Sprintf("%s_%s_%dx%d", pane, sc.name, size[0], size[1])
				t.Run(name, func(t *testing.T) {
					frame := runFrame(t, sc.status(), size, sc.opts, fmt.Sprint(i+1))
					golden.RequireEqual(t, []byte(frame))
				})
			}
		}
	}
}

// runFrame starts the program, waits for the first read to be drawn,
// focuses the pane, quits and returns the final frame.
func runFrame(t *testing.T, st ops.HostStatus, size [2]int, mod func(*Options), pane string) string {
	t.Helper()
	src := &fakeSource{status: st}
	o := Options{Host: "lab", Source: src, Clock: frozen, Styles: asciiStyles(t), Refresh: time.Hour}
	if mod != nil {
		mod(&o)
	}
	tm := teatest.NewTestModel(t, New(o), teatest.WithInitialTermSize(size[0], size[1]))
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte("refreshed")) },
		teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(5*time.Millisecond))
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(pane)})
	want := map[string]string{"1": "[1 Pool]", "2": "[2 Scrub]"}[pane]
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(want)) },
		teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(5*time.Millisecond))
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	return tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).View()
}
