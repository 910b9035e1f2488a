package ui

import (
	"context"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/opsdeck/opsdeck/ui/panes"
)

// paneRead is the read state of one panes.Reader, with the same
// guarantees as the main read: a sequence number that makes late results
// recognisable and an in-flight guard.
type paneRead struct {
	seq      int
	inFlight bool
	cancel   context.CancelFunc
	// last is when the newest result arrived; zero before the first.
	last time.Time
	// started counts reads issued, for the tests.
	started int
}

// paneReadMsg carries one pane read's result, tagged with the pane it is
// for and the read's sequence number.
type paneReadMsg struct {
	pane string
	seq  int
	done panes.ReadDone
}

// paneReadState returns the read state of the pane with id, creating it.
func (m *Model) paneReadState(id string) *paneRead {
	if m.paneReads == nil {
		m.paneReads = map[string]*paneRead{}
	}
	st, ok := m.paneReads[id]
	if !ok {
		st = &paneRead{}
		m.paneReads[id] = st
	}
	return st
}

// readPane starts the active pane's own read if it has one and none is in
// flight; force cancels the one in flight instead (its result is dropped).
func (m *Model) readPane(force bool) tea.Cmd {
	r, ok := m.pane().(panes.Reader)
	if !ok || m.opts.Source == nil {
		return nil
	}
	id := m.pane().ID()
	st := m.paneReadState(id)
	if st.inFlight {
		if !force {
			return nil
		}
		st.cancel()
	}
	st.seq++
	st.started++
	seq := st.seq
	ctx, cancel := context.WithTimeout(context.Background(), m.opts.ReadTimeout)
	st.inFlight, st.cancel = true, cancel
	fn := r.Read(m.opts.Source.Host(), m.now)
	return func() tea.Msg {
		defer cancel()
		msg := fn(ctx)
		return paneReadMsg{pane: id, seq: seq, done: panes.ReadDone{Msg: msg, Err: ctx.Err()}}
	}
}

// readPaneOnFocus reads a Reader pane that just became active unless its
// data is younger than one refresh interval.
func (m *Model) readPaneOnFocus() tea.Cmd {
	if _, ok := m.pane().(panes.Reader); !ok {
		return nil
	}
	st := m.paneReadState(m.pane().ID())
	if !st.last.IsZero() && m.now.Sub(st.last) < m.opts.Refresh {
		return nil
	}
	return m.readPane(false)
}

// applyPaneRead hands a result to the pane that started the read, not
// to whichever pane is active now; a superseded result is dropped.
func (m *Model) applyPaneRead(msg paneReadMsg) tea.Cmd {
	st := m.paneReadState(msg.pane)
	if msg.seq != st.seq {
		return nil
	}
	st.inFlight, st.cancel = false, nil
	st.last = m.now
	if p := m.paneByID(msg.pane); p != nil {
		return p.Update(msg.done)
	}
	return nil
}

// paneByID is the pane with id, nil when there is none.
func (m *Model) paneByID(id string) panes.Pane {
	for _, p := range m.panes {
		if p.ID() == id {
			return p
		}
	}
	return nil
}

// cancelPaneReads stops every pane read in flight (quitting).
func (m *Model) cancelPaneReads() {
	for _, st := range m.paneReads {
		if st.inFlight && st.cancel != nil {
			st.cancel()
		}
	}
}
