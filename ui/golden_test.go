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
	type variant struct {
		name, scenario string
		opts           func(*Options)
	}
	var variants []variant
	for _, sc := range fixture.Scenarios {
		variants = append(variants, variant{sc.Name, sc.Name, nil})
	}
	variants = append(variants, variant{"demo_readonly", "healthy", func(o *Options) { o.Demo, o.ReadOnly = true, true }})
	sizes := [][2]int{{80, 24}, {160, 48}}
	for _, v := range variants {
		for _, size := range sizes {
			for i, pane := range []string{"pool", "scrub"} {
				name := fmt.Sprintf("%s_%s_%dx%d", pane, v.name, size[0], size[1])
				t.Run(name, func(t *testing.T) {
					st, now := scenario(t, v.scenario)
					frame := runFrame(t, st, now, size, v.opts, fmt.Sprint(i+1))
					golden.RequireEqual(t, []byte(frame))
				})
			}
		}
	}
}

// runFrame starts the program, waits for the first read to be drawn,
// focuses the pane, quits and returns the final frame.
func runFrame(t *testing.T, st ops.HostStatus, now time.Time, size [2]int, mod func(*Options), pane string) string {
	t.Helper()
	src := &fakeSource{status: st}
	o := Options{Host: "lab", Source: src, Clock: frozenAt(now), Styles: asciiStyles(t), Refresh: time.Hour}
	if mod != nil {
		mod(&o)
	}
	tm := teatest.NewTestModel(t, New(o), teatest.WithInitialTermSize(size[0], size[1]))
	// The first read has been drawn once the pool (or the error saying
	// why there is none) is on screen.
	loaded := func(b []byte) bool {
		return bytes.Contains(b, []byte("tank")) || bytes.Contains(b, []byte("cannot read"))
	}
	teatest.WaitFor(t, tm.Output(), loaded,
		teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(5*time.Millisecond))
	if pane != "1" {
		// The output reader only sees what is drawn after the last wait,
		// so only a pane switch has something new to wait for.
		tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(pane)})
		want := "[" + pane + " "
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(want)) },
			teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(5*time.Millisecond))
	}
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	return tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).View()
}
