package demo

import "strings"

// statusJSON renders `zpool status [-v] -j --json-int`, following
// status_callback_json and its helpers in OpenZFS 2.3.2: nvlists print
// their members in the order they were added, which is the order here.
func statusJSON(pools []*Pool, verbose bool) string {
	var b strings.Builder
	root := newJSONObj(&b)
	ov := root.obj("output_version")
	ov.str("command", "zpool status")
	ov.num("vers_major", 0)
	ov.num("vers_minor", 1)
	ov.end()
	ps := root.obj("pools")
	for _, p := range pools {
		writePoolStatusJSON(ps.obj(p.Name), p, verbose)
	}
	ps.end()
	root.end()
	b.WriteString("\n")
	return b.String()
}

func writePoolStatusJSON(o *jsonObj, p *Pool, verbose bool) {
	o.str("name", p.Name)
	o.str("state", p.State)
	if p.GUID != 0 {
		o.num("pool_guid", p.GUID)
	}
	if p.TXG != 0 {
		o.num("txg", p.TXG)
	}
	o.num("spa_version", 5000)
	o.num("zpl_version", 5)
	if p.Status != "" {
		o.str("status", p.Status)
	}
	if p.Action != "" {
		o.str("action", p.Action)
	}
	if p.MsgID != "" {
		o.str("msgid", p.MsgID)
		o.str("moreinfo", "https://openzfs.github.io/openzfs-docs/msg/"+p.MsgID)
	}
	if s := p.Scan; s.Func != "" {
		so := o.obj("scan_stats")
		so.str("function", s.Func)
		so.str("state", s.State)
		so.num("start_time", s.StartTime)
		so.num("end_time", s.EndTime)
		so.num("to_examine", s.ToExamine)
		so.num("examined", s.Examined)
		so.num("skipped", s.Skipped)
		so.num("processed", s.Processed)
		so.num("errors", s.Errors)
		so.num("bytes_per_scan", s.PassExam)
		so.num("pass_start", s.PassStart)
		so.num("scrub_pause", s.PauseTime)
		so.num("scrub_spent_paused", s.SpentPaused)
		so.num("issued_bytes_per_scan", s.PassIssued)
		so.num("issued", s.Issued)
		so.end()
	}
	vds := o.obj("vdevs")
	writeVdevJSON(vds, p.Root, func(c *Vdev) bool { return c.Class == ClassNormal || c.Class == "" })
	vds.end()
	for _, class := range []string{ClassDedup, ClassSpecial, ClassLog} {
		var members []*Vdev
		for _, c := range p.Root.Children {
			if c.Class == class {
				members = append(members, c)
			}
		}
		if len(members) == 0 {
			continue
		}
		co := o.obj(class)
		for _, c := range members {
			writeVdevJSON(co, c, nil)
		}
		co.end()
	}
	o.num("error_count", p.ErrorCount)
	if verbose && p.ErrorCount != 0 {
		o.strs("errlist", p.ErrorFiles)
	}
	o.end()
}

// writeVdevJSON adds v under its name to parent, as vdev_stats_nvlist
// does; keep (when set) selects which children belong to this tree.
func writeVdevJSON(parent *jsonObj, v *Vdev, keep func(*Vdev) bool) {
	o := parent.obj(v.Name)
	o.str("name", v.Name)
	o.str("vdev_type", v.Type)
	if v.GUID != 0 {
		o.num("guid", v.GUID)
	}
	if v.Path != "" {
		o.str("path", v.Path)
	}
	o.str("class", v.Class)
	o.str("state", v.State)
	for _, f := range []struct {
		k string
		v uint64
	}{
		{"alloc_space", v.Alloc}, {"total_space", v.Space}, {"def_space", v.DSpace},
		{"rep_dev_size", v.RSize}, {"self_healed", v.SelfHealed}, {"phys_space", v.PSpace},
	} {
		if f.v != 0 {
			o.num(f.k, f.v)
		}
	}
	o.num("read_errors", v.ReadErrors)
	o.num("write_errors", v.WriteErrs)
	o.num("checksum_errors", v.ChecksumErrors)
	if v.ScanProcessed != 0 {
		o.num("scan_processed", v.ScanProcessed)
	}
	if len(v.Children) == 0 {
		o.num("slow_ios", v.SlowIOs)
	} else {
		var kids []*Vdev
		for _, c := range v.Children {
			if keep == nil || keep(c) {
				kids = append(kids, c)
			}
		}
		if len(kids) > 0 {
			ch := o.obj("vdevs")
			for _, c := range kids {
				writeVdevJSON(ch, c, nil)
			}
			ch.end()
		}
	}
	o.end()
}
