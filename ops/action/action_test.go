package action

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestValidate(t *testing.T) {
	r := newFake(nil)
	ok := Action{ID: "x", Title: "X", Target: "tank", Danger: Change, Steps: []Step{{Argv: []string{"true"}, Runner: r}}}
	tests := []struct {
		name   string
		mutate func(*Action)
		want   string
	}{
		{"valid", func(*Action) {}, ""},
		{"no id", func(a *Action) { a.ID = "" }, "needs an ID"},
		{"no steps", func(a *Action) { a.Steps = nil }, "no steps"},
		{"empty argv", func(a *Action) { a.Steps = []Step{{Runner: r}} }, "step 1: empty argv"},
		{"no runner", func(a *Action) { a.Steps = []Step{{Argv: []string{"true"}}} }, "no runner"},
		{"do without runner", func(a *Action) {
			a.Steps = []Step{{Argv: []string{"GET", "/"}, Do: func(context.Context, StepEnv) error { return nil }}}
		}, ""},
		{"bad cleanup", func(a *Action) { a.Cleanup = []Step{{Runner: r}} }, "cleanup step 1: empty argv"},
		{"change without target", func(a *Action) { a.Target = "" }, "needs a target"},
		{"destructive without target", func(a *Action) { a.Danger, a.Target = Destructive, "" }, "needs a target"},
		{"bulk without count", func(a *Action) { a.Danger = Bulk }, "number of objects"},
		{"bulk with count", func(a *Action) { a.Danger, a.Count = Bulk, 3 }, ""},
		{"safe without target", func(a *Action) { a.Danger, a.Target = Safe, "" }, ""},
		{"unknown danger", func(a *Action) { a.Danger = 5 }, "unknown danger level"},
		{"bad param", func(a *Action) { a.Params = []Param{{Name: "n", Kind: ParamBool, Value: "x"}} }, "not true or false"},
		{"precondition", func(a *Action) { a.Precondition = func() error { return errors.New("pool is FAULTED") } }, "pool is FAULTED"},
	}
	for _, tt := range tests {
		a := ok
		tt.mutate(&a)
		err := a.Validate()
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: unexpected %v", tt.name, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
		}
	}
}

func TestCommandsQuoteAndSubstitute(t *testing.T) {
	r := newFake(nil)
	a := Action{
		Params: []Param{{Name: "ds", Value: "tank/my data"}, {Name: "key", Value: "s3cr3t", Secret: true}},
		Steps: []Step{
			{Argv: []string{"zfs", "snapshot", "{ds}@opsdeck"}, Runner: r, Privileged: true},
			{Argv: []string{"tool", "--key={key}", "$(rm -rf /)"}, Runner: r},
		},
	}
	want := []Command{
		{Argv: []string{"zfs", "snapshot", "tank/my data@opsdeck"}, Line: "zfs snapshot 'tank/my data@opsdeck'", Privileged: true},
		{Argv: []string{"tool", "--key=<redacted>", "$(rm -rf /)"}, Line: "tool '--key=<redacted>' '$(rm -rf /)'"},
	}
	if got := a.Commands(); !reflect.DeepEqual(got, want) {
		t.Errorf("commands\n got %+v\nwant %+v", got, want)
	}
}
