package backup_test

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/themes"
	"github.com/opsdeck/opsdeck/ui/internal/fixture"
	"github.com/opsdeck/opsdeck/ui/panes"
	"github.com/opsdeck/opsdeck/ui/panes/backup"
)

// newPane is the pane over a fake serving scenario name, at w×h.
func newPane(t testing.TB, name string, w, h int) (*backup.Pane, *fixture.FakeBackup, time.Time) {
	t.Helper()
	sc, ok := fixture.GetBackup(name)
	if !ok {
		t.Fatalf("no backup scenario %q", name)
	}
	f := fixture.NewFakeBackup(sc)
	t.Cleanup(f.Release)
	return paneWith(t, f.Deps(), sc.Now, w, h), f, sc.Now
}

func paneWith(t testing.TB, deps backup.Deps, now time.Time, w, h int) *backup.Pane {
	t.Helper()
	st, err := themes.New(themes.NameDark, termenv.Ascii, true)
	if err != nil {
		t.Fatal(err)
	}
	host := &ops.Host{Name: "lab"}
	p := backup.New(panes.Env{Styles: &st, Keys: panes.DefaultNavKeys(), Host: func() *ops.Host { return host }}, deps)
	p.SetSize(w, h)
	p.SetData(panes.Data{Now: now})
	return p
}

// read runs the pane's own read and hands it the result, as the root
// does; it returns what the pane asked for (the listing's first wait).
func read(p *backup.Pane, now time.Time) tea.Cmd {
	msg := p.Read(&ops.Host{Name: "lab"}, now)(context.Background())
	return p.Update(panes.ReadDone{Msg: msg})
}

// blockedFor is how long pump waits for a command, once the fake holds
// its listing, before taking the command as blocked on it.
const blockedFor = 150 * time.Millisecond

// pumpTimeout fails a test whose command neither returns nor waits on a
// held listing.
const pumpTimeout = 20 * time.Second

// pump runs cmd and feeds its messages to p until a command blocks on a
// held listing or nothing is left. held says whether the fake holds its
// listing (nil: never); only then is a silent command taken as blocked,
// so a slow, race-instrumented run is never mistaken for a held listing.
// It it returns the blocked command (still
// waiting) and every message that was not a pane message (RunAction,
// Notice).
func pump(t testing.TB, p *backup.Pane, held func() bool, cmd tea.Cmd) (tea.Cmd, []tea.Msg) {
	t.Helper()
	var out []tea.Msg
	for cmd != nil {
		ch := make(chan tea.Msg, 1)
		c := cmd
		go func() { ch <- c() }()
		msg, ok := await(ch, held)
		if !ok {
			return func() tea.Msg { return <-ch }, out
		}
		switch msg.(type) {
		case panes.RunAction, panes.Notice:
			out = append(out, msg)
			cmd = nil
		default:
			cmd = p.Update(msg)
		}
	}
	return nil, out
}

// await is ch's message, or false once the listing is held and nothing
// came for blockedFor.
func await(ch chan tea.Msg, held func() bool) (tea.Msg, bool) {
	deadline := time.After(pumpTimeout)
	for {
		select {
		case msg := <-ch:
			return msg, true
		case <-time.After(blockedFor):
			if held != nil && held() {
				return nil, false
			}
		case <-deadline:
			panic("a command neither returned nor waited on a held listing")
		}
	}
}

func keys(t testing.TB, p *backup.Pane, ks ...string) []tea.Msg {
	t.Helper()
	var out []tea.Msg
	for _, k := range ks {
		_, msgs := pump(t, p, nil, p.Update(keyMsg(k)))
		out = append(out, msgs...)
	}
	return out
}

func keyMsg(s string) tea.KeyMsg {
	switch s {
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	case "tab":
		return tea.KeyMsg{Type: tea.KeyTab}
	case "backspace":
		return tea.KeyMsg{Type: tea.KeyBackspace}
	case " ":
		return tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}
}

func mustContain(t testing.TB, v string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(v, w) {
			t.Errorf("view lacks %q:\n%s", w, v)
		}
	}
}

func mustNotContain(t testing.TB, v string, nots ...string) {
	t.Helper()
	for _, w := range nots {
		if strings.Contains(v, w) {
			t.Errorf("view has %q:\n%s", w, v)
		}
	}
}

type fixtureFake = fixture.FakeBackup

// withPlan is the healthy scenario's deps with a policy keeping the
// newest n automatic snapshots.
func withPlan(t testing.TB, n int) backup.Deps {
	t.Helper()
	sc, _ := fixture.GetBackup("healthy")
	f := fixture.NewFakeBackup(sc)
	d := f.Deps()
	d.Plan = fixture.KeepNewest(n)
	return d
}
