// Package tasklog keeps and draws the record of actions run in this
// session: a one-line summary of the latest (the task line) and the full
// log with each action's streamed output, result and verification.
package tasklog

import (
	"fmt"
	"strings"
	"time"

	"github.com/opsdeck/opsdeck/themes"
	"github.com/opsdeck/opsdeck/ui/format"
)

// Status is where a task stands.
type Status int

// Task statuses.
const (
	Running Status = iota
	Succeeded
	Failed
	Canceled
	// Refused: never ran (read-only, answered No, precondition failed).
	Refused
)

// maxLines bounds the output kept per task.
const maxLines = 200

// maxEntries bounds the log.
const maxEntries = 50

// Entry is one task.
type Entry struct {
	Title    string // "Start scrub — tank"
	Status   Status
	Started  time.Time
	Duration time.Duration
	// Output is the streamed output, bounded.
	Output []string
	// Detail is the error or refusal reason.
	Detail string
	// Verify is what re-reading the state found after success.
	Verify string
	// VerifyErr says why the new state could not be confirmed (the
	// action itself succeeded).
	VerifyErr string
	// Cleanup lists the cleanup commands that ran after a cancel or
	// failure.
	Cleanup []string
}

// Log is the session's task log, newest last.
type Log struct {
	entries []*Entry
}

// Start adds a running task and returns it for updates.
func (l *Log) Start(title string, now time.Time) *Entry {
	e := &Entry{Title: title, Status: Running, Started: now}
	l.add(e)
	return e
}

// Add records a finished or refused task.
func (l *Log) Add(e Entry) { l.add(&e) }

func (l *Log) add(e *Entry) {
	l.entries = append(l.entries, e)
	if len(l.entries) > maxEntries {
		l.entries = l.entries[len(l.entries)-maxEntries:]
	}
}

// Append adds one output line to e.
func (e *Entry) Append(line string) {
	e.Output = append(e.Output, line)
	if len(e.Output) > maxLines {
		e.Output = e.Output[len(e.Output)-maxLines:]
	}
}

// Latest is the newest entry, nil when none.
func (l *Log) Latest() *Entry {
	if len(l.entries) == 0 {
		return nil
	}
	return l.entries[len(l.entries)-1]
}

// Entries returns all entries, oldest first.
func (l *Log) Entries() []*Entry { return l.entries }

// Line is the one-line summary of e.
func Line(e *Entry, s *themes.Styles) string {
	switch e.Status {
	case Running:
		last := ""
		if n := len(e.Output); n > 0 {
			last = ": " + e.Output[n-1]
		}
		return s.Accent.Render("⟳ "+e.Title) + s.Muted.Render(" running… (x cancels)"+last)
	case Succeeded:
		line := s.OK.Render("✓ "+e.Title) + s.Muted.Render(fmt.Sprintf(" done in %s", e.Duration.Round(time.Millisecond)))
		switch {
		case e.VerifyErr != "":
			line += s.Warn.Render(" — not confirmed: " + e.VerifyErr)
			if e.Verify != "" {
				line += s.Muted.Render(" (now: " + e.Verify + ")")
			}
		case e.Verify != "":
			line += " — verified: " + e.Verify
		}
		return line
	case Canceled:
		line := s.Warn.Render("■ " + e.Title + " canceled")
		if len(e.Cleanup) > 0 {
			line += s.Muted.Render(" — cleanup ran: " + strings.Join(e.Cleanup, "; "))
		}
		if e.Detail != "" {
			line += s.Muted.Render(" — " + e.Detail)
		}
		return line
	case Refused:
		return s.Warn.Render("⊘ "+e.Title) + s.Muted.Render(" — "+e.Detail)
	}
	line := s.Crit.Render("✕ "+e.Title+" failed") + " " + e.Detail
	if len(e.Cleanup) > 0 {
		line += s.Muted.Render(" — cleanup ran: " + strings.Join(e.Cleanup, "; "))
	}
	return line
}

// Render draws the whole log, newest first, as lines.
func (l *Log) Render(s *themes.Styles, now time.Time) []string {
	if len(l.entries) == 0 {
		return []string{s.Muted.Render("No actions run in this session.")}
	}
	var out []string
	for i := len(l.entries) - 1; i >= 0; i-- {
		e := l.entries[i]
		out = append(out, s.Muted.Render(format.Age(now.Sub(e.Started))+" ago ")+Line(e, s))
		for _, o := range e.Output {
			out = append(out, "    "+o)
		}
	}
	return out
}
