package backup

import (
	"context"
	"fmt"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// filesTimeout bounds listing the latest restic snapshot's files.
const filesTimeout = time.Minute

// filePicker chooses the restore drill's file from the latest restic
// snapshot.
type filePicker struct {
	repo    string
	loading bool
	err     string
	files   []string
	cursor  int
}

type filesMsg struct {
	repo  string
	files []string
	err   error
}

// openPicker lists the latest snapshot's files off the UI goroutine.
func (p *Pane) openPicker() tea.Cmd {
	r := p.selectedRepo()
	if r == nil {
		return notice("restore drill: no restic repository configured", true)
	}
	if p.deps.Files == nil || p.deps.Actions.RestoreDrill == nil {
		return notice("restore drills are not available in this console", true)
	}
	h, cmd := p.host("restore drill")
	if h == nil {
		return cmd
	}
	p.picker = &filePicker{repo: r.Name, loading: true}
	files, repo := p.deps.Files, r.Name
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), filesTimeout)
		defer cancel()
		fs, err := files(ctx, h, repo)
		return filesMsg{repo: repo, files: fs, err: err}
	}
}

func (p *Pane) applyFiles(m filesMsg) {
	f := p.picker
	if f == nil || f.repo != m.repo {
		return
	}
	f.loading = false
	if m.err != nil {
		f.err = m.err.Error()
		return
	}
	f.files = m.files
	if len(f.files) == 0 {
		f.err = "the latest snapshot has no files to restore"
	}
}

func (p *Pane) pickerKey(k tea.KeyMsg) tea.Cmd {
	f := p.picker
	switch k.String() {
	case "esc", "q":
		p.picker = nil
	case "up", "k":
		f.cursor = max(0, f.cursor-1)
	case "down", "j":
		f.cursor = min(max(0, len(f.files)-1), f.cursor+1)
	case "pgup":
		f.cursor = max(0, f.cursor-10)
	case "pgdown":
		f.cursor = min(max(0, len(f.files)-1), f.cursor+10)
	case "enter":
		if f.loading || len(f.files) == 0 {
			return nil
		}
		h, cmd := p.host("restore drill")
		if h == nil {
			return cmd
		}
		a, err := p.deps.Actions.RestoreDrill(h, f.repo, f.files[f.cursor])
		if err != nil {
			f.err = err.Error()
			return nil
		}
		p.picker = nil
		return p.dispatch(a)
	}
	return nil
}

// view draws the picker's lines, at most rows file lines around the
// cursor.
func (f *filePicker) view(p *Pane, rows int) []string {
	s := p.env.Styles
	out := []string{s.Title.Render("Restore drill — " + f.repo)}
	switch {
	case f.loading:
		return append(out, s.Muted.Render("listing the latest snapshot's files…"))
	case f.err != "":
		return append(out, s.Crit.Render("! "+f.err), s.Muted.Render("esc close"))
	}
	out = append(out, s.Muted.Render(fmt.Sprintf("pick a file (%d) to restore into a temporary directory and compare:", len(f.files))))
	rows = max(1, rows)
	start := clamp(f.cursor-rows/2, 0, max(0, len(f.files)-rows))
	for i := start; i < min(len(f.files), start+rows); i++ {
		if i == f.cursor {
			out = append(out, s.Selected.Render("› "+f.files[i]))
		} else {
			out = append(out, "  "+f.files[i])
		}
	}
	return append(out, s.Muted.Render("↑/↓ choose · enter drill (asks first) · esc close"))
}
