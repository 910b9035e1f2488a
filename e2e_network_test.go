//go:build e2e

package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ops/iperf"
)

// The Network pane against the guest: WireGuard and TCP tuning made wrong
// in the guest at test time (and undone), read through ops.ReadNetwork
// over real SSH, and the WireGuard finding on the console's screen.

// wgDumpFixture is the lab's real `wg show all dump`, private key redacted.
const wgDumpFixture = "testdata/zfs/net/wg_dump_lab.txt"

// readNet reads the Network pane's data once, as the console does.
func readNet(t *testing.T, h *ops.Host) ops.NetworkStatus {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	st := ops.ReadNetwork(ctx, h, ops.NetworkConfig{}, nil, time.Now())
	for section, err := range st.Errors {
		if section != "wireguard" {
			t.Fatalf("ReadNetwork section %s: %s", section, err)
		}
	}
	return st
}

// findingLike is the first finding whose summary starts with prefix.
func findingLike(st ops.NetworkStatus, prefix string) (ops.NetFinding, bool) {
	for _, f := range st.Findings {
		if strings.HasPrefix(f.Summary, prefix) {
			return f, true
		}
	}
	return ops.NetFinding{}, false
}

func summaries(st ops.NetworkStatus) string {
	var s []string
	for _, f := range st.Findings {
		s = append(s, f.Summary)
	}
	return strings.Join(s, "; ")
}

// guestEth is the guest's first device-backed link (it has no default route).
func guestEth(t *testing.T) string {
	t.Helper()
	eth := strings.TrimSpace(guest(t, `for d in /sys/class/net/*; do [ -e "$d/device" ] && { basename "$d"; break; }; done; true`))
	if eth == "" {
		t.Fatal("the guest has no network device")
	}
	return eth
}

// TestE2ENetworkWireGuardMTU: a WireGuard interface with MTU 1500 in the
// guest is flagged (expected ≤ 1420 over a 1500-byte uplink), on the
// console too; at 1420 the finding is gone. The real dump parses.
func TestE2ENetworkWireGuardMTU(t *testing.T) {
	if r := guestAs(t, labAlias, "modprobe wireguard"); r.Code != 0 {
		t.Skipf("the guest kernel has no wireguard module: %s", strings.TrimSpace(r.Stderr))
	}
	h := labHost(t)
	t.Cleanup(func() { guestAs(t, labAlias, "ip link del wg-e2e; rm -f /root/wg-e2e.key") })
	// One peer without endpoint or keepalive: the interface never sends.
	guest(t, `set -e; umask 077; wg genkey > /root/wg-e2e.key
ip link add wg-e2e type wireguard
wg set wg-e2e private-key /root/wg-e2e.key listen-port 51999 peer "$(wg genkey | wg pubkey)" allowed-ips 192.0.2.2/32
ip link set wg-e2e mtu 1500 up`)

	st := readNet(t, h)
	want := "WireGuard MTU 1500 on wg-e2e (expected ≤ 1420)"
	if _, ok := findingLike(st, want); !ok {
		t.Fatalf("no finding %q; findings: %s", want, summaries(st))
	}
	var found bool
	for _, n := range st.Interfaces {
		if n.Name == "wg-e2e" {
			found = true
			if n.MTU != 1500 {
				t.Errorf("wg-e2e MTU %d, want 1500", n.MTU)
			}
		}
	}
	if !found {
		t.Fatalf("wg-e2e missing from the interfaces: %+v", st.Interfaces)
	}
	if len(st.WireGuard) != 1 || st.WireGuard[0].Name != "wg-e2e" || st.WireGuard[0].ListenPort != 51999 || len(st.WireGuard[0].Peers) != 1 {
		t.Errorf("WireGuard section %+v (note %q, error %q), want wg-e2e on port 51999 with one peer",
			st.WireGuard, st.WireGuardNote, st.Errors["wireguard"])
	}
	checkWGDump(t)

	c := startConsole(t, labAlias)
	c.waitScreen("the console", 2*time.Minute, "Pool")
	c.keys("3")
	c.waitScreen("the WireGuard MTU finding in the Network pane", 2*time.Minute, want)

	guest(t, "ip link set wg-e2e mtu 1420")
	if f, ok := findingLike(readNet(t, h), "WireGuard MTU"); ok {
		t.Errorf("finding %q still there at MTU 1420", f.Summary)
	}
	waitFor(t, "the finding to leave the console", 2*time.Minute, func() (bool, string) {
		s := c.screen()
		return !strings.Contains(s, "WireGuard MTU 1500") && strings.Contains(s, "wg-e2e"), s
	})
}

