package ui

import (
	"context"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ui/panes"
)

// reads is the state of the periodic read: a sequence number that makes
// late results recognisable, and the in-flight guard.
type reads struct {
	seq      int
	inFlight bool
	cancel   context.CancelFunc
	// last is when the newest result arrived; zero before the first.
	last time.Time
	// started counts reads issued, for the in-flight guard's tests.
	started int
}

type tickMsg struct{}

// readDoneMsg carries one Collect result and the sequence number of the
// read that produced it.
type readDoneMsg struct {
	seq    int
	status ops.HostStatus
}

type connMsg struct{ state ConnState }

// tick arms the refresh timer; the handler re-arms it, so there is only
// ever one timer.
func (m *Model) tick() tea.Cmd {
	return tea.Tick(m.opts.Refresh, func(time.Time) tea.Msg { return tickMsg{} })
}

// read starts a Collect unless one is already in flight. force cancels the
// one in flight instead (its result is then dropped as stale): after an
// action, a read that began before it ended would show the old state.
func (m *Model) read(force bool) tea.Cmd {
	if m.opts.Source == nil {
		return nil
	}
	if m.reads.inFlight {
		if !force {
			return nil
		}
		m.reads.cancel()
	}
	m.reads.seq++
	m.reads.started++
	seq := m.reads.seq
	ctx, cancel := context.WithTimeout(context.Background(), m.opts.ReadTimeout)
	m.reads.inFlight, m.reads.cancel = true, cancel
	src := m.opts.Source
	return func() tea.Msg {
		defer cancel()
		return readDoneMsg{seq: seq, status: src.Collect(ctx)}
	}
}

// applyRead folds a result into the shown data; a result of a read that
// was superseded is dropped.
func (m *Model) applyRead(msg readDoneMsg) {
	if msg.seq != m.reads.seq {
		return
	}
	m.reads.inFlight = false
	m.reads.last = m.now
	m.data = panes.Merge(m.data, msg.status)
	m.data.Now = m.now
	m.data.Disconnected = m.conn.Status != ConnConnected
	m.pushData()
}

func (m *Model) pushData() {
	for _, p := range m.panes {
		p.SetData(m.data)
	}
}

// waitConn reads one connection state change; the handler re-issues it.
func (m *Model) waitConn() tea.Cmd {
	ch := m.opts.Conn
	if ch == nil {
		return nil
	}
	return func() tea.Msg {
		st, ok := <-ch
		if !ok {
			return nil
		}
		return connMsg{state: st}
	}
}

func (m *Model) applyConn(st ConnState) tea.Cmd {
	was := m.conn.Status
	m.conn = st
	m.data.Disconnected = st.Status != ConnConnected
	m.pushData()
	cmds := []tea.Cmd{m.waitConn()}
	if st.Status == ConnConnected && was != ConnConnected {
		// Back online: do not wait for the next tick to show fresh data.
		cmds = append(cmds, m.read(true), m.readPane(true))
	}
	return tea.Batch(cmds...)
}
