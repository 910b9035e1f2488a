package ops

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
)

// wgOverhead is WireGuard's worst-case encapsulation: IPv6 (40) + UDP
// (8) + WireGuard header and tag (32). 1500 - 80 = 1420, wg-quick's
// default.
const wgOverhead = 80

// bufferSlack is how many BDPs of buffer are still fine: autotuning
// needs some headroom over one BDP; past this the excess only queues.
const bufferSlack = 4

// NetworkFindings checks st (and, for counters, the previous read prev,
// which may be nil): WireGuard MTU, BBR without fq, ECN, buffers against
// the BDP, stale handshakes, growing errors and drops, MTU mismatches.
// Most severe first; checks of equal severity keep this order.
func NetworkFindings(st *NetworkStatus, prev *NetworkStatus) []NetFinding {
	var fs []NetFinding
	fs = append(fs, wgMTUFindings(st)...)
	fs = append(fs, bbrFindings(st)...)
	fs = append(fs, ecnFindings(st)...)
	fs = append(fs, bufferFindings(st)...)
	fs = append(fs, handshakeFindings(st)...)
	fs = append(fs, counterFindings(st, prev)...)
	fs = append(fs, mtuMismatchFindings(st)...)
	slices.SortStableFunc(fs, func(a, b NetFinding) int { return cmp.Compare(rank(b.Severity), rank(a.Severity)) })
	if fs == nil {
		fs = []NetFinding{}
	}
	return fs
}

// Verdict is the pane's one line: the most severe finding's summary
// (findings come sorted), or "network OK".
func Verdict(fs []NetFinding) string {
	if len(fs) == 0 {
		return "network OK"
	}
	return fs[0].Summary
}

func rank(sev string) int {
	switch sev {
	case SeverityCrit:
		return 2
	case SeverityWarn:
		return 1
	}
	return 0
}

// carrying says whether n can carry traffic other hosts see: up, with
// a carrier (WireGuard and other virtual links report UNKNOWN), and not
// loopback.
func carrying(n NetInterface) bool {
	switch n.State {
	case "DOWN", "LOWERLAYERDOWN", "NOTPRESENT":
		return false
	}
	return n.Up && n.Kind != "loopback"
}

// isWireGuard says whether n is a WireGuard link, by ip's kind or by
// appearing in wg's dump (ip without -d details has no kind).
func isWireGuard(st *NetworkStatus, n NetInterface) bool {
	if n.Kind == "wireguard" {
		return true
	}
	return slices.ContainsFunc(st.WireGuard, func(w WGInterface) bool { return w.Name == n.Name })
}

// wgMTUFindings flags WireGuard links whose MTU leaves no room for the
// encapsulation on the largest underlying MTU: every full-size packet is
// then fragmented or, with DF set and ICMP filtered, black-holed.
func wgMTUFindings(st *NetworkStatus) []NetFinding {
	under, via := 0, ""
	for _, n := range st.Interfaces {
		if carrying(n) && !isWireGuard(st, n) && n.MTU > under {
			under, via = n.MTU, n.Name
		}
	}
	limit, basis := 1500-wgOverhead, "a 1500-byte path"
	if under > 0 {
		limit, basis = under-wgOverhead, fmt.Sprintf("%s's MTU %d", via, under)
	}
	var fs []NetFinding
	for _, n := range st.Interfaces {
		if !isWireGuard(st, n) || n.MTU <= limit {
			continue
		}
		fs = append(fs, NetFinding{
			Severity: SeverityCrit,
			Summary:  fmt.Sprintf("WireGuard MTU %d on %s (expected ≤ %d)", n.MTU, n.Name, limit),
			Evidence: fmt.Sprintf("%s has MTU %d; WireGuard adds up to %d bytes, and %s leaves %d for the tunnel", n.Name, n.MTU, wgOverhead, basis, limit),
			Fix:      fmt.Sprintf("set MTU = %d in the [Interface] section (wg-quick) or `ip link set dev %s mtu %d`, on both ends", limit, n.Name, limit),
		})
	}
	return fs
}

// paced says whether n's egress qdisc is fq (directly or below mq).
// fq_codel is not fq: it does not pace.
func paced(n NetInterface) bool {
	if n.Qdisc == "fq" {
		return true
	}
	return multiQueue[n.Qdisc] && len(n.QdiscChildren) > 0 && !slices.ContainsFunc(n.QdiscChildren, func(k string) bool { return k != "fq" })
}

