package demo

import (
	"context"
	"errors"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/remote"
)

// simRunner runs argv on a Sim, as the demo's SSH server does, so the
// console's own read path can be pointed at the simulation.
type simRunner struct{ s *Sim }

func (r simRunner) Run(_ context.Context, argv []string) (remote.Result, error) {
	out := r.s.Run(argv)
	res := remote.Result{Stdout: []byte(out.Stdout), Stderr: []byte(out.Stderr), ExitCode: out.Code}
	if out.Code != 0 {
		return res, &remote.ExitError{Argv: argv, Code: out.Code, Stderr: out.Stderr}
	}
	return res, nil
}
func (simRunner) Stream(context.Context, []string, func(string)) (remote.Result, error) {
	return remote.Result{}, errors.New("no streams")
}
func (simRunner) Dial(context.Context, string, string) (net.Conn, error) {
	return nil, errors.New("no dial")
}
func (simRunner) Close() error { return nil }

// The console reading the demo host sees the seed server's mistakes, with
// rates that move and handshakes that keep up.
func TestDemoNetworkThroughReadNetwork(t *testing.T) {
	s, clk := newDemoSim()
	h := &ops.Host{Name: "demo", Runner: simRunner{s}, Privileged: simRunner{s}}
	cfg := ops.NetworkConfig{NetworkConfig: DemoNetworkConfig()}
	first := ops.ReadNetwork(context.Background(), h, cfg, nil, clk.Now())
	clk.Advance(10 * time.Minute)
	st := ops.ReadNetwork(context.Background(), h, cfg, &first, clk.Now())
	if st.Errors != nil {
		t.Fatalf("errors %v", st.Errors)
	}
	byName := map[string]ops.NetInterface{}
	for _, n := range st.Interfaces {
		byName[n.Name] = n
	}
	eth, wg := byName["eth0"], byName["wg0"]
	if eth.SpeedMbps != 10000 || eth.Qdisc != "fq_codel" || !eth.HasRate || eth.TxRate < 118e6*0.4 || eth.TxRate > 118e6*1.6 {
		t.Errorf("eth0 %+v", eth)
	}
	if wg.Kind != "wireguard" || wg.MTU != 1500 || !wg.HasRate || wg.SpeedMbps != 0 {
		t.Errorf("wg0 %+v", wg)
	}
	if len(st.WireGuard) != 1 || len(st.WireGuard[0].Peers) != 2 || st.WireGuard[0].MTU != 1500 {
		t.Fatalf("wireguard %+v", st.WireGuard)
	}
	if mn, laptop := st.WireGuard[0].Peers[0], st.WireGuard[0].Peers[1]; mn.Stale || mn.RxBytes == 0 || !laptop.Stale {
		t.Errorf("peers: minnesota %+v laptop %+v", mn, laptop)
	}
	var got []string
	for _, f := range st.Findings {
		got = append(got, f.Summary)
	}
	want := []string{
		"WireGuard MTU 1500 on wg0 (expected ≤ 1420)",
		"BBR without fq on eth0, wg0",
		"ECN on (net.ipv4.tcp_ecn = 1)",
		"buffers 10× larger than the BDP",
		"stale WireGuard handshake on wg0 (peer b3BzZGVj…, 57 min ago)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if st.Verdict != want[0] || !strings.Contains(st.TCP.BDPSource, "link speed 10000 Mb/s of eth0 × RTT 10.412 ms measured by ping to minnesota (10.0.0.2)") {
		t.Errorf("verdict %q, BDP from %q", st.Verdict, st.TCP.BDPSource)
	}
}

func TestDemoNetworkCommands(t *testing.T) {
	s, _ := newDemoSim()
	dump := run(t, s, ops.ArgvWGDump()...).Stdout
	priv := strings.Split(strings.SplitN(dump, "\n", 2)[0], "\t")[1]
	if priv == DemoNetwork(demoEpoch).WireGuard[0].PrivateKey || len(priv) != 44 {
		t.Errorf("private key %q is not fresh random bytes", priv)
	}
	js, err := ops.ParseQdiscJSON([]byte(run(t, s, ops.ArgvQdiscJSON()...).Stdout))
	text, err2 := ops.ParseQdiscText([]byte(run(t, s, ops.ArgvQdiscText()...).Stdout))
	if err != nil || err2 != nil || len(js) != 3 || len(text) != 3 || js[1] != text[1] {
		t.Errorf("qdisc json %+v (%v)\ntext %+v (%v)", js, err, text, err2)
	}
	if out := run(t, s, "sysctl", "-n", "net.core.default_qdisc", "net.ipv4.tcp_nope"); out.Stdout != "fq_codel\n" || out.Code != 255 ||
		!strings.Contains(out.Stderr, "/proc/sys/net/ipv4/tcp_nope") {
		t.Errorf("sysctl unknown key: %+v", out)
	}
	if out := run(t, s, ops.ArgvPing("10.9.9.9")...); out.Code != 1 || !strings.Contains(out.Stdout, "100% packet loss") {
		t.Errorf("unanswered ping: %+v", out)
	}
	if out := run(t, s, ops.ArgvPing("nowhere.example")...); out.Code != 2 {
		t.Errorf("unresolvable ping: %+v", out)
	}
	if out := run(t, s, ops.ArgvLinkSpeeds()...); out.Stdout != "eth0 10000\n" {
		t.Errorf("speeds %q", out.Stdout)
	}
	if out := run(t, s, "ip", "link"); out.Code != 127 || !strings.Contains(out.Stderr, "not simulated") {
		t.Errorf("ip link: %+v", out)
	}
}

// Counters only grow, whatever the clock does between reads.
func TestDemoCountersGrow(t *testing.T) {
	var last uint64
	for s := 0; s < 600; s += 7 {
		c := counter(100, 1e6, time.Duration(s)*time.Second)
		if c < last {
			t.Fatalf("counter fell at %ds: %d < %d", s, c, last)
		}
		last = c
	}
	if counter(100, 1e6, -time.Second) != 100 {
		t.Error("a clock before Start must give the base")
	}
}
