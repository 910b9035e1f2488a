package config

import (
	"net"
	"regexp"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
)

// DefaultIPerf3Port is the port iperf3 listens on unless told otherwise.
const DefaultIPerf3Port = 5201

// NetworkConfig is a host's [network] block: what the Network pane cannot
// measure by itself, and whom it may test against.
type NetworkConfig struct {
	// LinkMbps is the usable bandwidth in Mb/s the BDP is computed with;
	// 0 means "use the fastest link's speed". Set it when the path is
	// slower than the NIC (a 10 Gb/s port behind a 1 Gb/s uplink).
	LinkMbps int
	// RTTms is the round-trip time in milliseconds; 0 means "measure it"
	// (ping to the first peer, or the last iperf3 run).
	RTTms float64
	// IPerf3Port is the port guided iperf3 tests use.
	IPerf3Port int
	// Peers are the hosts at the other end of the links that matter
	// (e.g. the far side of a WireGuard tunnel), in the file's order.
	Peers []NetworkPeer
}

// NetworkPeer is one [[network.peers]] entry.
type NetworkPeer struct {
	// Name is what the pane calls it ("minnesota").
	Name string
	// Address is an IP address or host name as the host resolves it.
	Address string
}

// networkLayer is one section's [network] keys.
type networkLayer struct {
	LinkMbps   Setting[int]     `toml:"link_mbps"`
	RTTms      Setting[float64] `toml:"rtt_ms"`
	IPerf3Port Setting[int]     `toml:"iperf3_port"`
	// Peers replaces the inherited list as a whole when present: merging
	// two lists of peers by position would pair unrelated hosts.
	Peers []peerLayer `toml:"peers"`
}

type peerLayer struct {
	Name    Setting[string] `toml:"name"`
	Address Setting[string] `toml:"address"`
}

var networkKeys = []string{"link_mbps", "rtt_ms", "iperf3_port", "peers"}

// networkKind places a key below a section's "network".
func networkKind(rest toml.Key) (string, bool) {
	switch {
	case len(rest) == 0:
		return "table", true
	case len(rest) == 1 && rest[0] == "peers":
		return "array of tables", true
	case len(rest) == 1:
		return "value", slices.Contains(networkKeys, rest[0])
	case len(rest) == 2 && rest[0] == "peers":
		return "value", rest[1] == "name" || rest[1] == "address"
	}
	return "", false
}

// resolveNetwork applies l's keys on top of base.
func resolveNetwork(base NetworkConfig, l networkLayer) NetworkConfig {
	n := base
	n.Peers = slices.Clone(base.Peers)
	set(&n.LinkMbps, l.LinkMbps)
	set(&n.RTTms, l.RTTms)
	set(&n.IPerf3Port, l.IPerf3Port)
	if l.Peers != nil {
		n.Peers = make([]NetworkPeer, 0, len(l.Peers))
		for _, p := range l.Peers {
			n.Peers = append(n.Peers, NetworkPeer{Name: p.Name.V, Address: p.Address.V})
		}
	}
	return n
}

// hostName is an RFC 1123 host name (labels of letters, digits and
// hyphens, not starting or ending with a hyphen).
var hostName = regexp.MustCompile(`^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*\.?$`)

// ValidPeerAddress reports whether s is an IP address or a host name.
// The address becomes an argument of ping and iperf3 on the host, so
// anything else (a leading "-" would read as an option) is refused.
func ValidPeerAddress(s string) bool {
	if net.ParseIP(s) != nil {
		return true
	}
	return len(s) <= 253 && hostName.MatchString(s)
}

// network checks one section's [network] values.
func (v *validator) network(sec toml.Key, l networkLayer) {
	at := func(name ...string) toml.Key { return append(append(toml.Key{}, sec...), name...) }
	// 100 Tb/s is beyond any NIC; the bound only catches typos in units.
	v.intRange(at("link_mbps"), l.LinkMbps, 1, 100_000_000)
	if l.RTTms.Set && (l.RTTms.V <= 0 || l.RTTms.V > 10_000) {
		v.fail(at("rtt_ms"), "%v is outside 0…10000 ms (exclusive of 0)", l.RTTms.V)
	}
	v.intRange(at("iperf3_port"), l.IPerf3Port, 1, 65535)
	seen := map[string]bool{}
	for _, p := range l.Peers {
		// Array entries have no key of their own: errors point at the
		// field, or at peers for a missing one (the line index keeps
		// the first entry's line either way).
		switch {
		case !p.Name.Set || strings.TrimSpace(p.Name.V) == "":
			v.fail(at("peers"), "every peer needs a name")
		case seen[p.Name.V]:
			v.fail(at("peers", "name"), "peer %q is listed twice", p.Name.V)
		case !p.Address.Set:
			v.fail(at("peers"), "peer %q has no address", p.Name.V)
		case !ValidPeerAddress(p.Address.V):
			v.fail(at("peers", "address"), "peer %q: %q is not an IP address or host name", p.Name.V, p.Address.V)
		}
		seen[p.Name.V] = true
	}
}
