package network

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ops/config"
	"github.com/opsdeck/opsdeck/ops/iperf"
)

func TestIperfTesterHistoryAndBaseline(t *testing.T) {
	store, err := iperf.OpenHistory(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	tt := &IperfTester{Host: "lab", Store: store}
	if err := tt.MarkBaseline(); err == nil {
		t.Fatal("marked a baseline with no results")
	}
	t1, t2 := testNow.Add(-time.Hour), testNow
	for _, r := range []iperf.Result{
		{Time: t1, Host: "lab", Target: "10.8.0.2", TargetName: "peer backup (10.8.0.2)", Seconds: 10, Parallel: 1,
			Summary: iperf.Summary{SentBps: 9.4e8, ReceivedBps: 9.3e8, Retransmits: 12, SenderCC: "cubic", ReceiverCC: "cubic"}},
		{Time: t2, Host: "lab", Target: "10.8.0.2", Seconds: 30, Parallel: 4, Reverse: true,
			Summary: iperf.Summary{SentBps: 8e8, ReceivedBps: 7.9e8, Retransmits: -1, SenderCC: "bbr", ReceiverCC: "cubic"}},
	} {
		if err := store.Append(r); err != nil {
			t.Fatal(err)
		}
	}
	hist, base := tt.History()
	if len(hist) != 2 || base != -1 {
		t.Fatalf("History = %d results, base %d", len(hist), base)
	}
	if h := hist[0]; h.Target != "peer backup (10.8.0.2)" || h.Streams != 1 || h.Duration != 10*time.Second || !h.At.Equal(t1) {
		t.Fatalf("first result = %+v", h)
	}
	// Reverse: the host received, so its side used the receiver's CC.
	if h := hist[1]; !h.Reverse || h.CCLocal != "cubic" || h.CCRemote != "bbr" || h.Retransmits != -1 {
		t.Fatalf("reverse result = %+v", h)
	}
	if err := tt.MarkBaseline(); err != nil {
		t.Fatal(err)
	}
	if _, base := tt.History(); base != 1 {
		t.Fatalf("baseline index %d, want the newest (1)", base)
	}
}

func TestIperfTesterWithoutStore(t *testing.T) {
	tt := &IperfTester{Host: "lab"}
	if h, base := tt.History(); h != nil || base != -1 {
		t.Fatal("results without a store")
	}
	if err := tt.MarkBaseline(); err == nil || !strings.Contains(err.Error(), "not kept") {
		t.Fatalf("MarkBaseline without a store: %v", err)
	}
}

func TestIperfTesterActionCommands(t *testing.T) {
	tt := &IperfTester{Host: "lab", Port: 5301}
	h := &ops.Host{Name: "lab"}
	a := tt.Action(h, Spec{Target: "10.8.0.2", Label: "peer backup (10.8.0.2)", Reverse: true,
		Duration: 30 * time.Second, Streams: 4, Congestion: "bbr"})
	var lines []string
	for _, c := range a.Commands() {
		lines = append(lines, c.Line)
	}
	all := strings.Join(lines, "\n")
	for _, want := range []string{"iperf3 -c 10.8.0.2 -p 5301 -t 30 -P 4 -R -C bbr"} {
		if !strings.Contains(all, want) {
			t.Errorf("commands lack %q:\n%s", want, all)
		}
	}
	if strings.Contains(all, "iperf3 -s") {
		t.Errorf("a peer test started a server on the host:\n%s", all)
	}
	lo := tt.Action(h, loopback)
	var loLines []string
	for _, c := range lo.Commands() {
		loLines = append(loLines, c.Line)
	}
	if !strings.Contains(strings.Join(loLines, "\n"), "iperf3 -s -1 -p 5301") {
		t.Errorf("loopback test starts no one-off server:\n%s", strings.Join(loLines, "\n"))
	}
}

func TestHostDeps(t *testing.T) {
	cfg := config.NetworkConfig{IPerf3Port: 5301, Peers: []config.NetworkPeer{{Name: "backup", Address: "10.8.0.2"}}}
	d := HostDeps("lab", cfg, nil, nil)
	if len(d.Peers) != 1 || d.Peers[0] != (Peer{Name: "backup", Address: "10.8.0.2"}) {
		t.Fatalf("peers = %+v", d.Peers)
	}
	if tt, ok := d.Tester.(*IperfTester); !ok || tt.Port != 5301 || tt.Host != "lab" {
		t.Fatalf("tester = %#v", d.Tester)
	}
	st := d.Read(context.Background(), nil, nil, testNow)
	if st.Errors["interfaces"] == "" {
		t.Fatal("a read without a host did not say so")
	}
}
