package ops

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/opsdeck/opsdeck/ops/config"
	"github.com/opsdeck/opsdeck/remote"
)

// labReplies answers every network read from the lab's captures, with
// the hand-written WireGuard dump and this machine's loopback ping.
func labReplies() map[string]reply {
	return map[string]reply{
		key(ArgvIPAddr()):          {fixture: "net/ip_d_j_s_addr_lab.json"},
		key(ArgvLinkSpeeds()):      {stdout: "eth0 10000\n"},
		key(ArgvQdiscJSON()):       {fixture: "net/tc_j_qdisc_lab.json"},
		key(ArgvSysctlTCP()):       {fixture: "net/sysctl_n_lab.txt"},
		key(ArgvWGDump()):          {fixture: "net/wg_dump_handwritten.txt"},
		key(ArgvPing("127.0.0.1")): {fixture: "net/ping_lo.txt"},
	}
}

var peerCfg = NetworkConfig{NetworkConfig: config.NetworkConfig{IPerf3Port: 5201,
	Peers: []config.NetworkPeer{{Name: "self", Address: "127.0.0.1"}}}}

func TestReadNetworkConcurrentAndComplete(t *testing.T) {
	f := newFake(t, labReplies())
	f.barrier = 6
	h := &Host{Name: "lab", Runner: f}
	st := ReadNetwork(context.Background(), h, peerCfg, nil, wgNow)
	if f.peak != 6 {
		t.Errorf("peak concurrency %d, want 6 (calls %v)", f.peak, f.calls)
	}
	if st.Errors != nil {
		t.Fatalf("errors %v", st.Errors)
	}
	if len(st.Interfaces) != 2 || st.Interfaces[1].SpeedMbps != 10000 || st.Interfaces[1].Qdisc != "fq_codel" || st.Interfaces[1].HasRate {
		t.Errorf("interfaces %+v", st.Interfaces)
	}
	if len(st.WireGuard) != 2 || st.WireGuardNote != "" || st.TCP.CongestionControl != "cubic" {
		t.Errorf("wg %+v note %q tcp %+v", st.WireGuard, st.WireGuardNote, st.TCP)
	}
	if st.Ping == nil || st.Ping.Peer != "self" || st.Ping.Avg != 117*time.Microsecond {
		t.Errorf("ping %+v", st.Ping)
	}
	// 10 Gb/s × 0.117 ms = 146250 bytes.
	if st.TCP.BDP != 146250 || st.TCP.BDPSource != "link speed 10000 Mb/s of eth0 × RTT 0.117 ms measured by ping to self (127.0.0.1)" {
		t.Errorf("BDP %d from %q", st.TCP.BDP, st.TCP.BDPSource)
	}
	// The lab's 6 MiB tcp_rmem max is 43× that BDP; wg1's peer is stale.
	if !strings.Contains(summaries(st.Findings), "warning: buffers 43× larger than the BDP") ||
		!strings.Contains(summaries(st.Findings), "stale WireGuard handshake on wg1") || st.Verdict != st.Findings[0].Summary {
		t.Errorf("findings:\n%s\nverdict %q", summaries(st.Findings), st.Verdict)
	}

	// A second read five seconds later has rates; counters that went
	// back (a re-created link) have none.
	prev := st
	prev.CollectedAt = wgNow.Add(-5 * time.Second)
	prev.Interfaces = append([]NetInterface(nil), st.Interfaces...)
	prev.Interfaces[1].RxBytes -= 5000
	prev.Interfaces[1].TxBytes -= 1000
	prev.Interfaces[0].RxBytes += 1
	next := ReadNetwork(context.Background(), &Host{Runner: newFake(t, labReplies())}, peerCfg, &prev, wgNow)
	if e := next.Interfaces[1]; !e.HasRate || e.RxRate != 1000 || e.TxRate != 200 {
		t.Errorf("eth0 rates %+v", e)
	}
	if lo := next.Interfaces[0]; lo.HasRate {
		t.Errorf("lo counter reset still has a rate: %+v", lo)
	}
}

