package monitor

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ops/monitor"
	"github.com/opsdeck/opsdeck/themes"
	"github.com/opsdeck/opsdeck/ui/panes"
)

// TestPoolCapacitySparklineOnlyWithAMetric: node_exporter alone has no
// pool sizes, so no capacity row; an exporter that has them gives one row
// per pool with its newest value.
func TestPoolCapacitySparklineOnlyWithAMetric(t *testing.T) {
	st, err := themes.New(themes.NameDark, termenv.Ascii, true)
	if err != nil {
		t.Fatal(err)
	}
	p := New(panes.Env{Styles: &st, Keys: panes.DefaultNavKeys(), Host: func() *ops.Host { return nil }}, Deps{})
	p.SetSize(160, 60)
	sp := monitor.Sparklines{ARCHitRatio: []float64{0.9, 0.95}}
	if out := ansi.Strip(strings.Join(p.sparkLines(sp), "\n")); strings.Contains(out, "cap ") {
		t.Fatalf("a capacity row without a metric:\n%s", out)
	}
	sp.PoolCapacity = map[string][]float64{"tank": {61.2, 61.5}, "backup": {12}}
	out := ansi.Strip(strings.Join(p.sparkLines(sp), "\n"))
	for _, want := range []string{"cap backup", "cap tank", "61.5"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}
	if strings.Index(out, "cap backup") > strings.Index(out, "cap tank") {
		t.Errorf("pools not in name order:\n%s", out)
	}
}
