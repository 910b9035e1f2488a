package demo

import (
	"strings"
	"testing"

	"github.com/opsdeck/opsdeck/ops"
)

// The demo answers -vlHp with the eleven latency columns OpenZFS 2.3
// prints, and the console's parser reads them as a real host's.
func TestIOStatLatencyParses(t *testing.T) {
	s, _ := newDemoSim()
	out := s.Run(ops.ArgvIOStat())
	if out.Code != 0 {
		t.Fatalf("%+v", out)
	}
	for _, line := range strings.Split(strings.TrimSpace(out.Stdout), "\n") {
		if line != "" && len(strings.Split(line, "\t")) != 7+latencyCols {
			t.Errorf("%q: want %d fields", line, 7+latencyCols)
		}
	}
	rows, err := ops.ParseIOStat([]byte(out.Stdout), nil)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]ops.VdevIO{}
	for _, r := range rows {
		if r.Latency == nil {
			t.Fatalf("%s: no latency", r.Name)
		}
		byName[r.Name] = r
	}
	hdd := byName["raidz2-0"].Latency
	nvme := byName["mirror-1"].Latency
	// Spinning disks wait milliseconds, NVMe a fraction of one; neither
	// rebuilt anything and the disks are never trimmed.
	if hdd.TotalRead < 5_000_000 || nvme.TotalRead > 500_000 || hdd.Rebuild != 0 || hdd.Trim != 0 || nvme.Trim == 0 {
		t.Errorf("raidz %+v\nmirror %+v", *hdd, *nvme)
	}
	if !strings.Contains(out.Stdout, "\t-\n") {
		t.Error("an empty rebuild column prints as -")
	}
	// The pool's averages lie between its vdevs', weighted by operations.
	root := byName["tank"].Latency
	if root.TotalRead <= nvme.TotalRead || root.TotalRead >= hdd.TotalRead || root.DiskWrite <= nvme.DiskWrite || root.DiskWrite >= hdd.DiskWrite {
		t.Errorf("pool %+v", *root)
	}
	// Without -l the rows keep their seven columns.
	if basic := s.Run(ops.ArgvIOStatBasic()).Stdout; strings.Count(strings.SplitN(basic, "\n", 2)[0], "\t") != 6 {
		t.Errorf("basic: %q", basic)
	}
}

// A leaf's figures stay within ±7 % of its kind's.
func TestLeafLatencySpread(t *testing.T) {
	for guid := uint64(0); guid < 30; guid++ {
		l := leafLatency(&Vdev{GUID: guid, Class: ClassNormal})
		for i, ns := range l {
			base := hddLatency[i]
			if ns < base*93/100 || ns > base*107/100 {
				t.Errorf("guid %d column %d: %d vs %d", guid, i, ns, base)
			}
		}
	}
}