func TestReadNetworkWireGuardAbsent(t *testing.T) {
	tests := []struct {
		name  string
		tools map[string]bool
		wg    reply
		note  string
	}{
		{"probe found no wg", map[string]bool{"wg": false}, reply{}, "WireGuard not in use: wg (wireguard-tools) is not installed"},
		{"wg missing", nil, reply{err: &remote.ExitError{Argv: ArgvWGDump(), Code: 127, Stderr: "bash: wg: command not found"}},
			"WireGuard not in use: wg (wireguard-tools) is not installed"},
		{"no interfaces", nil, reply{fixture: "net/wg_dump_none_lab.txt"}, "WireGuard not in use: no WireGuard interfaces"},
		{"not root", nil, reply{err: &remote.ExitError{Argv: ArgvWGDump(), Code: 1, Host: "nas", User: "ops",
			Stderr: "Unable to access interface: Operation not permitted\n"}},
			"WireGuard not shown: `wg show` needs root; permission denied on nas: enable sudo for this host and add a sudoers line: ops ALL=(root) NOPASSWD: /path/to/wg show all dump (path from `command -v wg`)"},
	}
	for _, tt := range tests {
		replies := labReplies()
		replies[key(ArgvWGDump())] = tt.wg
		f := newFake(t, replies)
		st := ReadNetwork(context.Background(), &Host{Runner: f, Platform: Platform{Tools: tt.tools}}, NetworkConfig{}, nil, wgNow)
		if st.WireGuardNote != tt.note || st.Errors != nil || len(st.WireGuard) != 0 {
			t.Errorf("%s: note %q errors %v", tt.name, st.WireGuardNote, st.Errors)
		}
		if tt.tools != nil && strings.Contains(strings.Join(f.calls, "\n"), "wg show") {
			t.Errorf("%s: ran wg although the probe found none", tt.name)
		}
	}
}

func TestReadNetworkFallbacksAndErrors(t *testing.T) {
	replies := labReplies()
	replies[key(ArgvQdiscJSON())] = reply{stdout: "", err: &remote.ExitError{Argv: ArgvQdiscJSON(), Code: 255, Stderr: `Option "-j" is unknown, try "tc -help".`}}
	replies[key(ArgvQdiscText())] = reply{stdout: "qdisc fq 0: dev eth0 root refcnt 2 limit 10000p\n"}
	replies[key(ArgvSysctlTCP())] = reply{stdout: "bbr\n", err: &remote.ExitError{Argv: ArgvSysctlTCP(), Code: 255, Stderr: "sysctl: cannot stat /proc/sys/net/ipv4/tcp_ecn"}}
	replies[key(ArgvPing("127.0.0.1"))] = reply{stdout: "3 packets transmitted, 0 received, 100% packet loss, time 2041ms\n",
		err: &remote.ExitError{Argv: ArgvPing("127.0.0.1"), Code: 1}}
	cfg := peerCfg
	cfg.IPerf3RTT, cfg.IPerf3At = 20*time.Millisecond, wgNow.Add(-time.Hour)
	st := ReadNetwork(context.Background(), &Host{Runner: newFake(t, replies)}, cfg, nil, wgNow)
	if st.Interfaces[1].Qdisc != "fq" {
		t.Errorf("text fallback not used: %+v", st.Interfaces[1])
	}
	if !strings.Contains(st.Errors["sysctl"], "tcp_ecn") || !strings.Contains(st.Errors["ping"], "ping self (127.0.0.1): ping: no reply to 3 probes") {
		t.Errorf("errors %v", st.Errors)
	}
	if st.TCP.BDP != 25_000_000 || st.TCP.BDPSource != "link speed 10000 Mb/s of eth0 × RTT 20 ms reported by iperf3 at 2025-11-26 12:20 UTC" {
		t.Errorf("BDP %d from %q", st.TCP.BDP, st.TCP.BDPSource)
	}
}

func TestEstimateBDPSources(t *testing.T) {
	ifs := []NetInterface{{Name: "eth0", Up: true, SpeedMbps: 10000}, {Name: "eth1", SpeedMbps: 25000}}
	cfg := NetworkConfig{NetworkConfig: config.NetworkConfig{LinkMbps: 1000, RTTms: 100}}
	if b, src := EstimateBDP(ifs, cfg, &NetPing{Avg: time.Millisecond}); b != 12_500_000 ||
		src != "bandwidth 1000 Mb/s from the config (link_mbps) × RTT 100 ms from the config (rtt_ms)" {
		t.Errorf("config: %d %q", b, src)
	}
	if b, src := EstimateBDP(ifs, NetworkConfig{}, nil); b != 0 || !strings.HasPrefix(src, "no BDP: RTT unknown") || !strings.HasSuffix(src, "of eth0") {
		t.Errorf("no rtt: %d %q", b, src)
	}
	if b, src := EstimateBDP(nil, NetworkConfig{}, &NetPing{Avg: time.Millisecond, Peer: "p", Address: "a"}); b != 0 || !strings.HasPrefix(src, "no BDP: link speed unknown") {
		t.Errorf("no speed: %d %q", b, src)
	}
	if b, src := EstimateBDP(nil, NetworkConfig{}, nil); b != 0 || !strings.Contains(src, "link speed and RTT unknown") {
		t.Errorf("nothing: %d %q", b, src)
	}
}
