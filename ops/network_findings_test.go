package ops

import (
	"strings"
	"testing"
	"time"
)

// seedHost is the seed's server: 10 Gb/s eth0, wg0 at MTU 1500, BBR with
// fq_codel, ECN on and 128 MiB buffers, with a 10 ms RTT.
func seedHost() NetworkStatus {
	return NetworkStatus{
		CollectedAt: wgNow,
		Interfaces: []NetInterface{
			{Name: "lo", Kind: "loopback", Up: true, MTU: 65536, Qdisc: "noqueue"},
			{Name: "eth0", Kind: "ether", Up: true, State: "UP", MTU: 1500, SpeedMbps: 10000, Qdisc: "fq_codel"},
			{Name: "wg0", Kind: "wireguard", Up: true, State: "UNKNOWN", MTU: 1500, Qdisc: "noqueue"},
		},
		WireGuard: []WGInterface{{Name: "wg0", MTU: 1500, Peers: []WGPeer{{PublicKey: "AAAAAAAAAAAAAAAAfresh=", LatestHandshake: wgNow.Add(-time.Minute)}}}},
		TCP: TCPTuning{CongestionControl: "bbr", Available: []string{"reno", "cubic", "bbr"}, DefaultQdisc: "fq_codel", ECN: 1,
			RmemMax: 128 << 20, WmemMax: 128 << 20, TCPRmem: [3]uint64{4096, 87380, 64 << 20}, TCPWmem: [3]uint64{4096, 65536, 64 << 20},
			BDP: 12_500_000, BDPSource: "link speed 10000 Mb/s of eth0 × RTT 10 ms measured by ping to mn (10.0.0.2)"},
	}
}

// healthy is the same host with every mistake fixed.
func healthy() NetworkStatus {
	st := seedHost()
	st.Interfaces[1].Qdisc = "mq"
	st.Interfaces[1].QdiscChildren = []string{"fq"}
	st.Interfaces[2].Qdisc, st.Interfaces[2].MTU = "fq", 1420
	st.WireGuard[0].MTU = 1420
	st.TCP.ECN = 2
	st.TCP.RmemMax, st.TCP.WmemMax = 16<<20, 16<<20
	st.TCP.TCPRmem[2], st.TCP.TCPWmem[2] = 16<<20, 16<<20
	return st
}

func summaries(fs []NetFinding) string {
	var s []string
	for _, f := range fs {
		s = append(s, f.Severity+": "+f.Summary)
	}
	return strings.Join(s, "\n")
}

func TestSeedHostFindings(t *testing.T) {
	st := seedHost()
	fs := NetworkFindings(&st, nil)
	want := strings.Join([]string{
		"critical: WireGuard MTU 1500 on wg0 (expected ≤ 1420)",
		"warning: BBR without fq on eth0, wg0",
		"warning: ECN on (net.ipv4.tcp_ecn = 1)",
		"warning: buffers 11× larger than the BDP",
	}, "\n")
	if got := summaries(fs); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if v := Verdict(fs); v != "WireGuard MTU 1500 on wg0 (expected ≤ 1420)" {
		t.Errorf("verdict %q", v)
	}
	for _, f := range fs {
		if f.Evidence == "" || f.Fix == "" {
			t.Errorf("%q lacks evidence or fix", f.Summary)
		}
	}
	if !strings.Contains(fs[1].Evidence, "eth0: fq_codel, wg0: noqueue") || !strings.Contains(fs[3].Evidence, "128 MiB") ||
		!strings.Contains(fs[3].Evidence, "measured by ping") || !strings.Contains(fs[3].Fix, "16 MiB") {
		t.Errorf("evidence:\n%s\n%s / %s", fs[1].Evidence, fs[3].Evidence, fs[3].Fix)
	}
}

func TestHealthyHostHasNoFindings(t *testing.T) {
	st := healthy()
	prev := healthy()
	prev.CollectedAt = st.CollectedAt.Add(-5 * time.Second)
	fs := NetworkFindings(&st, &prev)
	if len(fs) != 0 || Verdict(fs) != "network OK" {
		t.Errorf("healthy host: %s", summaries(fs))
	}
}

