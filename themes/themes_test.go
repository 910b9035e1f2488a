package themes

import (
	"fmt"
	"strings"
	"testing"

	"github.com/muesli/termenv"
)

func TestNewEveryTheme(t *testing.T) {
	for _, name := range Names() {
		s, err := New(name, termenv.ANSI256, true)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !s.Colour {
			t.Errorf("%s: Colour false on ANSI256", name)
		}
		if out := s.Crit.Render("x"); !strings.Contains(out, "\x1b[") {
			t.Errorf("%s: Crit renders without escapes: %q", name, out)
		}
	}
}

func TestUnknownTheme(t *testing.T) {
	if _, err := New("neon", termenv.ANSI, true); err == nil || !strings.Contains(err.Error(), "high-contrast") {
		t.Fatalf("want error naming the choices, got %v", err)
	}
}

func TestNoColor(t *testing.T) {
	env := map[string]string{"NO_COLOR": "1"}
	p := ProfileFor(func(k string) string { return env[k] }, termenv.TrueColor)
	if p != termenv.Ascii {
		t.Fatalf("NO_COLOR: profile %v, want Ascii", p)
	}
	s, err := New(NameDark, p, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{s.Crit.Render("x"), s.Selected.Render("x"), s.Alert.Render("DEMO")} {
		if strings.Contains(out, "\x1b") {
			t.Errorf("NO_COLOR output has escapes: %q", out)
		}
	}
	if s.Colour {
		t.Error("Colour true under NO_COLOR")
	}
	if p := ProfileFor(func(string) string { return "" }, termenv.ANSI); p != termenv.ANSI {
		t.Errorf("without NO_COLOR profile %v, want ANSI", p)
	}
}

func TestHighContrastUsesSixteenColours(t *testing.T) {
	th, _ := Lookup(NameHighContrast)
	for _, c := range []any{th.Text, th.Muted, th.Accent, th.OK, th.Warn, th.Crit, th.Border,
		th.SelectionFG, th.SelectionBG, th.BarFG, th.BarBG, th.AlertFG, th.AlertBG} {
		var n int
		if _, err := fmt.Sscan(fmt.Sprint(c), &n); err != nil || n < 0 || n > 15 {
			t.Errorf("colour %v is not one of the 16 ANSI colours", c)
		}
	}
}

func TestStateStyles(t *testing.T) {
	s, _ := New(NameDark, termenv.ANSI256, true)
	if s.State("ONLINE").Render("x") == s.State("FAULTED").Render("x") {
		t.Error("ONLINE and FAULTED look the same")
	}
	if s.State("DEGRADED").Render("x") != s.Warn.Render("x") {
		t.Error("DEGRADED is not Warn")
	}
}
