package network

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ui/format"
	"github.com/opsdeck/opsdeck/ui/layout"
)

// tcpLines is the TCP tuning: congestion control, qdiscs, ECN and the
// socket buffers compared with the bandwidth-delay product.
func (p *Pane) tcpLines(st *ops.NetworkStatus) []string {
	s := p.env.Styles
	t := st.TCP
	out := []string{s.Title.Render("TCP tuning")}
	for _, sec := range []string{"sysctl", "qdisc", "speeds", "ping"} {
		out = append(out, p.sectionError(st, sec)...)
	}
	avail := strings.Join(t.Available, " ")
	out = append(out, fmt.Sprintf("  %-12s %s %s", "congestion", orUnknown(t.CongestionControl), s.Muted.Render("(available: "+orUnknown(avail)+")")))
	out = append(out, fmt.Sprintf("  %-12s default %s; on %s", "qdisc", orUnknown(t.DefaultQdisc), qdiscs(st.Interfaces)))
	out = append(out, fmt.Sprintf("  %-12s %s", "ecn", ecn(t.ECN)))
	out = append(out,
		p.bufLine("rmem_max", format.Bytes(t.RmemMax), t.RmemMax, t.BDP),
		p.bufLine("wmem_max", format.Bytes(t.WmemMax), t.WmemMax, t.BDP),
		p.bufLine("tcp_rmem", triple(t.TCPRmem), t.TCPRmem[2], t.BDP),
		p.bufLine("tcp_wmem", triple(t.TCPWmem), t.TCPWmem[2], t.BDP))
	if pg := st.Ping; pg != nil {
		out = append(out, fmt.Sprintf("  %-12s %s (%s): %d/%d replies, rtt min/avg/max %s/%s/%s ms", "ping",
			pg.Peer, pg.Address, pg.Received, pg.Transmitted, ms(pg.Min), ms(pg.Avg), ms(pg.Max)))
	}
	target := "unknown: neither link bandwidth nor RTT is known"
	switch {
	case t.BDP > 0:
		target = format.Bytes(t.BDP)
		if t.BDPSource != "" {
			target += " from " + t.BDPSource
		}
	case t.BDPSource != "":
		// ops says what is missing and how to configure it.
		target = t.BDPSource
	}
	for i, l := range layout.Wrap(fmt.Sprintf("%-12s %s", "BDP target", target), max(10, p.width-4)) {
		if i > 0 {
			l = strings.Repeat(" ", 13) + l
		}
		out = append(out, "  "+l)
	}
	return out
}

// bufLine is one buffer setting and how its maximum compares with the
// BDP: much larger wastes memory per socket and hides bufferbloat, smaller
// caps throughput.
func (p *Pane) bufLine(name, value string, maxBytes, bdp uint64) string {
	s := p.env.Styles
	line := fmt.Sprintf("  %-12s %s", name, value)
	if bdp == 0 || maxBytes == 0 {
		return line
	}
	r := float64(maxBytes) / float64(bdp)
	switch {
	case r >= 4:
		return line + "  " + s.Warn.Render(fmt.Sprintf("%.1f× larger than the BDP", r))
	case r < 1:
		return line + "  " + s.Warn.Render(fmt.Sprintf("%.1f× the BDP: caps throughput", r))
	}
	return line + "  " + s.OK.Render(fmt.Sprintf("%.1f× the BDP", r))
}

func triple(v [3]uint64) string {
	return format.Bytes(v[0]) + " / " + format.Bytes(v[1]) + " / " + format.Bytes(v[2]) + " (min/default/max)"
}

func ecn(v int) string {
	switch v {
	case 0:
		return "0 (off)"
	case 1:
		return "1 (on: requested on outgoing connections)"
	case 2:
		return "2 (only when the peer asks)"
	}
	return fmt.Sprint(v)
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f", float64(d)/float64(time.Millisecond)) }

// qdisc is the root qdisc of ifc, with the kinds below a multi-queue
// root ("mq(fq)"): with mq, the children are what pace.
func qdisc(ifc ops.NetInterface) string {
	if len(ifc.QdiscChildren) == 0 {
		return ifc.Qdisc
	}
	return ifc.Qdisc + "(" + strings.Join(ifc.QdiscChildren, ",") + ")"
}

// qdiscs lists the root qdisc actually on each interface.
func qdiscs(ifs []ops.NetInterface) string {
	var parts []string
	for _, ifc := range ifs {
		if ifc.Qdisc != "" {
			parts = append(parts, ifc.Name+" "+qdisc(ifc))
		}
	}
	if len(parts) == 0 {
		return "? (not read)"
	}
	sort.Strings(parts)
	return strings.Join(parts, ", ")
}
