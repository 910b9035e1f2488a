package table

import (
	"strings"
	"testing"

	"github.com/muesli/termenv"

	"github.com/opsdeck/opsdeck/themes"
)

func sample() *Table {
	t := New([]Column{{Title: "NAME"}, {Title: "USED", Width: 6, Numeric: true}})
	t.SetRows([]Row{
		{Cells: []string{"tank/b", "2K"}, Num: []float64{0, 2048}},
		{Cells: []string{"tank/a", "9M"}, Num: []float64{0, 9 << 20}},
		{Cells: []string{"tank/c", "1K"}, Num: []float64{0, 1024}},
	})
	return t
}

func names(rows []Row) string {
	var n []string
	for _, r := range rows {
		n = append(n, r.Cells[0])
	}
	return strings.Join(n, ",")
}

func TestSort(t *testing.T) {
	tb := sample()
	if got := names(tb.Visible()); got != "tank/a,tank/b,tank/c" {
		t.Errorf("by name: %s", got)
	}
	tb.CycleSort()
	if got := names(tb.Visible()); got != "tank/c,tank/b,tank/a" {
		t.Errorf("by used: %s", got)
	}
	tb.Reverse()
	if got := names(tb.Visible()); got != "tank/a,tank/b,tank/c" {
		t.Errorf("by used desc: %s", got)
	}
	if title, desc := tb.SortColumn(); title != "USED" || !desc {
		t.Errorf("SortColumn = %s,%v", title, desc)
	}
}

func TestFilter(t *testing.T) {
	tb := sample()
	tb.StartFilter()
	for _, r := range "B" {
		tb.FilterKey(string(r), []rune{r})
	}
	if got := names(tb.Visible()); got != "tank/b" {
		t.Errorf("filter B: %s", got)
	}
	tb.FilterKey("backspace", nil)
	tb.FilterKey("x", []rune("x"))
	if got := names(tb.Visible()); got != "" {
		t.Errorf("filter x: %s", got)
	}
	tb.FilterKey("esc", nil)
	if tb.Editing() || tb.Filter() != "" || len(tb.Visible()) != 3 {
		t.Error("esc must clear the filter")
	}
}

func TestRenderNarrow(t *testing.T) {
	s, _ := themes.New(themes.NameDark, termenv.Ascii, true)
	tb := sample()
	tb.StartFilter()
	tb.FilterKey("z", []rune("z"))
	out := tb.Render(&s, 3)
	if !strings.Contains(strings.Join(out, "\n"), "no rows match") {
		t.Errorf("empty result not said: %q", out)
	}
}
