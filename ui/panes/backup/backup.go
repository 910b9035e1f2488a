// Package backup is the Backup pane: per dataset, how many snapshots there
// are, the newest and oldest with their ages against the dataset's RPO,
// the space they hold and their holds, filled progressively from one
// streamed listing; per restic repository, whether it is reachable, the
// newest backup per host and paths against its RPO, the last check, stale
// locks and the last restore drill. Its actions (snapshot now, retention
// prune, restic check, restore drill, unlock) go through the root's
// action model. It reads for itself (panes.Reader).
package backup

import (
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/opsdeck/opsdeck/ui/panes"
)

// Pane is the Backup pane.
type Pane struct {
	env           panes.Env
	deps          Deps
	width, height int
	now           time.Time
	keys          keys

	// read is true once the pane's own read arrived.
	read     bool
	usage    map[string]uint64
	stateKey string
	dsErr    string
	repos    []Repo
	repo     int

	// listing is the full listing in flight (nil: none); building holds
	// its rows so far; current the last completed (or, after a failure,
	// partial) listing's rows.
	listing           *listing
	building, current *summaries
	partial           bool
	listErr           string
	failedAt          time.Time
	listedAt          time.Time
	listedKey         string
	gen, chain        int
	listStarts        int

	cursor, offset int

	detail  *detail
	form    *snapForm
	preview *prunePreview
	picker  *filePicker
	subset  *subsetForm
	// pending is the title of the action handed to the root, running
	// the same once its output arrives, and output its last lines.
	pending, running string
	output           []string
}

type keys struct {
	open, snapshot, prune, check, checkSubset, drill, unlock, nextRepo key.Binding
}

// Messages the command palette sends.
type (
	// SnapshotNow opens the snapshot form for the selected dataset.
	SnapshotNow struct{}
	// PrunePreview previews the retention prune of the selected dataset.
	PrunePreview struct{}
	// CheckRepo runs restic check on the selected repository.
	CheckRepo struct{}
	// CheckSubset asks for --read-data-subset, then runs restic check.
	CheckSubset struct{}
	// RestoreDrill picks a file for a restore drill.
	RestoreDrill struct{}
	// UnlockRepo removes the selected repository's stale locks.
	UnlockRepo struct{}
)

// New returns the pane.
func New(env panes.Env, deps Deps) *Pane {
	b := key.NewBinding
	return &Pane{env: env, deps: deps, keys: keys{
		open:        b(key.WithKeys("enter"), key.WithHelp("enter", "dataset snapshots")),
		snapshot:    b(key.WithKeys("s"), key.WithHelp("s", "snapshot now")),
		prune:       b(key.WithKeys("p"), key.WithHelp("p", "prune preview")),
		check:       b(key.WithKeys("c"), key.WithHelp("c", "restic check")),
		checkSubset: b(key.WithKeys("C"), key.WithHelp("C", "check with data subset")),
		drill:       b(key.WithKeys("d"), key.WithHelp("d", "restore drill")),
		unlock:      b(key.WithKeys("u"), key.WithHelp("u", "unlock stale")),
		nextRepo:    b(key.WithKeys("]"), key.WithHelp("]", "next repository")),
	}}
}

// ID implements panes.Pane.
func (p *Pane) ID() string { return "backup" }

// Title implements panes.Pane.
func (p *Pane) Title() string { return "Backup" }

// SetData implements panes.Pane; only the clock is taken, the pane reads
// its own data.
func (p *Pane) SetData(d panes.Data) {
	if !d.Now.IsZero() {
		p.now = d.Now
	}
}

// SetSize implements panes.Pane.
func (p *Pane) SetSize(w, h int) { p.width, p.height = w, h }

// Capturing implements panes.Pane: forms, pickers and the preview take
// every key, so typed digits and q stay theirs.
func (p *Pane) Capturing() bool {
	return p.form != nil || p.picker != nil || p.preview != nil || p.subset != nil
}

// Hints implements panes.Pane.
func (p *Pane) Hints() []key.Binding {
	switch {
	case p.form != nil:
		return formHints()
	case p.picker != nil || p.preview != nil || p.subset != nil:
		return []key.Binding{
			key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "go on")),
			key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close")),
		}
	}
	k := p.keys
	out := []key.Binding{k.open, k.snapshot, k.prune, k.check, k.checkSubset, k.drill}
	if r := p.selectedRepo(); r != nil && r.StaleLocks > 0 {
		out = append(out, k.unlock)
	}
	if len(p.repos) > 1 {
		out = append(out, k.nextRepo)
	}
	return out
}

// Commands implements panes.Pane.
func (p *Pane) Commands() []panes.Command {
	return []panes.Command{
		{Name: "backup snapshot now", Help: "snapshot the selected dataset", Msg: SnapshotNow{}},
		{Name: "backup prune preview", Help: "what the keep policy would destroy and keep", Msg: PrunePreview{}},
		{Name: "backup restic check", Help: "check the selected restic repository", Msg: CheckRepo{}},
		{Name: "backup restic check subset", Help: "check the repository, reading a subset of its data", Msg: CheckSubset{}},
		{Name: "backup restore drill", Help: "restore one file and compare it with the live one", Msg: RestoreDrill{}},
		{Name: "backup restic unlock", Help: "remove stale restic locks", Msg: UnlockRepo{}},
	}
}

// Update implements panes.Pane.
func (p *Pane) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case panes.ReadDone:
		return p.applyRead(msg)
	case listBatchMsg:
		return p.onBatch(msg)
	case detailMsg:
		return p.applyDetail(msg)
	case filesMsg:
		p.applyFiles(msg)
	case panes.ActionOutput:
		p.actionLine(msg.Line)
	case panes.ActionDone:
		return p.actionDone(msg.Succeeded)
	case SnapshotNow:
		return p.openForm()
	case PrunePreview:
		return p.openPreview()
	case CheckRepo:
		return p.check()
	case CheckSubset:
		return p.openSubset()
	case RestoreDrill:
		return p.openPicker()
	case UnlockRepo:
		return p.unlock()
	case tea.MouseMsg:
		switch msg.Button {
		case tea.MouseButtonWheelUp:
			p.move(-1)
		case tea.MouseButtonWheelDown:
			p.move(1)
		}
	case tea.KeyMsg:
		return p.key(msg)
	}
	return nil
}

func notice(text string, warn bool) tea.Cmd {
	return func() tea.Msg { return panes.Notice{Text: text, Warn: warn} }
}
