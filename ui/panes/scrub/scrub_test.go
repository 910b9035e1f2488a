package scrub

import (
	"os"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ops/action"
	"github.com/opsdeck/opsdeck/themes"
	"github.com/opsdeck/opsdeck/ui/internal/fixture"
	"github.com/opsdeck/opsdeck/ui/panes"
)

func TestMain(m *testing.M) {
	time.Local = time.UTC // text captures carry local times
	os.Exit(m.Run())
}

// built records which builder the pane chose.
func builder(verb string) Builder {
	return func(_ *ops.Host, p ops.Pool) action.Action {
		return action.Action{ID: verb, Title: verb, Target: p.Name}
	}
}

func pane(t *testing.T, scenario string) *Pane {
	t.Helper()
	s, _ := themes.New(themes.NameDark, termenv.Ascii, true)
	sc := fixture.Get(t, scenario)
	h, _ := sc.Host(t)
	p := New(panes.Env{Styles: &s, Keys: panes.DefaultNavKeys(), ScrubWarnAge: 35 * 24 * time.Hour,
		Host: func() *ops.Host { return h }},
		Actions{Start: builder("start"), Pause: builder("pause"), Resume: builder("resume"), Cancel: builder("cancel")})
	d := panes.Merge(panes.Data{}, sc.Collect(t))
	d.Now = sc.Now
	p.SetData(d)
	p.SetSize(100, 20)
	return p
}

func keyOut(p *Pane, k string) tea.Msg {
	cmd := p.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)})
	if cmd == nil {
		return nil
	}
	return cmd()
}

func TestKeysFollowScanState(t *testing.T) {
	for _, c := range []struct {
		scenario string
		// want maps a key to the action it builds, or "" for a refusal.
		want map[string]string
		hint string
	}{
		{"healthy", map[string]string{"s": "start", "p": "", "c": ""}, "s start scrub"},
		{"midscrub", map[string]string{"s": "", "p": "pause", "c": "cancel"}, "p pause · c cancel"},
		{"paused", map[string]string{"s": "resume", "p": "", "c": "cancel"}, "s resume scrub · c cancel"},
		{"resilver", map[string]string{"s": "", "p": "", "c": ""}, ""},
	} {
		p := pane(t, c.scenario)
		for k, want := range c.want {
			msg := keyOut(p, k)
			switch m := msg.(type) {
			case panes.RunAction:
				if m.Action.ID != want || m.Action.Target != "tank" {
					t.Errorf("%s %s: built %s on %s, want %q", c.scenario, k, m.Action.ID, m.Action.Target, want)
				}
			case panes.Notice:
				if want != "" {
					t.Errorf("%s %s: refused (%s), want %s", c.scenario, k, m.Text, want)
				}
			default:
				t.Errorf("%s %s: %T", c.scenario, k, msg)
			}
		}
		if v := p.View(); c.hint != "" && !strings.Contains(v, c.hint) {
			t.Errorf("%s: hint %q missing:\n%s", c.scenario, c.hint, v)
		}
	}
}

func TestViewStates(t *testing.T) {
	for scenario, wants := range map[string][]string{
		"midscrub": {"scrub in progress", "3.30%", "at 14.8M/s", "ETA 00:00:58"},
		"paused":   {"scrub paused since", "3.23%", "29.0M / 896M issued"},
		"degraded": {"older than 35d", "no schedule"},
		"healthy":  {"last scrub finished", "second Sunday of every month"},
		"resilver": {"resilver in progress", "no estimated completion time"},
	} {
		v := pane(t, scenario).View()
		for _, w := range wants {
			if !strings.Contains(v, w) {
				t.Errorf("%s: %q missing:\n%s", scenario, w, v)
			}
		}
	}
	if v := pane(t, "paused").View(); strings.Contains(v, "ETA") {
		t.Errorf("paused scrub shows an ETA:\n%s", v)
	}
}
