package pool

import (
	"strings"
	"testing"

	"github.com/muesli/termenv"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/themes"
	"github.com/opsdeck/opsdeck/ui/panes"
)

// ioStatus is one pool, a mirror of two disks and a spare, with
// `zpool iostat -vlHp` rows for all but the spare (iostat lists none).
func ioStatus() ops.HostStatus {
	lat := func(r, w uint64) *ops.IOLatency { return &ops.IOLatency{TotalRead: r, TotalWrite: w} }
	return ops.HostStatus{
		Pools: []ops.Pool{{Name: "tank", State: "ONLINE", Capacity: 85, Root: ops.Vdev{Name: "tank", State: "ONLINE", Children: []ops.Vdev{
			{Name: "mirror-0", State: "ONLINE", Class: ops.ClassNormal, Children: []ops.Vdev{{Name: "sda", State: "ONLINE"}, {Name: "sdb", State: "ONLINE"}}},
			{Name: "sdz", State: "AVAIL", Class: ops.ClassSpare},
		}}}},
		IOStat: []ops.VdevIO{
			{Pool: "tank", Name: "tank", ReadOps: 300, WriteOps: 40, ReadBytes: 3 << 20, WriteBytes: 512 << 10, Latency: lat(12_870_411, 950)},
			{Pool: "tank", Name: "mirror-0", Depth: 1, ReadOps: 300, WriteOps: 40, ReadBytes: 3 << 20, WriteBytes: 512 << 10, Latency: lat(12_870_411, 950)},
			{Pool: "tank", Name: "sda", Depth: 2, ReadOps: 151, WriteOps: 20, Latency: lat(1_486_540, 0)},
			{Pool: "tank", Name: "sdb", Depth: 2, ReadOps: 149, WriteOps: 20, Latency: lat(3_052, 1_500_000_000)},
		},
	}
}

func ioPane(t *testing.T, w int) string {
	t.Helper()
	s, _ := themes.New(themes.NameDark, termenv.Ascii, true)
	p := New(panes.Env{Styles: &s, Keys: panes.DefaultNavKeys()})
	d := panes.Merge(panes.Data{}, ioStatus())
	d.Loaded = true
	p.SetData(d)
	p.SetSize(w, 30)
	return p.View()
}

// Wide enough, each vdev's line carries its I/O; at 80 columns the tree
// stands alone.
func TestIOBesideTheTree(t *testing.T) {
	for _, w := range []int{120, 160} {
		v := ioPane(t, w)
		for _, want := range []string{ioCaption, "OPS R  OPS W    BW R    BW W  WAIT R  WAIT W",
			"mirror-0  ONLINE        0      0      0    300     40   3.00M    512K  12.9ms   950ns",
			"sda     ONLINE        0      0      0    151     20      0B      0B   1.5ms       -",
			"sdb     ONLINE        0      0      0    149     20      0B      0B   3.1µs   1.50s"} {
			if !strings.Contains(v, want) {
				t.Errorf("%d columns: no %q in\n%s", w, want, v)
			}
		}
		// The spare has no iostat row, so nothing follows its state.
		for _, l := range strings.Split(v, "\n") {
			if strings.Contains(l, "sdz") && strings.Contains(l, "AVAIL        0      0      0    ") {
				t.Errorf("%d columns: spare has figures: %q", w, l)
			}
		}
	}
	if v := ioPane(t, 80); strings.Contains(v, "OPS R") || strings.Contains(v, "since pool import") || !strings.Contains(v, "mirror-0") {
		t.Errorf("80 columns:\n%s", v)
	}
}

// Without -l figures the wait columns are left out, not shown empty.
func TestIOWithoutLatency(t *testing.T) {
	st := ioStatus()
	for i := range st.IOStat {
		st.IOStat[i].Latency = nil
	}
	tb := poolIO(st.IOStat, "tank")
	if tb.latency || tb.width() != 4*1+6+6+7+7 || strings.Contains(tb.cells(nil), "WAIT") {
		t.Errorf("width %d header %q", tb.width(), tb.cells(nil))
	}
	if got := poolIO(st.IOStat, "other"); got.rows != nil {
		t.Errorf("another pool's rows: %+v", got)
	}
}

func TestLatencyUnits(t *testing.T) {
	for ns, want := range map[uint64]string{0: "-", 999: "999ns", 3_052: "3.1µs", 183_427: "183µs",
		4_047_000: "4.0ms", 127_344_068: "127ms", 1_500_000_000: "1.50s"} {
		if got := latency(ns); got != want {
			t.Errorf("%d ns: %q, want %q", ns, got, want)
		}
	}
}

// The capacity colour follows the host's thresholds, 80/90 when unset.
func TestCapacityThresholds(t *testing.T) {
	s, _ := themes.New(themes.NameDark, termenv.ANSI256, true)
	pl := ops.Pool{Name: "tank", Capacity: 85}
	for _, c := range []struct {
		warn, crit int
		style      func(...string) string
	}{
		{0, 0, s.Warn.Render},   // defaults: 85 ≥ 80
		{86, 95, s.Text.Render}, // below both
		{70, 85, s.Crit.Render}, // at the critical threshold
	} {
		env := panes.Env{Styles: &s, CapacityWarn: c.warn, CapacityCrit: c.crit}
		if got := capacity(env, pl, 200); !strings.Contains(got, c.style("cap 85%")) {
			t.Errorf("warn %d crit %d: %q", c.warn, c.crit, got)
		}
	}
}
