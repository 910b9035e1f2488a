package confirm

import (
	"fmt"
	"strings"
	"testing"

	"github.com/muesli/termenv"

	"github.com/opsdeck/opsdeck/ops/action"
	"github.com/opsdeck/opsdeck/remote"
	"github.com/opsdeck/opsdeck/themes"
)

// TestManyCommandsKeepThePromptOnScreen: a bulk prune of hundreds of
// snapshots previews a few commands and says how many more, so the
// type-the-count prompt still fits an 80×24 terminal.
func TestManyCommandsKeepThePromptOnScreen(t *testing.T) {
	styles, err := themes.New("dark", termenv.Ascii, true)
	if err != nil {
		t.Fatal(err)
	}
	var steps []action.Step
	for i := 0; i < 40; i++ {
		steps = append(steps, action.Step{Argv: []string{"zfs", "destroy", fmt.Sprintf("tank/media@auto-%03d", i)}, Runner: remote.NewLocal()})
	}
	a := action.Action{ID: "snapshots.prune", Title: "Prune snapshots", Target: "tank/media", Danger: action.Bulk, Count: 40, Steps: steps}
	view := New(a, false).View(&styles, 80)
	if n := strings.Count(view, "\n") + 1; n > 22 {
		t.Errorf("dialog is %d lines tall:\n%s", n, view)
	}
	for _, want := range []string{"tank/media@auto-000", "more command(s)", "Type 40"} {
		if !strings.Contains(view, want) {
			t.Errorf("dialog lacks %q:\n%s", want, view)
		}
	}
}
