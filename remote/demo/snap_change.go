package demo

import (
	"fmt"
	"strings"
)

// snapCreate answers `zfs snapshot [-r] DATASET@NAME`.
func (s *Sim) snapCreate(args []string) Output {
	o, err := getopt(args, "r", "")
	if err != nil {
		return usageError("zfs", err)
	}
	if len(o.args) != 1 {
		return notSimulated(append([]string{"zfs", "snapshot"}, args...))
	}
	full := o.args[0]
	ds, name, ok := strings.Cut(full, "@")
	if !ok || !validSnapName(name) || strings.Contains(name, "@") {
		return Output{Stderr: fmt.Sprintf("cannot create snapshot '%s': invalid character in name\n", full), Code: 1}
	}
	if s.dataset(ds) == nil {
		return Output{Stderr: fmt.Sprintf("cannot open '%s': dataset does not exist\n", ds), Code: 1}
	}
	targets := []string{ds}
	if o.has('r') {
		for _, d := range s.host.Datasets {
			if strings.HasPrefix(d.Name, ds+"/") {
				targets = append(targets, d.Name)
			}
		}
	}
	snaps := s.host.Snapshots
	for _, t := range targets {
		if snaps.find(t, name) >= 0 {
			return Output{Stderr: fmt.Sprintf("cannot create snapshot '%s@%s': dataset already exists\n", t, name), Code: 1}
		}
	}
	now := s.clk.Now().Unix()
	for _, t := range targets {
		var refer uint64
		fmt.Sscan(s.dataset(t).Props["referenced"].Value, &refer)
		snaps.List = append(snaps.List, Snap{Dataset: t, Name: name, Creation: now, Refer: refer})
		snaps.Changed[t] = now
	}
	snaps.sort()
	return Output{}
}

// snapDestroy answers `zfs destroy [-n] [-v] DATASET@a,b,c`. Like zfs
// it skips names that do not exist, fails when none does, and destroys
// nothing when one of them is held.
func (s *Sim) snapDestroy(args []string) Output {
	argv := append([]string{"zfs", "destroy"}, args...)
	o, err := getopt(args, "nv", "")
	if err != nil {
		return usageError("zfs", err)
	}
	if len(o.args) != 1 || !strings.Contains(o.args[0], "@") || strings.Contains(o.args[0], "%") {
		// Datasets and snapshot ranges are not modelled.
		return notSimulated(argv)
	}
	ds, list, _ := strings.Cut(o.args[0], "@")
	snaps := s.host.Snapshots
	var idx []int
	for _, name := range strings.Split(list, ",") {
		if i := snaps.find(ds, name); i >= 0 {
			idx = append(idx, i)
		}
	}
	if len(idx) == 0 {
		return Output{Stderr: "could not find any snapshots to destroy; check snapshot names.\n", Code: 1}
	}
	var b strings.Builder
	var reclaim uint64
	verb := "will"
	if o.has('n') {
		verb = "would"
	}
	for _, i := range idx {
		sn := snaps.List[i]
		if sn.Holds > 0 && !o.has('n') {
			return Output{Stdout: b.String(), Stderr: fmt.Sprintf("cannot destroy snapshot %s@%s: dataset is busy\n", ds, sn.Name), Code: 1}
		}
		if o.has('v') {
			fmt.Fprintf(&b, "%s destroy %s@%s\n", verb, ds, sn.Name)
		}
		reclaim += sn.Used
	}
	if o.has('v') {
		fmt.Fprintf(&b, "%s reclaim %s\n", verb, niceBytes(reclaim))
	}
	if o.has('n') {
		return Output{Stdout: b.String()}
	}
	gone := map[int]bool{}
	for _, i := range idx {
		gone[i] = true
	}
	kept := snaps.List[:0]
	for i, sn := range snaps.List {
		if !gone[i] {
			kept = append(kept, sn)
		}
	}
	snaps.List = kept
	snaps.Changed[ds] = s.clk.Now().Unix()
	return Output{Stdout: b.String()}
}
