package progress

import (
	"testing"

	"github.com/muesli/termenv"

	"github.com/opsdeck/opsdeck/themes"
)

func TestBar(t *testing.T) {
	s, _ := themes.New(themes.NameDark, termenv.Ascii, true)
	for _, c := range []struct {
		f    float64
		w    int
		want string
	}{
		{0.5, 12, "[#####-----]"}, {-1, 5, "[---]"}, {2, 5, "[###]"}, {0.5, 2, ""},
	} {
		if got := Bar(&s, c.f, c.w); got != c.want {
			t.Errorf("Bar(%v,%d) = %q, want %q", c.f, c.w, got, c.want)
		}
	}
}
