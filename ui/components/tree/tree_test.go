package tree

import (
	"strings"
	"testing"

	"github.com/muesli/termenv"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/themes"
)

func TestRenderClassesAndCounters(t *testing.T) {
	s, _ := themes.New(themes.NameDark, termenv.Ascii, true)
	root := ops.Vdev{Name: "tank", State: "DEGRADED", Children: []ops.Vdev{
		{Name: "raidz2-0", Class: ops.ClassNormal, State: "DEGRADED", Children: []ops.Vdev{
			{Name: "sda", State: "ONLINE", ChecksumErrors: 12},
			{Name: "sdb", State: "FAULTED", Note: "too many errors"},
		}},
		{Name: "nvme0", Class: ops.ClassLog, State: "ONLINE"},
		{Name: "mirror-1", Class: ops.ClassSpecial, State: "ONLINE"},
		{Name: "sdz", Class: ops.ClassSpare, State: "AVAIL"},
	}}
	out := strings.Join(Render(root, &s, 80), "\n")
	// zpool status order: data, special, logs, spares.
	iSpecial, iLogs, iSpares := strings.Index(out, "\nspecial"), strings.Index(out, "\nlogs"), strings.Index(out, "\nspares")
	if iSpecial < 0 || iLogs < iSpecial || iSpares < iLogs {
		t.Errorf("class groups out of order:\n%s", out)
	}
	if !strings.Contains(out, "12") || !strings.Contains(out, "too many errors") {
		t.Errorf("counter or note missing:\n%s", out)
	}
	if n := Unhealthy(root); n != 2 {
		t.Errorf("Unhealthy = %d, want 2 (sda's checksums, faulted sdb)", n)
	}
	// A narrow width cuts names, never the counters.
	for _, l := range Render(root, &s, 40) {
		if strings.Contains(l, "sda") && !strings.HasSuffix(strings.TrimSpace(l), "12") {
			t.Errorf("narrow line lost its counter: %q", l)
		}
	}
}
