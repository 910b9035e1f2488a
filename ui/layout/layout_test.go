package layout

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestBlockExactSize(t *testing.T) {
	for _, c := range []struct {
		in   string
		w, h int
	}{
		{"", 5, 2}, {"abcdefghij\nx\ny\nz", 4, 2}, {"héllo wörld", 3, 1}, {"a", 1, 1},
	} {
		out := Block(c.in, c.w, c.h)
		lines := strings.Split(out, "\n")
		if len(lines) != c.h {
			t.Fatalf("Block(%q,%d,%d) has %d lines", c.in, c.w, c.h, len(lines))
		}
		for _, l := range lines {
			if ansi.StringWidth(l) != c.w {
				t.Errorf("Block(%q,%d,%d) line %q width %d", c.in, c.w, c.h, l, ansi.StringWidth(l))
			}
		}
	}
	if Block("x", 0, 3) != "" || Block("x", 3, 0) != "" || Line("x", -1) != "" {
		t.Error("non-positive sizes must give empty output")
	}
}

func TestWindowClamps(t *testing.T) {
	lines := []string{"a", "b", "c", "d"}
	got, off := Window(lines, 10, 3)
	if off != 1 || strings.Join(got, "") != "bcd" {
		t.Errorf("Window past end = %v,%d", got, off)
	}
	got, off = Window(lines, -2, 10)
	if off != 0 || len(got) != 4 {
		t.Errorf("Window negative = %v,%d", got, off)
	}
}

func TestOverlayKeepsSize(t *testing.T) {
	out := Overlay("1234567890\n1234567890\n1234567890", "AB\nCD", 10, 3)
	want := "1234AB7890\n1234CD7890\n1234567890"
	if out != want {
		t.Errorf("Overlay =\n%s\nwant\n%s", out, want)
	}
	// A box larger than the screen is cut, never a panic.
	out = Overlay("", strings.Repeat("wide box line\n", 10), 4, 2)
	if len(strings.Split(out, "\n")) != 2 {
		t.Errorf("oversized overlay: %q", out)
	}
}
