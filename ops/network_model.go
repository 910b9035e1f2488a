package ops

import "time"

// NetworkStatus is what the Network pane shows, read by ReadNetwork. Each
// section that failed has its error in Errors under the section's name
// ("interfaces", "speeds", "wireguard", "qdisc", "sysctl", "ping") and is
// left empty; a
// tool that is absent or unused (no wg, no WireGuard interfaces) is not an
// error: WireGuardNote says so in words.
type NetworkStatus struct {
	CollectedAt time.Time      `json:"collected_at"`
	Interfaces  []NetInterface `json:"interfaces"`
	WireGuard   []WGInterface  `json:"wireguard"`
	// WireGuardNote is "not in use" style text when WireGuard is absent.
	WireGuardNote string    `json:"wireguard_note,omitempty"`
	TCP           TCPTuning `json:"tcp"`
	// Findings are what is wrong, most severe first; Verdict is the
	// pane's one line (the first finding's summary, or "network OK").
	Findings []NetFinding      `json:"findings"`
	Verdict  string            `json:"verdict"`
	Errors   map[string]string `json:"errors,omitempty"`
	// Ping is the RTT measured to the first configured peer; nil when no
	// peer is configured, rtt_ms is set, or the ping failed (see
	// Errors["ping"]).
	Ping *NetPing `json:"ping,omitempty"`
}

// NetPing is the summary of `ping -c 3` to a peer.
type NetPing struct {
	Peer        string        `json:"peer"`
	Address     string        `json:"address"`
	Transmitted int           `json:"transmitted"`
	Received    int           `json:"received"`
	Min         time.Duration `json:"min_ns"`
	Avg         time.Duration `json:"avg_ns"`
	Max         time.Duration `json:"max_ns"`
}

// NetInterface is one link with its addresses, counters and live rates.
type NetInterface struct {
	Name  string `json:"name"`
	Kind  string `json:"kind"`  // loopback, ether, wireguard, bridge, vlan, bond, …
	State string `json:"state"` // operstate: UP, DOWN, UNKNOWN
	// Up is the UP flag (administratively up); WireGuard and other
	// virtual links carry traffic with State UNKNOWN, so Up is what
	// "in use" means.
	Up        bool     `json:"up"`
	MTU       int      `json:"mtu"`
	Addresses []string `json:"addresses"` // CIDR, e.g. 192.0.2.10/24
	// SpeedMbps is from /sys/class/net/NAME/speed; 0 when unknown.
	SpeedMbps int    `json:"speed_mbps"`
	Qdisc     string `json:"qdisc"` // root qdisc actually on the interface
	// QdiscChildren are the distinct kinds below a multi-queue root
	// ("mq" with one fq per TX queue gives ["fq"]); empty otherwise.
	QdiscChildren []string `json:"qdisc_children,omitempty"`
	// Master is the bridge or bond this link is a member of, if any.
	Master    string `json:"master,omitempty"`
	RxBytes   uint64 `json:"rx_bytes"`
	TxBytes   uint64 `json:"tx_bytes"`
	RxErrors  uint64 `json:"rx_errors"`
	TxErrors  uint64 `json:"tx_errors"`
	RxDropped uint64 `json:"rx_dropped"`
	TxDropped uint64 `json:"tx_dropped"`
	// RxRate and TxRate are bytes per second between the previous read
	// and this one; HasRate is false on the first read or after a
	// counter reset.
	RxRate  float64 `json:"rx_rate"`
	TxRate  float64 `json:"tx_rate"`
	HasRate bool    `json:"has_rate"`
}

// WGInterface is one WireGuard interface from `wg show all dump`.
type WGInterface struct {
	Name       string   `json:"name"`
	PublicKey  string   `json:"public_key"`
	ListenPort int      `json:"listen_port"`
	MTU        int      `json:"mtu"`
	Peers      []WGPeer `json:"peers"`
}

// WGPeer is one peer of a WireGuard interface.
type WGPeer struct {
	PublicKey  string   `json:"public_key"`
	Endpoint   string   `json:"endpoint,omitempty"`
	AllowedIPs []string `json:"allowed_ips"`
	// LatestHandshake is zero when there never was one.
	LatestHandshake time.Time `json:"latest_handshake,omitzero"`
	// Stale is true when the handshake is older than 3 minutes (or never).
	Stale     bool   `json:"stale"`
	RxBytes   uint64 `json:"rx_bytes"`
	TxBytes   uint64 `json:"tx_bytes"`
	Keepalive int    `json:"keepalive_seconds"` // 0 = off
}

// TCPTuning is the host's TCP stack settings and how they compare with
// what the bandwidth-delay product asks for.
type TCPTuning struct {
	CongestionControl string    `json:"congestion_control"`
	Available         []string  `json:"available_congestion_control"`
	DefaultQdisc      string    `json:"default_qdisc"`
	ECN               int       `json:"ecn"` // net.ipv4.tcp_ecn: 0 off, 1 on, 2 server-side only
	RmemMax           uint64    `json:"rmem_max"`
	WmemMax           uint64    `json:"wmem_max"`
	TCPRmem           [3]uint64 `json:"tcp_rmem"` // min default max
	TCPWmem           [3]uint64 `json:"tcp_wmem"`
	// BDP is the bandwidth-delay product in bytes the buffers are
	// compared with; BDPSource says where bandwidth and RTT came from in
	// words ("link speed 10000 Mb/s of eth0 × RTT 12 ms measured by
	// iperf3 at 14:02"). Zero when neither is known.
	BDP       uint64 `json:"bdp"`
	BDPSource string `json:"bdp_source,omitempty"`
}

// Finding severities, shared by later checks.
const (
	SeverityInfo = "info"
	SeverityWarn = "warning"
	SeverityCrit = "critical"
)

// NetFinding is one thing the Network pane says is wrong, with evidence
// and the fix, e.g. "BBR without fq on wg0".
type NetFinding struct {
	Severity string `json:"severity"`
	Summary  string `json:"summary"`
	Evidence string `json:"evidence"`
	Fix      string `json:"fix"`
}
