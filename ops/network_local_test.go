package ops

import (
	"context"
	"os/exec"
	"testing"
	"time"

	"github.com/opsdeck/opsdeck/ops/config"
	"github.com/opsdeck/opsdeck/remote"
)

// ReadNetwork against this machine's real ip, tc, sysctl, wg and ping:
// the argv builders, the speed script and the parsers must agree with
// the real tools (apt: iproute2, procps, iputils-ping, wireguard-tools).
func TestReadNetworkLocal(t *testing.T) {
	for _, tool := range []string{"ip", "tc", "sysctl", "ping", "sh"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed", tool)
		}
	}
	r := remote.NewLocal()
	h := &Host{Name: "localhost", Runner: r, Privileged: r}
	cfg := NetworkConfig{NetworkConfig: config.NetworkConfig{Peers: []config.NetworkPeer{{Name: "self", Address: "127.0.0.1"}}}}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	t0 := time.Now()
	first := ReadNetwork(ctx, h, cfg, nil, t0)
	// lo always exists; sending pings over it makes its counters move.
	second := ReadNetwork(ctx, h, cfg, &first, time.Now())
	for _, st := range []NetworkStatus{first, second} {
		if _, err := exec.LookPath("wg"); err != nil {
			delete(st.Errors, "wireguard") // reported as a note instead
		}
		if len(st.Errors) != 0 {
			t.Fatalf("errors %v", st.Errors)
		}
	}
	var lo *NetInterface
	for i, n := range second.Interfaces {
		if n.Name == "lo" {
			lo = &second.Interfaces[i]
		}
	}
	if lo == nil || lo.Kind != "loopback" || lo.Qdisc == "" || !lo.HasRate || lo.RxRate <= 0 || lo.RxBytes == 0 {
		t.Errorf("lo %+v", lo)
	}
	if second.TCP.CongestionControl == "" || second.TCP.RmemMax == 0 || second.TCP.TCPRmem[2] == 0 {
		t.Errorf("tcp %+v", second.TCP)
	}
	if second.Ping == nil || second.Ping.Received != 3 || second.Ping.Avg <= 0 {
		t.Errorf("ping %+v", second.Ping)
	}
	if len(second.WireGuard) == 0 && second.WireGuardNote == "" {
		t.Error("no WireGuard and no note saying why")
	}
	if second.Verdict == "" {
		t.Error("no verdict")
	}
}
