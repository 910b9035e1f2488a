package demo

import (
	"fmt"
	"strconv"
	"strings"
)

// snapColumns are the columns a snapshot listing may ask for.
var snapColumns = map[string]bool{"name": true, "creation": true, "used": true, "referenced": true, "userrefs": true}

// snapList answers `zfs list -t snapshot …` (ok false: not a snapshot
// listing, leave it to the dataset listing). Supported: -H, -p, -o with
// snapColumns, -s creation, -d 1 DATASET, or one DATASET@NAME operand.
func (s *Sim) snapList(args []string) (Output, bool) {
	if s.host.Snapshots == nil {
		return Output{}, false
	}
	o, err := getopt(args, "Hp", "otsd")
	if err != nil || o.short['t'] != "snapshot" && o.short['t'] != "snap" {
		return Output{}, false
	}
	argv := append([]string{"zfs", "list"}, args...)
	cols := strings.Split(o.short['o'], ",")
	for _, c := range cols {
		if !snapColumns[c] || (c != "name" && !o.has('p')) || !o.has('H') {
			return notSimulated(argv), true
		}
	}
	if sortBy, ok := o.short['s']; ok && sortBy != "creation" {
		return notSimulated(argv), true
	}
	snaps := s.host.Snapshots
	var keep func(Snap) bool
	switch {
	case len(o.args) == 0 && !o.has('d'):
		keep = func(Snap) bool { return true }
	case len(o.args) == 1 && o.short['d'] == "1" && !strings.Contains(o.args[0], "@"):
		ds := o.args[0]
		if s.dataset(ds) == nil {
			return Output{Stderr: fmt.Sprintf("cannot open '%s': dataset does not exist\n", ds), Code: 1}, true
		}
		keep = func(sn Snap) bool { return sn.Dataset == ds }
	case len(o.args) == 1 && !o.has('d') && strings.Count(o.args[0], "@") == 1:
		ds, name, _ := strings.Cut(o.args[0], "@")
		if snaps.find(ds, name) < 0 {
			return Output{Stderr: fmt.Sprintf("cannot open '%s': dataset does not exist\n", o.args[0]), Code: 1}, true
		}
		keep = func(sn Snap) bool { return sn.Dataset == ds && sn.Name == name }
	default:
		return notSimulated(argv), true
	}
	var b strings.Builder
	for _, sn := range snaps.List {
		if !keep(sn) {
			continue
		}
		for i, c := range cols {
			if i > 0 {
				b.WriteByte('\t')
			}
			b.WriteString(snapColumn(sn, c))
		}
		b.WriteByte('\n')
	}
	return Output{Stdout: b.String()}, true
}

func snapColumn(sn Snap, col string) string {
	switch col {
	case "name":
		return sn.Dataset + "@" + sn.Name
	case "creation":
		return strconv.FormatInt(sn.Creation, 10)
	case "used":
		return strconv.FormatUint(sn.Used, 10)
	case "referenced":
		return strconv.FormatUint(sn.Refer, 10)
	}
	return strconv.Itoa(sn.Holds)
}

func (s *Sim) dataset(name string) *Dataset {
	for _, d := range s.host.Datasets {
		if d.Name == name {
			return d
		}
	}
	return nil
}

// snapGet answers `zfs get -H -p -o name,property,value -t
// filesystem,volume PROPS` for snapshots_changed and usedbysnapshots.
func (s *Sim) snapGet(args []string) Output {
	argv := append([]string{"zfs", "get"}, args...)
	o, err := getopt(args, "Hp", "ot")
	if err != nil {
		return usageError("zfs", err)
	}
	if !o.has('H') || !o.has('p') || o.short['o'] != "name,property,value" || o.short['t'] != "filesystem,volume" || len(o.args) != 1 {
		return notSimulated(argv)
	}
	props := strings.Split(o.args[0], ",")
	for _, p := range props {
		if p != "snapshots_changed" && p != "usedbysnapshots" {
			return notSimulated(argv)
		}
	}
	var b strings.Builder
	for _, d := range s.host.Datasets {
		for _, p := range props {
			v := strconv.FormatUint(s.host.Snapshots.usedBy(d.Name), 10)
			if p == "snapshots_changed" {
				v = "-"
				if c := s.host.Snapshots.Changed[d.Name]; c > 0 {
					v = strconv.FormatInt(c, 10)
				}
			}
			fmt.Fprintf(&b, "%s\t%s\t%s\n", d.Name, p, v)
		}
	}
	return Output{Stdout: b.String()}
}

// localtime answers `readlink -f /etc/localtime` with the zoneinfo file
// of the host's zone (UTC is Etc/UTC there).
func (s *Sim) localtime() Output {
	name := s.host.Loc.String()
	if name == "UTC" || name == "" {
		name = "Etc/UTC"
	}
	return Output{Stdout: "/usr/share/zoneinfo/" + name + "\n"}
}