// bbrFindings flags BBR on links without fq. Since Linux 4.13 BBR falls
// back to pacing inside TCP, which works but costs CPU and was not what
// BBR was designed and tested with; hence a warning, not critical.
func bbrFindings(st *NetworkStatus) []NetFinding {
	cc := st.TCP.CongestionControl
	if !strings.HasPrefix(cc, "bbr") {
		return nil
	}
	var names, qs []string
	for _, n := range st.Interfaces {
		if carrying(n) && !paced(n) {
			names = append(names, n.Name)
			q := n.Qdisc
			if len(n.QdiscChildren) > 0 {
				q += "/" + strings.Join(n.QdiscChildren, ",")
			}
			qs = append(qs, fmt.Sprintf("%s: %s", n.Name, q))
		}
	}
	if len(names) == 0 {
		return nil
	}
	fix := fmt.Sprintf("sysctl -w net.core.default_qdisc=fq (and persist it in /etc/sysctl.d/), then for each link: tc qdisc replace dev %s root fq", names[0])
	return []NetFinding{{
		Severity: SeverityWarn,
		Summary:  fmt.Sprintf("BBR without fq on %s", strings.Join(names, ", ")),
		Evidence: fmt.Sprintf("net.ipv4.tcp_congestion_control = %s; net.core.default_qdisc = %s; root qdisc %s (only fq paces; fq_codel does not)",
			cc, st.TCP.DefaultQdisc, strings.Join(qs, ", ")),
		Fix: fix,
	}}
}

// ecnFindings warns about tcp_ecn=1: requesting ECN on outgoing
// connections through middleboxes that clear or drop ECN-marked packets
// stalls them; 2 (the kernel default) only answers when asked.
func ecnFindings(st *NetworkStatus) []NetFinding {
	if st.TCP.ECN != 1 {
		return nil
	}
	return []NetFinding{{
		Severity: SeverityWarn,
		Summary:  "ECN on (net.ipv4.tcp_ecn = 1)",
		Evidence: "tcp_ecn = 1 requests ECN on every outgoing connection; middleboxes that clear ECN bits or drop ECN-marked SYNs break or black-hole those connections",
		Fix:      "sysctl -w net.ipv4.tcp_ecn=2 (accept ECN when the peer asks, never request it) unless the whole path is known to carry ECN",
	}}
}

// bufferFindings compares the largest socket buffer TCP may use with the
// BDP: many times larger only adds queueing (bufferbloat) and memory per
// connection; smaller caps every single stream's throughput.
func bufferFindings(st *NetworkStatus) []NetFinding {
	t, bdp := st.TCP, st.TCP.BDP
	if bdp == 0 || t.CongestionControl == "" {
		return nil
	}
	rbuf, wbuf := max(t.RmemMax, t.TCPRmem[2]), max(t.WmemMax, t.TCPWmem[2])
	big := max(rbuf, wbuf)
	target := uint64(1) << uint(math.Ceil(math.Log2(float64(bdp))))
	evidence := fmt.Sprintf("rmem_max %s, tcp_rmem max %s, wmem_max %s, tcp_wmem max %s; BDP %s = %s",
		fmtBytes(t.RmemMax), fmtBytes(t.TCPRmem[2]), fmtBytes(t.WmemMax), fmtBytes(t.TCPWmem[2]), fmtBytes(bdp), t.BDPSource)
	fix := fmt.Sprintf("set net.core.rmem_max, net.core.wmem_max and the max of net.ipv4.tcp_rmem/tcp_wmem to about %s (the BDP rounded up to a power of two)", fmtBytes(target))
	switch {
	case big >= bufferSlack*bdp:
		return []NetFinding{{
			Severity: SeverityWarn,
			Summary:  fmt.Sprintf("buffers %.0f× larger than the BDP", math.Round(float64(big)/float64(bdp))),
			Evidence: evidence, Fix: fix,
		}}
	case min(t.TCPRmem[2], t.TCPWmem[2]) < bdp:
		// A stream's window is at most its buffer: throughput ≤ buffer /
		// RTT, i.e. this share of bandwidth × RTT.
		small := min(t.TCPRmem[2], t.TCPWmem[2])
		return []NetFinding{{
			Severity: SeverityWarn,
			Summary:  fmt.Sprintf("buffers smaller than the BDP (%s < %s)", fmtBytes(small), fmtBytes(bdp)),
			Evidence: evidence + fmt.Sprintf("; one TCP stream reaches at most %.0f%% of the bandwidth", 100*float64(small)/float64(bdp)),
			Fix:      fix,
		}}
	}
	return nil
}
