package ops

// The exact argv of the Network pane's reads; like ops/commands.go, the
// demo server answers these and nothing else.

// sysctlTCPKeys are the TCP settings read in one `sysctl -n` call, in the
// order ParseSysctlTCP expects their values: sysctl prints one value a
// line in argument order.
var sysctlTCPKeys = []string{
	"net.ipv4.tcp_congestion_control",
	"net.ipv4.tcp_available_congestion_control",
	"net.core.default_qdisc",
	"net.ipv4.tcp_ecn",
	"net.core.rmem_max",
	"net.core.wmem_max",
	"net.ipv4.tcp_rmem",
	"net.ipv4.tcp_wmem",
}

// ArgvIPAddr reads every link with its addresses, MTU, operstate and
// 64-bit counters in one call: on iproute2 6.1 `-s addr show` carries
// "stats64" and `-d` adds "linkinfo" (the kind: wireguard, bridge,
// vlan, …) and "master", which plain output lacks.
func ArgvIPAddr() []string { return []string{"ip", "-d", "-j", "-s", "addr", "show"} }

// linkSpeedScript prints "NAME SPEED" for each /sys/class/net/*/speed
// that can be read. Virtual links (lo, wg, bridges) fail with EINVAL and
// a NIC without carrier prints -1; both are left to the parser, and the
// script always exits 0 so one unreadable file does not fail the read.
const linkSpeedScript = `for f in /sys/class/net/*/speed; do n=${f%/speed}; n=${n##*/}; s=$(cat "$f" 2>/dev/null) && echo "$n $s"; done; exit 0`

// ArgvLinkSpeeds runs linkSpeedScript.
func ArgvLinkSpeeds() []string { return []string{"sh", "-c", linkSpeedScript} }

// ArgvQdiscJSON lists the qdiscs on every interface as JSON.
func ArgvQdiscJSON() []string { return []string{"tc", "-j", "qdisc", "show"} }

// ArgvQdiscText lists the same as text, for tc builds without -j.
func ArgvQdiscText() []string { return []string{"tc", "qdisc", "show"} }

// ArgvSysctlTCP reads the TCP tuning values (sysctlTCPKeys) in one call.
func ArgvSysctlTCP() []string {
	return append([]string{"sysctl", "-n"}, sysctlTCPKeys...)
}

// ArgvWGDump lists every WireGuard interface and peer, tab-separated. It
// needs root (run it through Host.Privileged): as a user wg fails with
// "Operation not permitted" for each interface. The dump includes each
// interface's private key, which ParseWGDump discards.
func ArgvWGDump() []string { return []string{"wg", "show", "all", "dump"} }

// ArgvPing sends three probes to addr, two seconds' wait each, and prints
// only the summary (the "rtt min/avg/max/mdev" line ParsePing reads).
// addr must satisfy config.ValidPeerAddress: it is an argument, and one
// starting with "-" would be read as an option.
func ArgvPing(addr string) []string {
	return []string{"ping", "-c", "3", "-q", "-W", "2", addr}
}
