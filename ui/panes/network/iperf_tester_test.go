package network

import (
	"context"
	"errors"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ops/action"
	"github.com/opsdeck/opsdeck/ops/config"
	"github.com/opsdeck/opsdeck/ops/iperf"
	"github.com/opsdeck/opsdeck/remote"
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

// versionRunner answers `iperf3 --version` and counts how often it was
// asked; every other command fails.
type versionRunner struct {
	out   string
	calls int
}

func (r *versionRunner) Run(_ context.Context, argv []string) (remote.Result, error) {
	if strings.Join(argv, " ") == "iperf3 --version" {
		r.calls++
		return remote.Result{Stdout: []byte(r.out)}, nil
	}
	return remote.Result{ExitCode: 1}, &remote.ExitError{Argv: argv, Code: 1}
}
func (r *versionRunner) Stream(ctx context.Context, argv []string, _ func(string)) (remote.Result, error) {
	return r.Run(ctx, argv)
}
func (r *versionRunner) Dial(context.Context, string, string) (net.Conn, error) {
	return nil, errors.New("no dial")
}
func (r *versionRunner) Close() error { return nil }

// TestTesterUsesDetectedVersion: after the first pane read found iperf3
// 3.17 on the host, tests stream JSON; the version is asked only once.
func TestTesterUsesDetectedVersion(t *testing.T) {
	vr := &versionRunner{out: "iperf 3.17.1 (cJSON 1.7.15)\nLinux nas 6.1.0\n"}
	h := &ops.Host{Name: "nas", Runner: vr, Privileged: vr,
		Platform: ops.Platform{Tools: map[string]bool{"iperf3": true}}}
	deps := HostDeps("nas", config.NetworkConfig{}, nil, nil)
	spec := Spec{Target: "127.0.0.1", Label: "loopback", Duration: 2 * time.Second, Streams: 1, Loopback: true}
	before := commandLines(deps.Tester.Action(h, spec))
	if strings.Contains(before, "--json-stream") {
		t.Fatalf("json-stream before the version was known:\n%s", before)
	}
	for i := 0; i < 2; i++ {
		deps.Read(context.Background(), h, nil, time.Now())
	}
	after := commandLines(deps.Tester.Action(h, spec))
	if !strings.Contains(after, "--json-stream") {
		t.Fatalf("iperf3 3.17 detected, but the test does not stream JSON:\n%s", after)
	}
	if vr.calls != 1 {
		t.Fatalf("asked the version %d times, want once", vr.calls)
	}
}

func commandLines(a action.Action) string {
	var b strings.Builder
	for _, c := range a.Commands() {
		b.WriteString(c.Line + "\n")
	}
	return b.String()
}
