package demo

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// Snap is one simulated snapshot.
type Snap struct {
	Dataset, Name string
	Creation      int64 // Unix seconds
	Used, Refer   uint64
	Holds         int // userrefs
}

// Snapshots are the host's snapshots in creation order, and each
// dataset's snapshots_changed (Unix seconds).
type Snapshots struct {
	List    []Snap
	Changed map[string]int64
}

// demoSnapStart fixes the hour every generated series counts back from,
// so one clock reading always gives the same set.
func demoSnapStart(now time.Time) time.Time { return now.UTC().Truncate(time.Hour) }

// demoSnapshots is a year of snapshots on tank's datasets, about 2 400
// in all: sanoid-style hourly (48 h) and daily (365 days) snapshots on
// home, monitoring, nix and the win11 volume; "auto-" hourly and daily
// ones on backup; zfs-auto-snapshot dailies on media that stopped three
// days ago (older than any RPO: the pane's visible problem); a few
// manual ones; and one held daily on backup.
func demoSnapshots(now time.Time, datasets []*Dataset) *Snapshots {
	refer := map[string]uint64{}
	for _, d := range datasets {
		var r uint64
		fmt.Sscan(d.Props["referenced"].Value, &r)
		refer[d.Name] = r
	}
	start := demoSnapStart(now)
	s := &Snapshots{Changed: map[string]int64{}}
	add := func(ds, name string, t time.Time, holds int) {
		n := uint64(len(s.List))
		// A deterministic spread of sizes: older snapshots hold more.
		used := (n*2654435761)%(4<<20) + uint64(start.Sub(t).Hours())*512
		s.List = append(s.List, Snap{Dataset: ds, Name: name, Creation: t.Unix(), Used: used, Refer: refer[ds], Holds: holds})
	}
	sanoid := []string{"tank/home", "tank/monitoring", "tank/nix", "tank/vm/win11"}
	for _, ds := range sanoid {
		for d := 365; d >= 1; d-- {
			t := start.Add(-time.Duration(d) * 24 * time.Hour).Truncate(24 * time.Hour)
			add(ds, "autosnap_"+t.Format("2006-01-02_15:04:05")+"_daily", t, 0)
		}
		for h := 47; h >= 0; h-- {
			t := start.Add(-time.Duration(h) * time.Hour)
			add(ds, "autosnap_"+t.Format("2006-01-02_15:04:05")+"_hourly", t, 0)
		}
	}
	for d := 365; d >= 1; d-- {
		t := start.Add(-time.Duration(d) * 24 * time.Hour).Truncate(24 * time.Hour)
		add("tank/backup", "auto-"+t.Format("20060102-1504"), t, boolInt(d == 100))
	}
	for h := 23; h >= 0; h-- {
		t := start.Add(-time.Duration(h) * time.Hour)
		add("tank/backup", "auto-"+t.Format("20060102-1504"), t, 0)
	}
	for d := 365; d >= 3; d-- {
		t := start.Add(-time.Duration(d) * 24 * time.Hour).Truncate(24 * time.Hour)
		add("tank/media", "zfs-auto-snap_daily-"+t.Format("2006-01-02-1504"), t, 0)
	}
	for _, m := range []struct {
		ds   string
		ago  time.Duration
		name string
	}{
		{"tank/vm/win11", 200 * 24 * time.Hour, "manual-before-upgrade"},
		{"tank/home", 40*24*time.Hour + 5*time.Hour, ""},
		{"tank/nix", 3*24*time.Hour + 2*time.Hour, ""},
	} {
		t := start.Add(-m.ago).Add(17*time.Minute + 42*time.Second)
		if m.name == "" {
			m.name = "manual-" + t.Format("20060102-150405")
		}
		add(m.ds, m.name, t, 0)
	}
	s.sort()
	for _, sn := range s.List {
		s.Changed[sn.Dataset] = max(s.Changed[sn.Dataset], sn.Creation)
	}
	return s
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// sort orders by creation, then name, as `-s creation` lists them.
func (s *Snapshots) sort() {
	sort.SliceStable(s.List, func(i, j int) bool {
		a, b := s.List[i], s.List[j]
		if a.Creation != b.Creation {
			return a.Creation < b.Creation
		}
		return a.Dataset+"@"+a.Name < b.Dataset+"@"+b.Name
	})
}

// find returns the index of DATASET@NAME, or -1.
func (s *Snapshots) find(ds, name string) int {
	for i, sn := range s.List {
		if sn.Dataset == ds && sn.Name == name {
			return i
		}
	}
	return -1
}

// usedBy is a dataset's usedbysnapshots: the sum of its snapshots' used.
func (s *Snapshots) usedBy(ds string) uint64 {
	var n uint64
	for _, sn := range s.List {
		if sn.Dataset == ds {
			n += sn.Used
		}
	}
	return n
}

// validSnapName is zfs_namecheck's component rule.
func validSnapName(name string) bool {
	if name == "" || name == "." || name == ".." {
		return false
	}
	return strings.Trim(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-:. ") == ""
}