// checkWGDump parses the guest's real `wg show all dump`, and the fixture
// made from it (OPSDECK_E2E_CAPTURE=1 rewrites the fixture, with the
// throwaway private key redacted).
func checkWGDump(t *testing.T) {
	t.Helper()
	dump := guest(t, "wg show all dump")
	ifs, err := ops.ParseWGDump([]byte(dump), time.Now())
	if err != nil || len(ifs) != 1 || ifs[0].Name != "wg-e2e" || ifs[0].ListenPort != 51999 || len(ifs[0].Peers) != 1 {
		t.Fatalf("ParseWGDump of the live dump: %+v, %v", ifs, err)
	}
	if os.Getenv("OPSDECK_E2E_CAPTURE") == "1" {
		ver := strings.Fields(guest(t, "wg --version"))
		if len(ver) < 2 {
			t.Fatalf("wg --version: %q", ver)
		}
		var b bytes.Buffer
		fmt.Fprintf(&b, "# $ wg show all dump (wireguard-tools %s, lab guest, as root; the private key is a throwaway one, redacted)\n", ver[1])
		for _, line := range strings.Split(strings.TrimRight(dump, "\n"), "\n") {
			if f := strings.Split(line, "\t"); len(f) == 5 {
				f[1] = "(redacted)"
				line = strings.Join(f, "\t")
			}
			b.WriteString(line + "\n")
		}
		if err := os.WriteFile(filepath.FromSlash(wgDumpFixture), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	raw, err := os.ReadFile(filepath.FromSlash(wgDumpFixture))
	if err != nil {
		t.Fatalf("%v (OPSDECK_E2E_CAPTURE=1 writes it)", err)
	}
	head, body, _ := bytes.Cut(raw, []byte("\n"))
	if !bytes.HasPrefix(head, []byte("# $ wg show all dump (wireguard-tools ")) {
		t.Fatalf("%s: header %q does not name the command", wgDumpFixture, head)
	}
	for _, line := range strings.Split(string(body), "\n") {
		if f := strings.Split(line, "\t"); len(f) == 5 && f[1] != "(redacted)" {
			t.Fatalf("%s: an interface line's private key is not redacted", wgDumpFixture)
		}
	}
	fx, err := ops.ParseWGDump(body, time.Now())
	if err != nil || len(fx) != 1 || fx[0].Name != "wg-e2e" || fx[0].ListenPort != 51999 || len(fx[0].Peers) != 1 || fx[0].Peers[0].Endpoint != "" {
		t.Fatalf("ParseWGDump of %s: %+v, %v", wgDumpFixture, fx, err)
	}
}

// TestE2ENetworkBBRfq: BBR over fq_codel on the uplink is flagged; fq
// on the uplink clears it. The guest's settings are restored.
func TestE2ENetworkBBRfq(t *testing.T) {
	h := labHost(t)
	eth := guestEth(t)
	cc := strings.TrimSpace(guest(t, "sysctl -n net.ipv4.tcp_congestion_control"))
	def := strings.TrimSpace(guest(t, "sysctl -n net.core.default_qdisc"))
	root := rootQdisc(t, eth)
	t.Cleanup(func() {
		guestAs(t, labAlias, fmt.Sprintf("sysctl -w net.ipv4.tcp_congestion_control=%s net.core.default_qdisc=%s; tc qdisc del dev %s root",
			shq(cc), shq(def), shq(eth)))
		if got := rootQdisc(t, eth); got != root {
			// del falls back to the default qdisc; this root was set by hand.
			guestAs(t, labAlias, fmt.Sprintf("tc qdisc replace dev %s root %s", shq(eth), shq(root)))
		}
		if got := rootQdisc(t, eth); got != root {
			t.Errorf("root qdisc of %s left as %s, was %s", eth, got, root)
		}
	})
	guest(t, fmt.Sprintf("modprobe tcp_bbr && sysctl -w net.core.default_qdisc=fq_codel && tc qdisc replace dev %s root fq_codel && sysctl -w net.ipv4.tcp_congestion_control=bbr", shq(eth)))

	st := readNet(t, h)
	f, ok := findingLike(st, "BBR without fq on ")
	if !ok || !strings.Contains(f.Summary, eth) || !strings.Contains(f.Evidence, "fq_codel") {
		t.Fatalf("no finding BBR without fq on %s (fq_codel); findings: %s", eth, summaries(st))
	}
	if st.TCP.CongestionControl != "bbr" || st.TCP.DefaultQdisc != "fq_codel" {
		t.Errorf("TCP tuning %+v, want bbr over default fq_codel", st.TCP)
	}

	guest(t, fmt.Sprintf("tc qdisc replace dev %s root fq", shq(eth)))
	st = readNet(t, h)
	if f, ok := findingLike(st, "BBR without fq"); ok {
		t.Errorf("finding %q with fq on %s", f.Summary, eth)
	}
	for _, n := range st.Interfaces {
		if n.Name == eth && n.Qdisc != "fq" {
			t.Errorf("%s qdisc %q, want fq", eth, n.Qdisc)
		}
	}
}

// rootQdisc is the kind of the root qdisc on dev in the guest.
func rootQdisc(t *testing.T, dev string) string {
	t.Helper()
	out := guest(t, fmt.Sprintf("tc qdisc show dev %s root | awk 'NR==1{print $2}'", shq(dev)))
	return strings.TrimSpace(out)
}

// iperfPort is the one-off server's port: the lab's own iperf3 service
// already listens on 5201.
const iperfPort = 5299

// iperfLeft is what runs of a test on iperfPort ([sc]: not pgrep's shell).
func iperfLeft(t *testing.T) string {
	t.Helper()
	return strings.TrimSpace(guestAs(t, labAlias, fmt.Sprintf("pgrep -af 'iperf3 -[sc] .*-p %d'", iperfPort)).Stdout)
}

// TestE2ENetworkIperf3: the guided test to the guest's own loopback with
// a one-off server gives a summary with throughput, drawn live from its
// lines; a cancelled test leaves neither client nor server behind.
func TestE2ENetworkIperf3(t *testing.T) {
	h := labHost(t)
	if left := iperfLeft(t); left != "" {
		t.Fatalf("iperf3 already running on port %d in the guest:\n%s", iperfPort, left)
	}
	t.Cleanup(func() { guestAs(t, labAlias, fmt.Sprintf("pkill -f 'iperf3 -[sc] .*-p %d'", iperfPort)) })
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	v, err := iperf.DetectVersion(ctx, h.Runner, h.Name)
	if err != nil {
		t.Fatal(err)
	}
	hist, err := iperf.OpenHistory(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	ex := labExecutor(t)
	spec := iperf.Spec{Target: "127.0.0.1", TargetName: "loopback", Port: iperfPort, Duration: 2 * time.Second, ServerOnHost: true, Version: v}

	var mu sync.Mutex
	p := iperf.NewLineParser(iperf.FormatAuto)
	res := ex.Run(ctx, iperf.TestAction(h, spec, hist), func(line string) {
		mu.Lock()
		defer mu.Unlock()
		p.Feed(line)
	})
	if res.Err != nil || res.VerifyErr != nil {
		t.Fatalf("iperf3 test: %v / verify %v\n%s", res.Err, res.VerifyErr, strings.Join(res.Output, "\n"))
	}
	mu.Lock()
	sum, ok := p.Summary()
	ivs := len(p.Intervals())
	mu.Unlock()
	if !ok || ivs < 2 || sum.SentBps <= 0 || sum.ReceivedBps <= 0 {
		t.Fatalf("streamed lines: summary %+v (%v), %d intervals", sum, ok, ivs)
	}
	last, ok, err := hist.Last(h.Name)
	if err != nil || !ok || last.Summary.ReceivedBps <= 0 || last.Port != iperfPort {
		t.Fatalf("history: %+v %v %v", last, ok, err)
	}
	t.Log(res.VerifyText)
	waitFor(t, "no iperf3 left after the test", 30*time.Second, func() (bool, string) {
		left := iperfLeft(t)
		return left == "", left
	})

	// Cancelled at its first interval, a long test stops both processes.
	spec.Duration = 60 * time.Second
	cctx, ccancel := context.WithCancel(ctx)
	defer ccancel()
	cp := iperf.NewLineParser(iperf.FormatAuto)
	res = ex.Run(cctx, iperf.TestAction(h, spec, hist), func(line string) {
		mu.Lock()
		defer mu.Unlock()
		if iv, _, _ := cp.Feed(line); iv != nil {
			ccancel()
		}
	})
	if !res.Canceled || res.Err == nil {
		t.Fatalf("cancelled test: canceled=%v err=%v\n%s", res.Canceled, res.Err, strings.Join(res.Output, "\n"))
	}
	waitFor(t, "no iperf3 left after the cancel", 30*time.Second, func() (bool, string) {
		left := iperfLeft(t)
		return left == "", left
	})
	if all, err := hist.Load(h.Name); err != nil || len(all) != 1 {
		t.Errorf("history after the cancel: %d results, %v; want only the first test", len(all), err)
	}
}
