// Package sparkline draws a series of values as a one-line chart, and
// keeps the bounded history such a chart is drawn from.
package sparkline

import (
	"math"
	"strings"

	"github.com/opsdeck/opsdeck/themes"
)

// Ramps from lowest to highest. Without colour the ASCII ramp keeps the
// chart readable in a plain terminal, as the progress bar does.
var (
	blocks = []rune("▁▂▃▄▅▆▇█")
	ascii  = []rune("_.-=+*#@")
)

// Render draws the last width values of vals, scaled from 0 to their
// maximum (a flat zero series stays at the bottom), padded on the left
// with spaces while there are fewer values than width. Negative, NaN and
// infinite values count as 0.
func Render(s *themes.Styles, vals []float64, width int) string {
	if width <= 0 {
		return ""
	}
	if len(vals) > width {
		vals = vals[len(vals)-width:]
	}
	ramp := blocks
	if s != nil && !s.Colour {
		ramp = ascii
	}
	top := 0.0
	for _, v := range vals {
		top = max(top, clean(v))
	}
	var b strings.Builder
	b.WriteString(strings.Repeat(" ", width-len(vals)))
	for _, v := range vals {
		i := 0
		if top > 0 {
			i = int(math.Round(clean(v) / top * float64(len(ramp)-1)))
		}
		b.WriteRune(ramp[min(max(i, 0), len(ramp)-1)])
	}
	out := b.String()
	if s != nil {
		out = s.Accent.Render(out)
	}
	return out
}

func clean(v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
		return 0
	}
	return v
}

// Series is a bounded history of values, oldest first.
type Series struct {
	vals []float64
	cap  int
}

// NewSeries keeps at most n values (at least 1).
func NewSeries(n int) *Series { return &Series{cap: max(1, n)} }

// Add appends v, dropping the oldest value when full.
func (s *Series) Add(v float64) {
	s.vals = append(s.vals, v)
	if over := len(s.vals) - s.cap; over > 0 {
		s.vals = append(s.vals[:0], s.vals[over:]...)
	}
}

// Values are the kept values, oldest first; the caller must not change
// them.
func (s *Series) Values() []float64 { return s.vals }

// Len is how many values are kept.
func (s *Series) Len() int { return len(s.vals) }
