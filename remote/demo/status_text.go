package demo

import (
	"fmt"
	"strings"
	"time"
)

// statusText renders `zpool status [-v] [-p]` for pools, following
// status_callback in OpenZFS 2.3.2's zpool_main.c (without colour, as
// when stdout is not a terminal).
func statusText(pools []*Pool, verbose, literal bool, now time.Time, loc *time.Location) string {
	var b strings.Builder
	for i, p := range pools {
		if i > 0 {
			b.WriteString("\n")
		}
		writePoolStatusText(&b, p, verbose, literal, now, loc)
	}
	return b.String()
}

func writePoolStatusText(b *strings.Builder, p *Pool, verbose, literal bool, now time.Time, loc *time.Location) {
	fmt.Fprintf(b, "  pool: %s\n", p.Name)
	fmt.Fprintf(b, " state: %s\n", p.State)
	if p.Status != "" {
		b.WriteString("status: " + p.Status)
	}
	if p.Action != "" {
		b.WriteString("action: " + p.Action)
	}
	if p.MsgID != "" {
		fmt.Fprintf(b, "   see: https://openzfs.github.io/openzfs-docs/msg/%s\n", p.MsgID)
	}
	writeScanText(b, p.Scan, now, loc)

	width := maxNameWidth(p.Root, 0, 0)
	if width < 10 {
		width = 10
	}
	b.WriteString("config:\n\n")
	fmt.Fprintf(b, "\t%-*s  %-8s %5s %5s %5s\n", width, "NAME", "STATE", "READ", "WRITE", "CKSUM")
	writeVdevRow(b, p.Root, 0, width, literal)
	for _, c := range p.Root.Children {
		if c.Class == ClassNormal || c.Class == "" {
			writeVdevTree(b, c, 2, width, literal)
		}
	}
	for _, class := range []string{ClassDedup, ClassSpecial, ClassLog} {
		printed := false
		for _, c := range p.Root.Children {
			if c.Class != class {
				continue
			}
			if !printed {
				fmt.Fprintf(b, "\t%s\t\n", class)
				printed = true
			}
			writeVdevTree(b, c, 2, width, literal)
		}
	}

	b.WriteString("\n")
	switch {
	case p.ErrorCount == 0:
		b.WriteString("errors: No known data errors\n")
	case !verbose:
		fmt.Fprintf(b, "errors: %d data errors, use '-v' for a list\n", p.ErrorCount)
	default:
		b.WriteString("errors: Permanent errors have been detected in the following files:\n\n")
		for _, f := range p.ErrorFiles {
			fmt.Fprintf(b, "%7s %s\n", "", f)
		}
	}
}

// maxNameWidth is zpool's max_width: the longest name plus its indent.
func maxNameWidth(v *Vdev, depth, max int) int {
	if w := len(v.Name) + depth; w > max {
		max = w
	}
	for _, c := range v.Children {
		max = maxNameWidth(c, depth+2, max)
	}
	return max
}

func writeVdevTree(b *strings.Builder, v *Vdev, depth, width int, literal bool) {
	writeVdevRow(b, v, depth, width, literal)
	for _, c := range v.Children {
		writeVdevTree(b, c, depth+2, width, literal)
	}
}

func writeVdevRow(b *strings.Builder, v *Vdev, depth, width int, literal bool) {
	fmt.Fprintf(b, "\t%*s%-*s  %-8s", depth, "", width-depth, v.Name, v.State)
	if literal {
		fmt.Fprintf(b, " %5d %5d %5d", v.ReadErrors, v.WriteErrs, v.ChecksumErrors)
	} else {
		fmt.Fprintf(b, " %5s %5s %5s", niceNum1024(v.ReadErrors),
			niceNum1024(v.WriteErrs), niceNum1024(v.ChecksumErrors))
	}
	if v.Note != "" {
		b.WriteString("  " + v.Note)
	}
	b.WriteString("\n")
}
