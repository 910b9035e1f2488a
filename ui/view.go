package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"

	"github.com/opsdeck/opsdeck/ui/components/footer"
	"github.com/opsdeck/opsdeck/ui/components/header"
	"github.com/opsdeck/opsdeck/ui/components/help"
	"github.com/opsdeck/opsdeck/ui/components/tasklog"
	"github.com/opsdeck/opsdeck/ui/format"
	"github.com/opsdeck/opsdeck/ui/layout"
)

// Smallest terminal the layout is drawn in; below it a single line says
// so instead.
const (
	minWidth  = 40
	minHeight = 10
)

// chrome is the lines around the pane: header, tabs, task line, footer.
const chrome = 4

func (m *Model) bodyHeight() int { return max(0, m.height-chrome) }

// View draws the whole screen, exactly width × height.
func (m *Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	s := m.env.Styles
	if m.width < minWidth || m.height < minHeight {
		msg := fmt.Sprintf("terminal too small: %d×%d, need %d×%d", m.width, m.height, minWidth, minHeight)
		return layout.Block(s.Warn.Render(strings.Join(layout.Wrap(msg, m.width), "\n")), m.width, m.height)
	}
	body := m.pane().View()
	bh := m.bodyHeight()
	if box := m.overlayBox(bh); box != "" {
		body = layout.Overlay(body, box, m.width, bh)
	}
	return strings.Join([]string{
		header.Render(m.headerInfo(), s, m.width),
		layout.Line(m.tabs(), m.width),
		layout.Block(body, m.width, bh),
		layout.Line(m.taskLine(), m.width),
		footer.Render(m.hints(), s, m.width),
	}, "\n")
}

func (m *Model) overlayBox(h int) string {
	s := m.env.Styles
	switch {
	case m.prompt != nil:
		return m.prompt.view(s, m.width)
	case m.tasks.Dialog() != nil:
		return m.tasks.Dialog().View(s, m.width)
	case m.overlay == overlayPalette:
		return m.palette.View(s, m.width, h)
	case m.overlay == overlayHelp:
		return help.Render([]help.Group{
			{Title: m.pane().Title() + " pane", Keys: m.pane().Hints()},
			{Title: "Console", Keys: m.keys.list()},
			{Title: "Movement", Keys: m.navKeys()},
		}, s, m.width, h)
	case m.overlay == overlayTasks:
		lines := m.tasks.Log().Render(s, m.now)
		lines = append([]string{s.Title.Render("Task log")}, lines...)
		lines = append(lines, "", s.Muted.Render("esc closes"))
		if len(lines) > h-2 {
			lines = lines[:max(1, h-2)]
		}
		return s.Box.Width(max(10, m.width-6)).Render(strings.Join(lines, "\n"))
	}
	return ""
}

func (m *Model) navKeys() []key.Binding {
	k := m.env.Keys
	// Filter and sort keys are listed by the panes that have tables.
	return []key.Binding{k.Up, k.Down, k.Left, k.Right, k.PageUp, k.PageDown, k.Top, k.Bottom, k.Clear}
}

func (m *Model) tabs() string {
	s := m.env.Styles
	var parts []string
	for i, p := range m.panes {
		label := fmt.Sprintf(" %d %s ", i+1, p.Title())
		if i == m.active {
			if !s.Colour {
				label = fmt.Sprintf("[%d %s]", i+1, p.Title())
			}
			parts = append(parts, s.TabActive.Render(label))
		} else {
			parts = append(parts, s.TabInactive.Render(label))
		}
	}
	return strings.Join(parts, " ")
}

// taskLine is the running or latest action, else the latest notice.
func (m *Model) taskLine() string {
	s := m.env.Styles
	if text, warn := m.tasks.Notice(); text != "" {
		if warn {
			return s.Warn.Render("! " + text)
		}
		return s.Muted.Render(text)
	}
	if e := m.tasks.Log().Latest(); e != nil {
		return tasklog.Line(e, s)
	}
	return ""
}

func (m *Model) hints() []key.Binding {
	// Help first: the footer drops what does not fit, and ? leads to
	// everything else.
	h := []key.Binding{m.keys.Help}
	if m.tasks.Running() {
		h = append(h, m.keys.CancelTask)
	}
	h = append(h, m.pane().Hints()...)
	return append(h, m.keys.Palette, m.keys.Refresh, m.keys.Quit)
}

func (m *Model) headerInfo() header.Info {
	v := m.data.Status.Platform.ZFSVersion
	i := header.Info{Host: m.opts.Host, Demo: m.opts.Demo, ReadOnly: m.opts.ReadOnly, Refreshing: m.reads.inFlight}
	if v.Raw != "" {
		i.Version = fmt.Sprintf("OpenZFS %d.%d.%d", v.Major, v.Minor, v.Patch)
	}
	if !m.reads.last.IsZero() {
		i.Refreshed = "refreshed " + format.Age(m.now.Sub(m.reads.last)) + " ago"
	}
	age := ""
	if !m.reads.last.IsZero() {
		age = " — data " + format.Age(m.now.Sub(m.reads.last)) + " old"
	}
	switch m.conn.Status {
	case ConnConnected:
		i.Conn, i.ConnLevel = "connected", header.LevelOK
	case ConnConnecting:
		i.Conn, i.ConnLevel = "connecting…", header.LevelWarn
	case ConnReconnecting:
		i.Conn, i.ConnLevel = fmt.Sprintf("reconnecting (attempt %d)%s", m.conn.Attempt, age), header.LevelWarn
	default:
		i.Conn, i.ConnLevel = "disconnected"+age, header.LevelCrit
		if m.conn.Err != "" {
			i.Conn += ": " + m.conn.Err
		}
	}
	return i
}
