package ui

import (
	"strings"
	"testing"

	"github.com/opsdeck/opsdeck/ops/action"
	"github.com/opsdeck/opsdeck/ui/components/tasklog"
	"github.com/opsdeck/opsdeck/ui/panes"
)

// request hands the model an action as a pane would.
func request(m *Model, a action.Action) {
	_, cmd := m.Update(panes.RunAction{Action: a})
	run(m, cmd)
}

func TestConfirmations(t *testing.T) {
	for _, c := range []struct {
		name   string
		danger action.Danger
		keys   []string
		runs   bool
		status tasklog.Status
	}{
		{"change y accepts", action.Change, []string{"y"}, true, tasklog.Succeeded},
		{"change n rejects", action.Change, []string{"n"}, false, tasklog.Refused},
		{"change enter is No", action.Change, []string{"enter"}, false, tasklog.Refused},
		{"change esc rejects", action.Change, []string{"esc"}, false, tasklog.Refused},
		{"change other keys wait", action.Change, []string{"x", "q", "esc"}, false, tasklog.Refused},
		{"destructive name accepts", action.Destructive, []string{"t", "a", "n", "k", "enter"}, true, tasklog.Succeeded},
		{"destructive wrong name rejects", action.Destructive, []string{"t", "a", "n", "enter"}, false, tasklog.Refused},
		{"destructive y is not enough", action.Destructive, []string{"y", "enter"}, false, tasklog.Refused},
		{"destructive esc rejects", action.Destructive, []string{"t", "a", "esc"}, false, tasklog.Refused},
		{"bulk count accepts", action.Bulk, []string{"3", "enter"}, true, tasklog.Succeeded},
		{"bulk backspace fixes typo", action.Bulk, []string{"4", "backspace", "3", "enter"}, true, tasklog.Succeeded},
		{"bulk wrong count rejects", action.Bulk, []string{"2", "enter"}, false, tasklog.Refused},
		{"bulk empty enter rejects", action.Bulk, []string{"enter"}, false, tasklog.Refused},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := &fakeRunner{}
			m, _ := loaded(t, "healthy", 80, 24, func(o *Options) { o.Executor = testExecutor(t, false) })
			request(m, scrubLike(r, c.danger))
			if m.tasks.Dialog() == nil {
				t.Fatal("no dialog opened")
			}
			view := m.View()
			if !strings.Contains(view, "tank") || !strings.Contains(view, "zpool scrub tank") {
				t.Errorf("dialog does not name the target and command:\n%s", view)
			}
			press(m, c.keys...)
			if m.tasks.Dialog() != nil {
				t.Fatal("dialog still open")
			}
			ran := len(r.ran()) > 0
			if ran != c.runs {
				t.Fatalf("ran = %v (%v), want %v", ran, r.ran(), c.runs)
			}
			e := m.tasks.Log().Latest()
			if e == nil || e.Status != c.status {
				t.Fatalf("log entry = %+v, want status %v", e, c.status)
			}
			line := m.taskLine()
			if c.runs && !strings.Contains(line, "verified: scrub in progress on tank") {
				t.Errorf("task line lacks the verification: %q", line)
			}
			if !c.runs && !strings.Contains(line, "nothing ran") {
				t.Errorf("task line does not say nothing ran: %q", line)
			}
		})
	}
}

func TestSafeActionRunsWithoutDialog(t *testing.T) {
	r := &fakeRunner{}
	m, _ := loaded(t, "healthy", 80, 24, func(o *Options) { o.Executor = testExecutor(t, false) })
	request(m, scrubLike(r, action.Safe))
	if m.tasks.Dialog() != nil || len(r.ran()) != 1 {
		t.Fatalf("safe action: dialog %v, ran %v", m.tasks.Dialog() != nil, r.ran())
	}
}

func TestReadOnlyRefuses(t *testing.T) {
	r := &fakeRunner{}
	m, _ := loaded(t, "healthy", 80, 24, func(o *Options) {
		o.ReadOnly = true
		o.Executor = testExecutor(t, true)
	})
	request(m, scrubLike(r, action.Change))
	view := m.View()
	for _, want := range []string{"READ-ONLY: this action cannot run", "$ zpool scrub tank", "READ-ONLY"} {
		if !strings.Contains(view, want) {
			t.Errorf("read-only dialog lacks %q:\n%s", want, view)
		}
	}
	press(m, "y") // y must not run anything in read-only mode
	if m.tasks.Dialog() == nil {
		t.Fatal("y closed the read-only dialog as if confirming")
	}
	press(m, "enter")
	if len(r.ran()) != 0 {
		t.Fatalf("read-only ran %v", r.ran())
	}
	if e := m.tasks.Log().Latest(); e == nil || e.Status != tasklog.Refused || !strings.Contains(e.Detail, "read-only") {
		t.Fatalf("log entry = %+v", e)
	}
}

func TestCancelRunsCleanupVisibly(t *testing.T) {
	r := &fakeRunner{blockOn: "scrub tank", started: make(chan struct{})}
	m, _ := loaded(t, "healthy", 80, 24, func(o *Options) { o.Executor = testExecutor(t, false) })
	_, cmd := m.Update(panes.RunAction{Action: scrubLike(r, action.Change)})
	run(m, cmd)
	_, cmd = m.Update(keyMsg("y"))
	<-r.started
	if !m.tasks.Running() || !strings.Contains(m.View(), "x cancel") {
		t.Fatalf("running task not shown with its cancel key:\n%s", m.View())
	}
	press(m, "x")
	run(m, cmd) // drains the output and the result
	got := r.ran()
	if len(got) != 2 || got[1] != "zpool scrub -s tank" {
		t.Fatalf("commands run = %v, want the step then its cleanup", got)
	}
	e := m.tasks.Log().Latest()
	if e.Status != tasklog.Canceled {
		t.Fatalf("status = %v", e.Status)
	}
	if line := m.taskLine(); !strings.Contains(line, "canceled") || !strings.Contains(line, "cleanup ran: zpool scrub -s tank") {
		t.Errorf("task line = %q", line)
	}
}

func TestActionFinishForcesRefresh(t *testing.T) {
	r := &fakeRunner{}
	m, src := loaded(t, "healthy", 80, 24, func(o *Options) { o.Executor = testExecutor(t, false) })
	before := src.callCount()
	mid, _ := scenario(t, "midscrub")
	src.set(mid)
	request(m, scrubLike(r, action.Change))
	press(m, "y")
	if src.callCount() != before+1 {
		t.Fatalf("reads after the action = %d, want %d", src.callCount(), before+1)
	}
	press(m, "2")
	if v := m.View(); !strings.Contains(v, "scrub in progress") {
		t.Errorf("scrub pane does not show the new state:\n%s", v)
	}
}

func TestNoExecutorRefuses(t *testing.T) {
	m, _ := loaded(t, "healthy", 80, 24, nil)
	request(m, scrubLike(&fakeRunner{}, action.Change))
	if m.tasks.Dialog() != nil || !strings.Contains(m.taskLine(), "no executor") {
		t.Fatalf("task line = %q", m.taskLine())
	}
}
