package ui

import (
	"context"
	"os"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/themes"
	"github.com/opsdeck/opsdeck/ui/internal/fixture"
)

// fakeSource returns a fixed status. When gate is set, Collect waits for
// it (or ctx) so tests can hold a read in flight.
type fakeSource struct {
	mu     sync.Mutex
	status ops.HostStatus
	host   *ops.Host
	gate   chan struct{}
	calls  int
}

func (f *fakeSource) Collect(ctx context.Context) ops.HostStatus {
	f.mu.Lock()
	f.calls++
	st, gate := f.status, f.gate
	f.mu.Unlock()
	if gate != nil {
		select {
		case <-gate:
		case <-ctx.Done():
		}
	}
	return st
}

func (f *fakeSource) Host() *ops.Host { return f.host }

func (f *fakeSource) set(st ops.HostStatus) {
	f.mu.Lock()
	f.status = st
	f.mu.Unlock()
}

func (f *fakeSource) callCount() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls
}

func asciiStyles(t testing.TB) themes.Styles {
	t.Helper()
	s, err := themes.New(themes.NameDark, termenv.Ascii, true)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestMain(m *testing.M) {
	// Text captures carry local times: read and show them in UTC so
	// frames are the same on every machine.
	time.Local = time.UTC
	os.Exit(m.Run())
}

// frozenAt is a clock stopped at t.
func frozenAt(t time.Time) func() time.Time { return func() time.Time { return t } }

// scenario is the HostStatus ops.Collect reads from a fixture scenario,
// and the scenario's clock.
func scenario(t testing.TB, name string) (ops.HostStatus, time.Time) {
	t.Helper()
	sc := fixture.Get(t, name)
	return sc.Collect(t), sc.Now
}

// newTestModel is a console at w×h over src with a frozen clock and plain
// ASCII styles.
func newTestModel(t testing.TB, src Source, now time.Time, w, h int, mod func(*Options)) *Model {
	t.Helper()
	o := Options{Host: "lab", Source: src, Clock: frozenAt(now), Styles: asciiStyles(t)}
	if mod != nil {
		mod(&o)
	}
	m := New(o)
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// loaded is newTestModel over a fixture scenario after one completed
// read.
func loaded(t testing.TB, name string, w, h int, mod func(*Options)) (*Model, *fakeSource) {
	t.Helper()
	st, now := scenario(t, name)
	src := &fakeSource{status: st}
	m := newTestModel(t, src, now, w, h, mod)
	run(m, m.read(false))
	return m, src
}

// run executes cmd and feeds its message (and those of batches) back into
// m, depth-first, skipping timers so tests do not wait for ticks.
func run(m *Model, cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	msg := cmd()
	switch msg := msg.(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			run(m, c)
		}
	case tickMsg:
	default:
		_, next := m.Update(msg)
		run(m, next)
	}
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
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}
}

// press sends keys one by one and runs what they return.
func press(m *Model, keys ...string) {
	for _, k := range keys {
		_, cmd := m.Update(keyMsg(k))
		run(m, cmd)
	}
}
