package ui

import (
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ui/components/palette"
	"github.com/opsdeck/opsdeck/ui/panes"
	"github.com/opsdeck/opsdeck/ui/task"
)

// overlay is what covers the pane, if anything.
type overlay int

const (
	overlayNone overlay = iota
	overlayHelp
	overlayPalette
	overlayTasks
)

// Model is the root model: layout, focus and message routing. Panes draw
// the data, task runs actions, refresh.go owns the reads.
type Model struct {
	opts  Options
	env   panes.Env
	keys  globalKeys
	panes []panes.Pane

	active        int
	width, height int
	now           time.Time

	data  panes.Data
	reads reads
	conn  ConnState
	// paneReads are the reads of panes that read for themselves
	// (panes.Reader), by pane ID.
	paneReads map[string]*paneRead
	// actionOwner is the ID of the pane whose action runs (or awaits
	// confirmation); it receives the action's output.
	actionOwner string

	overlay  overlay
	palette  *palette.Palette
	commands []paletteCommand
	tasks    *task.Runner
	prompt   *prompt

	// switchHost is set when the operator asked to go back to the host
	// picker; the caller reads it with SwitchHost after the program ends.
	switchHost bool
	// quitArmed is set by a first q while an action runs.
	quitArmed bool
}

// New returns the console's root model.
func New(opts Options) *Model {
	opts.defaults()
	styles := opts.Styles
	m := &Model{opts: opts, keys: defaultGlobalKeys(), now: opts.Clock()}
	m.env = panes.Env{
		Styles: &styles, Keys: panes.DefaultNavKeys(), ReadOnly: opts.ReadOnly,
		ScrubWarnAge: opts.ScrubWarnAge, Host: m.host,
		CapacityWarn: opts.CapacityWarn, CapacityCrit: opts.CapacityCrit,
	}
	m.panes = registry(m.env, opts.Network, opts.Backup, opts.Monitor)
	m.tasks = task.New(opts.Executor, opts.ReadOnly, opts.Clock)
	m.data.Now = m.now
	return m
}

func (m *Model) host() *ops.Host {
	if m.opts.Source == nil {
		return nil
	}
	return m.opts.Source.Host()
}

// Init starts the first read, the refresh timer and the listeners for
// connection states and SSH prompts.
func (m *Model) Init() tea.Cmd {
	return tea.Batch(m.read(false), m.readPane(false), m.tick(), m.waitConn(), m.waitPrompt())
}

// Update routes msg.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m.now = m.opts.Clock()
	m.data.Now = m.now
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.resize()
		return m, nil
	case tickMsg:
		return m, tea.Batch(m.tick(), m.read(false), m.readPane(false))
	case readDoneMsg:
		m.applyRead(msg)
		return m, nil
	case paneReadMsg:
		return m, m.applyPaneRead(msg)
	case connMsg:
		return m, m.applyConn(msg.state)
	case promptMsg:
		m.prompt = newPrompt(msg.req)
		return m, m.waitPrompt()
	case task.Finished:
		// The action changed the host: read now rather than at the next
		// tick, dropping any read started before it finished.
		return m, tea.Batch(m.read(true), m.readPane(true), m.actionFinished(msg))
	case panes.RunAction:
		m.overlay = overlayNone
		return m, m.requestAction(msg)
	case panes.Notice:
		m.tasks.Notify(msg.Text, msg.Warn)
		return m, nil
	case tea.KeyMsg:
		return m, m.key(msg)
	case tea.MouseMsg:
		if m.overlay == overlayNone && m.tasks.Dialog() == nil && m.prompt == nil {
			return m, m.pane().Update(msg)
		}
		return m, nil
	}
	routed := m.routeOutput(msg)
	if cmd, ok := m.tasks.Update(msg); ok {
		return m, tea.Batch(routed, cmd)
	}
	return m, m.pane().Update(msg)
}

func (m *Model) pane() panes.Pane { return m.panes[m.active] }

func (m *Model) resize() {
	for _, p := range m.panes {
		p.SetSize(m.width, m.bodyHeight())
	}
}

// key routes a key to whatever has the keyboard: a prompt, the dialog, an
// overlay, a pane typing a filter, the console's keys, then the pane.
func (m *Model) key(k tea.KeyMsg) tea.Cmd {
	if k.String() == "ctrl+c" && m.tasks.Dialog() == nil {
		return m.quit()
	}
	switch {
	case m.prompt != nil:
		if m.prompt.key(k) {
			m.prompt = nil
		}
		return nil
	case m.tasks.Dialog() != nil:
		return m.tasks.Key(k)
	case m.overlay == overlayPalette:
		return m.paletteKey(k)
	case m.overlay != overlayNone:
		switch k.String() {
		case "esc", "q", "?", "t", "enter":
			m.overlay = overlayNone
		}
		return nil
	case m.pane().Capturing():
		return m.pane().Update(k)
	}
	g := m.keys
	switch {
	case key.Matches(k, g.Quit):
		if m.tasks.Running() && !m.quitArmed {
			// Quitting now would cut the action's cleanup short.
			m.quitArmed = true
			m.tasks.Notify("an action is running: x cancels it (cleanup runs); q again quits anyway", true)
			return nil
		}
		return m.quit()
	case key.Matches(k, g.Help):
		m.overlay = overlayHelp
	case key.Matches(k, g.Palette):
		m.openPalette()
	case key.Matches(k, g.Refresh):
		if m.reads.inFlight {
			m.tasks.Notify("a refresh is already running", false)
			return nil
		}
		return tea.Batch(m.read(false), m.readPane(false))
	case key.Matches(k, g.NextPane):
		return m.focus(m.active + 1)
	case key.Matches(k, g.PrevPane):
		return m.focus(m.active - 1)
	case key.Matches(k, g.SwitchHost):
		m.switchHost = true
		return m.quit()
	case key.Matches(k, g.Tasks):
		m.overlay = overlayTasks
	case key.Matches(k, g.CancelTask) && m.tasks.Running():
		m.tasks.Cancel()
	case len(k.Runes) == 1 && k.Runes[0] >= '1' && k.Runes[0] <= '9' && k.Type == tea.KeyRunes:
		if i := int(k.Runes[0] - '1'); i < len(m.panes) {
			return m.focus(i)
		}
	default:
		return m.pane().Update(k)
	}
	return nil
}

// focus makes pane i active and starts its own read if it has one.
func (m *Model) focus(i int) tea.Cmd {
	n := len(m.panes)
	m.active = ((i % n) + n) % n
	return m.readPaneOnFocus()
}

func (m *Model) quit() tea.Cmd {
	if m.reads.cancel != nil {
		m.reads.cancel()
	}
	m.cancelPaneReads()
	m.tasks.Cancel()
	if m.opts.Prompter != nil {
		m.opts.Prompter.Close()
	}
	return tea.Quit
}
