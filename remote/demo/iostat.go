package demo

import (
	"fmt"
	"strings"
)

// iostatText renders `zpool iostat -vHp` (with latency, -vlHp): averages
// since import per vdev, tab-separated, with a blank line opening each
// allocation class as print_vdev_stats prints it in scripted mode.
func iostatText(pools []*Pool, latency bool) string {
	var b strings.Builder
	for _, p := range pools {
		writeIOStatRow(&b, p.Root, latency)
		for _, c := range p.Root.Children {
			if c.Class == ClassNormal || c.Class == "" {
				writeIOStatTree(&b, c, latency)
			}
		}
		for _, class := range []string{ClassDedup, ClassSpecial, ClassLog} {
			printed := false
			for _, c := range p.Root.Children {
				if c.Class != class {
					continue
				}
				if !printed {
					b.WriteString("\n")
					printed = true
				}
				writeIOStatTree(&b, c, latency)
			}
		}
	}
	return b.String()
}

func writeIOStatTree(b *strings.Builder, v *Vdev, latency bool) {
	writeIOStatRow(b, v, latency)
	for _, c := range v.Children {
		writeIOStatTree(b, c, latency)
	}
}

func writeIOStatRow(b *strings.Builder, v *Vdev, latency bool) {
	alloc, free := uint64(0), uint64(0)
	if v.Space != 0 {
		// Only top-level vdevs have capacity; leaves print 0 with -p.
		alloc, free = v.Alloc, v.Space-v.Alloc
	}
	fmt.Fprintf(b, "%s\t%d\t%d\t%d\t%d\t%d\t%d", v.Name, alloc, free,
		v.IO.ReadOps, v.IO.WriteOps, v.IO.ReadBytes, v.IO.WriteBytes)
	if latency {
		for _, ns := range vdevLatency(v) {
			if ns == 0 {
				// ZFS_NICENUM_RAWTIME prints no I/O as "-".
				b.WriteString("\t-")
			} else {
				fmt.Fprintf(b, "\t%d", ns)
			}
		}
	}
	b.WriteString("\n")
}
