package demo

import (
	"time"

	"github.com/opsdeck/opsdeck/ops/config"
)

// DemoNetwork is the seed server's network as `opsdeck demo` shows it:
// eth0 at 10 Gb/s, wg0 to the Minnesota server left at the default MTU
// 1500, BBR enabled while every qdisc is fq_codel, ECN requested
// (tcp_ecn = 1) and 128 MiB socket buffers for a 10 ms path.
func DemoNetwork(now time.Time) *Network {
	return &Network{
		Start: now,
		Links: []*Link{
			{Index: 1, Name: "lo", LinkType: "loopback", Flags: []string{"LOOPBACK", "UP", "LOWER_UP"}, MTU: 65536,
				Qdisc: "noqueue", State: "UNKNOWN", MAC: "00:00:00:00:00:00",
				Addrs:  []LinkAddr{{"inet", "127.0.0.1", 8, "host"}, {"inet6", "::1", 128, "host"}},
				RxBase: 93_117_442, TxBase: 93_117_442, RxRate: 20_000, TxRate: 20_000},
			{Index: 2, Name: "eth0", LinkType: "ether", Flags: []string{"BROADCAST", "MULTICAST", "UP", "LOWER_UP"}, MTU: 1500,
				Qdisc: "fq_codel", State: "UP", MAC: "3c:ec:ef:a1:07:5e", SpeedMbps: 10000,
				Addrs: []LinkAddr{{"inet", "192.0.2.10", 24, "global"}, {"inet6", "fe80::3eec:efff:fea1:75e", 64, "link"}},
				// Replication out over the tunnel plus SMB clients on the LAN.
				RxBase: 8_812_004_377_120, TxBase: 21_390_551_908_416, RxRate: 46e6, TxRate: 118e6},
			{Index: 3, Name: "wg0", LinkType: "none", Kind: "wireguard", Flags: []string{"POINTOPOINT", "NOARP", "UP", "LOWER_UP"}, MTU: 1500,
				Qdisc: "noqueue", State: "UNKNOWN",
				Addrs:  []LinkAddr{{"inet", "10.0.0.1", 24, "global"}},
				RxBase: 1_020_331_907_212, TxBase: 9_884_112_700_564, RxRate: 3.1e6, TxRate: 71e6},
		},
		Sysctl: map[string]string{
			"net.ipv4.tcp_congestion_control":           "bbr",
			"net.ipv4.tcp_available_congestion_control": "reno cubic bbr",
			"net.core.default_qdisc":                    "fq_codel",
			"net.ipv4.tcp_ecn":                          "1",
			"net.core.rmem_max":                         "134217728",
			"net.core.wmem_max":                         "134217728",
			"net.ipv4.tcp_rmem":                         "4096\t87380\t67108864",
			"net.ipv4.tcp_wmem":                         "4096\t65536\t67108864",
		},
		WireGuard: []*WGDevice{{
			Name: "wg0", PrivateKey: randomKey(), PublicKey: fakeKey("wg0-public"), ListenPort: 51820,
			Peers: []*WGPeerSim{
				{PublicKey: fakeKey("minnesota-public"), Endpoint: "198.51.100.20:51820", AllowedIPs: []string{"10.0.0.2/32", "10.20.0.0/16"},
					HandshakeEvery: 2 * time.Minute, LastHandshake: now.Add(-41 * time.Second), Keepalive: 25, RxRate: 3.1e6, TxRate: 71e6},
				// A laptop that roamed away: its last handshake ages.
				{PublicKey: fakeKey("laptop-public"), Endpoint: "203.0.113.77:40122", AllowedIPs: []string{"10.0.0.5/32"},
					LastHandshake: now.Add(-47 * time.Minute)},
			},
		}},
		RTT: map[string]time.Duration{
			"10.0.0.2": 10*time.Millisecond + 412*time.Microsecond, "198.51.100.20": 9*time.Millisecond + 870*time.Microsecond,
			"192.0.2.1": 212 * time.Microsecond,
		},
	}
}

// DemoNetworkConfig is the [network] block that goes with DemoNetwork
// when the operator's file has none for the demo host: the tunnel's far
// end as the peer, so the pane pings it and can compute a BDP.
func DemoNetworkConfig() config.NetworkConfig {
	return config.NetworkConfig{IPerf3Port: config.DefaultIPerf3Port,
		Peers: []config.NetworkPeer{{Name: "minnesota", Address: "10.0.0.2"}}}
}
