package action

import (
	"context"
	"fmt"
	"testing"

	"github.com/opsdeck/opsdeck/remote"
)

// TestSudoStepShownAndAuditedAsRun: a step whose runner adds `sudo -n --`
// is previewed and logged with the prefix, because that is what ran.
func TestSudoStepShownAndAuditedAsRun(t *testing.T) {
	f := newFake(nil)
	a := Action{ID: "scrub.start", Title: "Start scrub", Target: "tank", Danger: Change,
		Steps: []Step{{Argv: []string{"zpool", "scrub", "tank"}, Runner: remote.WithSudo(f), Privileged: true}}}
	if got := a.Commands()[0].Line; got != "sudo -n -- zpool scrub tank" {
		t.Errorf("preview %q, want the sudo prefix", got)
	}
	ex, path := newExecutor(t)
	if res := ex.Run(context.Background(), a, nil); res.Err != nil {
		t.Fatal(res.Err)
	}
	if len(f.calls) != 1 || fmt.Sprint(f.calls[0]) != "[sudo -n -- zpool scrub tank]" {
		t.Fatalf("ran %v", f.calls)
	}
	lines := auditLines(t, path)
	if got := fmt.Sprint(lines[0]["argv"]); got != "[[sudo -n -- zpool scrub tank]]" {
		t.Errorf("audit argv %s, want the sudo prefix", got)
	}
}