// Each check fires on its own mistake and stays quiet otherwise.
func TestEachFinding(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(st, prev *NetworkStatus)
		want   string
	}{
		{"wg mtu on jumbo path", func(st, _ *NetworkStatus) { st.Interfaces[1].MTU = 9000; st.Interfaces[2].MTU = 9000 },
			"critical: WireGuard MTU 9000 on wg0 (expected ≤ 8920)"},
		{"wg by dump only", func(st, _ *NetworkStatus) { st.Interfaces[2].Kind = "none"; st.Interfaces[2].MTU = 1500 },
			"critical: WireGuard MTU 1500 on wg0 (expected ≤ 1420)"},
		{"bbr2 with fq_codel below mq", func(st, _ *NetworkStatus) {
			st.TCP.CongestionControl = "bbr2"
			st.Interfaces[1].QdiscChildren = []string{"fq", "fq_codel"}
		}, "warning: BBR without fq on eth0"},
		{"bbr ignores links that are down", func(st, _ *NetworkStatus) {
			st.TCP.CongestionControl = "bbr"
			st.Interfaces = append(st.Interfaces, NetInterface{Name: "eth1", Kind: "ether", Qdisc: "pfifo_fast"})
		}, ""},
		{"bbr ignores links without carrier", func(st, _ *NetworkStatus) {
			st.Interfaces = append(st.Interfaces, NetInterface{Name: "eth1", Kind: "ether", Up: true, State: "DOWN", Qdisc: "pfifo_fast"})
		}, ""},
		{"cubic with fq_codel is fine", func(st, _ *NetworkStatus) { st.TCP.CongestionControl = "cubic"; st.Interfaces[1].Qdisc = "fq_codel" }, ""},
		{"ecn", func(st, _ *NetworkStatus) { st.TCP.ECN = 1 }, "warning: ECN on (net.ipv4.tcp_ecn = 1)"},
		{"buffers 4x", func(st, _ *NetworkStatus) { st.TCP.BDP = 4 << 20 }, "warning: buffers 4× larger than the BDP"},
		{"buffers under 4x are fine", func(st, _ *NetworkStatus) { st.TCP.BDP = 5 << 20 }, ""},
		{"buffers too small", func(st, _ *NetworkStatus) { st.TCP.BDP = 25 << 20 }, "warning: buffers smaller than the BDP (16 MiB < 25 MiB)"},
		{"no BDP, no buffer verdict", func(st, _ *NetworkStatus) { st.TCP.BDP = 0; st.TCP.RmemMax = 1 << 30 }, ""},
		{"stale handshake", func(st, _ *NetworkStatus) {
			st.WireGuard[0].Peers[0].LatestHandshake = wgNow.Add(-10 * time.Minute)
			st.WireGuard[0].Peers[0].Stale = true
		},
			"warning: stale WireGuard handshake on wg0 (peer AAAAAAAA…, 10 min ago)"},
		{"never handshaked", func(st, _ *NetworkStatus) {
			st.WireGuard[0].Peers[0].LatestHandshake = time.Time{}
			st.WireGuard[0].Peers[0].Stale = true
		},
			"warning: stale WireGuard handshake on wg0 (peer AAAAAAAA…, never)"},
		{"errors growing", func(st, prev *NetworkStatus) { prev.Interfaces[1].RxErrors = 5; st.Interfaces[1].RxErrors = 17 },
			"warning: errors growing on eth0 (+12 in 5 s)"},
		{"errors reset is not growth", func(st, prev *NetworkStatus) { prev.Interfaces[1].RxErrors = 17; st.Interfaces[1].RxErrors = 2 }, ""},
		{"drops growing", func(st, prev *NetworkStatus) { st.Interfaces[1].TxDropped = 3 }, "info: drops growing on eth0 (+3 in 5 s)"},
		{"static errors are history", func(st, prev *NetworkStatus) { prev.Interfaces[1].RxErrors = 9; st.Interfaces[1].RxErrors = 9 }, ""},
		{"mtu mismatch", func(st, _ *NetworkStatus) {
			st.Interfaces = append(st.Interfaces, NetInterface{Name: "br0", Kind: "bridge", Up: true, MTU: 1500, Qdisc: "fq"},
				NetInterface{Name: "eth2", Kind: "ether", Up: true, MTU: 9000, Master: "br0", Qdisc: "fq"})
		}, "warning: MTU mismatch: eth2 9000 in br0 1500"},
	}
	for _, tt := range tests {
		st, prev := healthy(), healthy()
		prev.CollectedAt = st.CollectedAt.Add(-5 * time.Second)
		tt.mutate(&st, &prev)
		got := summaries(NetworkFindings(&st, &prev))
		if got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}
