package header

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/opsdeck/opsdeck/themes"
)

func TestBannersOutlastDetails(t *testing.T) {
	s, _ := themes.New(themes.NameDark, termenv.Ascii, true)
	i := Info{Host: "backup-server-01", Version: "OpenZFS 2.3.2", Conn: "reconnecting (attempt 3) — data 2m old",
		ConnLevel: LevelWarn, Refreshed: "refreshed 2m ago", Demo: true, ReadOnly: true}
	for _, w := range []int{200, 100, 80, 60} {
		out := Render(i, &s, w)
		if ansi.StringWidth(out) != w {
			t.Errorf("width %d: got %d cells: %q", w, ansi.StringWidth(out), out)
		}
		for _, want := range []string{"DEMO", "READ-ONLY"} {
			if !strings.Contains(out, want) {
				t.Errorf("width %d: %q missing from %q", w, want, out)
			}
		}
	}
	if out := Render(i, &s, 200); !strings.Contains(out, "OpenZFS 2.3.2") || !strings.Contains(out, "refreshed") {
		t.Errorf("wide header lacks details: %q", out)
	}
	if out := Render(i, &s, 5); ansi.StringWidth(out) > 5 {
		t.Errorf("tiny header too wide: %q", out)
	}
}
