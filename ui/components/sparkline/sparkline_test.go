package sparkline

import (
	"math"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/opsdeck/opsdeck/themes"
)

func styles(t *testing.T) *themes.Styles {
	t.Helper()
	s, err := themes.New(themes.NameDark, termenv.Ascii, true)
	if err != nil {
		t.Fatal(err)
	}
	return &s
}

func TestRenderScalesToMax(t *testing.T) {
	s := styles(t)
	got := Render(s, []float64{0, 1, 2, 4, 8}, 5)
	if ansi.Strip(got) != got {
		t.Fatalf("ASCII profile drew escapes: %q", got)
	}
	if s.Colour {
		t.Fatal("the ASCII profile must give the colourless styles")
	}
	ramp := ascii
	want := string([]rune{ramp[0], ramp[1], ramp[2], ramp[4], ramp[7]})
	if got != want {
		t.Fatalf("Render = %q, want %q", got, want)
	}
}

func TestRenderPadsAndCuts(t *testing.T) {
	s := styles(t)
	if got := Render(s, []float64{1}, 4); ansi.StringWidth(got) != 4 || got[:3] != "   " {
		t.Fatalf("short series = %q, want 3 spaces then one mark", got)
	}
	long := []float64{9, 9, 9, 0, 1}
	// Only the last two values (0, 1) are drawn, scaled to their own max.
	if got, want := Render(s, long, 2), string([]rune{ascii[0], ascii[7]}); got != want {
		t.Fatalf("long series = %q, want %q", got, want)
	}
	if Render(s, long, 0) != "" {
		t.Fatal("zero width must draw nothing")
	}
}

func TestRenderBadValues(t *testing.T) {
	s := styles(t)
	got := Render(s, []float64{math.NaN(), math.Inf(1), -5, 0}, 4)
	if ansi.StringWidth(got) != 4 {
		t.Fatalf("width %d, want 4: %q", ansi.StringWidth(got), got)
	}
	flat := Render(s, []float64{0, 0, 0}, 3)
	if r := []rune(flat); r[0] != r[1] || r[1] != r[2] {
		t.Fatalf("flat zero series not flat: %q", flat)
	}
}

func TestSeriesBounded(t *testing.T) {
	sr := NewSeries(3)
	for i := 1; i <= 5; i++ {
		sr.Add(float64(i))
	}
	v := sr.Values()
	if sr.Len() != 3 || v[0] != 3 || v[2] != 5 {
		t.Fatalf("Values = %v, want [3 4 5]", v)
	}
	if NewSeries(0).cap != 1 {
		t.Fatal("a series keeps at least one value")
	}
}
