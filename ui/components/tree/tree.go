// Package tree draws a pool's vdev tree the way `zpool status` lays it
// out — name indented by depth, state, READ/WRITE/CKSUM — with states
// coloured, non-zero counters highlighted and the allocation classes
// (special, dedup, logs, cache, spares) under their own labels.
package tree

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/themes"
)

// classLabels are the group rows zpool status prints before each class.
var classLabels = []struct{ class, label string }{
	{ops.ClassNormal, ""},
	{ops.ClassDedup, "dedup"},
	{ops.ClassSpecial, "special"},
	{ops.ClassLog, "logs"},
	{ops.ClassCache, "cache"},
	{ops.ClassSpare, "spares"},
}

type row struct {
	name  string // indented
	v     ops.Vdev
	label bool // a class label row, no counters
}

// Render returns the tree's lines (a header first), at most width cells
// wide.
func Render(root ops.Vdev, s *themes.Styles, width int) []string {
	rows := []row{{name: root.Name, v: root}}
	for _, cl := range classLabels {
		var group []ops.Vdev
		for _, c := range root.Children {
			if classOf(c) == cl.class {
				group = append(group, c)
			}
		}
		if len(group) == 0 {
			continue
		}
		depth := 1
		if cl.label != "" {
			rows = append(rows, row{name: cl.label, label: true})
		}
		for _, c := range group {
			rows = walk(rows, c, depth)
		}
	}
	nameW := 4
	for _, r := range rows {
		nameW = max(nameW, ansi.StringWidth(r.name))
	}
	// Keep room for the counters: a long device path is cut instead.
	nameW = min(nameW, max(8, width-34))
	out := []string{s.TableHeader.Render(fmt.Sprintf("%-*s  %-8s %6s %6s %6s", nameW, "NAME", "STATE", "READ", "WRITE", "CKSUM"))}
	for _, r := range rows {
		name := fmt.Sprintf("%-*s", nameW, ansi.Truncate(r.name, nameW, "…"))
		if r.label {
			out = append(out, s.Muted.Render(name))
			continue
		}
		line := name + "  " + s.State(r.v.State).Render(fmt.Sprintf("%-8s", r.v.State)) +
			counter(s, r.v.ReadErrors) + counter(s, r.v.WriteErrors) + counter(s, r.v.ChecksumErrors)
		if r.v.Note != "" {
			line += " " + s.Warn.Render(r.v.Note)
		}
		out = append(out, line)
	}
	return out
}

func walk(rows []row, v ops.Vdev, depth int) []row {
	rows = append(rows, row{name: strings.Repeat("  ", depth) + v.Name, v: v})
	for _, c := range v.Children {
		rows = walk(rows, c, depth+1)
	}
	return rows
}

// classOf treats an empty class as normal: text parsers of older ZFS may
// leave it unset for data vdevs.
func classOf(v ops.Vdev) string {
	if v.Class == "" {
		return ops.ClassNormal
	}
	return v.Class
}

func counter(s *themes.Styles, n uint64) string {
	c := fmt.Sprintf(" %6d", n)
	if n > 0 {
		return s.Crit.Render(c)
	}
	return c
}

// Unhealthy counts the vdevs below root that are not ONLINE or that have
// a non-zero error counter, so a summary can say "2 devices need
// attention" without drawing the tree.
func Unhealthy(root ops.Vdev) int {
	n := 0
	for _, c := range root.Children {
		bad := (c.State != "ONLINE" && c.State != "AVAIL" && c.State != "") ||
			c.ReadErrors+c.WriteErrors+c.ChecksumErrors > 0
		if bad && len(c.Children) == 0 {
			n++
		}
		n += Unhealthy(c)
	}
	return n
}
