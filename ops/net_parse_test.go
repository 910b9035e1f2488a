package ops

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestParseIPAddrJSONLab(t *testing.T) {
	for _, rel := range []string{"net/ip_d_j_s_addr_lab.json", "net/ip_j_s_addr_lab.json"} {
		ifs, err := ParseIPAddrJSON(fixture(t, rel))
		if err != nil {
			t.Fatalf("%s: %v", rel, err)
		}
		if len(ifs) != 2 {
			t.Fatalf("%s: %d links", rel, len(ifs))
		}
		lo, eth := ifs[0], ifs[1]
		if lo.Name != "lo" || lo.Kind != "loopback" || lo.State != "UNKNOWN" || !lo.Up || lo.MTU != 65536 ||
			!reflect.DeepEqual(lo.Addresses, []string{"127.0.0.1/8", "::1/128"}) || lo.RxBytes == 0 || lo.RxBytes != lo.TxBytes {
			t.Errorf("%s lo: %+v", rel, lo)
		}
		if eth.Name != "eth0" || eth.Kind != "ether" || eth.State != "UP" || eth.MTU != 1500 || eth.Qdisc != "fq_codel" ||
			len(eth.Addresses) != 3 || eth.Addresses[0] != "10.0.2.15/24" || eth.RxBytes == 0 || eth.TxBytes == 0 || eth.RxErrors != 0 {
			t.Errorf("%s eth0: %+v", rel, eth)
		}
	}
}

func TestParseIPAddrJSONKindsAndMasters(t *testing.T) {
	ifs, err := ParseIPAddrJSON(fixture(t, "net/ip_d_j_s_addr_netns.json"))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]NetInterface{}
	for _, n := range ifs {
		got[n.Name] = n
	}
	if n := got["vB"]; n.Kind != "veth" || n.MTU != 1420 || !n.Up || n.State != "UP" || n.TxBytes == 0 {
		t.Errorf("vB %+v", n)
	}
	if n := got["br0"]; n.Kind != "bridge" || n.State != "DOWN" || n.Up {
		t.Errorf("br0 %+v", n)
	}
	if n := got["vC"]; n.Master != "br0" || n.MTU != 9000 {
		t.Errorf("vC %+v", n)
	}
}

func TestParseIPAddrJSONRejects(t *testing.T) {
	for _, in := range []string{"", "{}", `[{"mtu":1}]`, `[{"ifname":"x","mtu":"big"}]`} {
		if _, err := ParseIPAddrJSON([]byte(in)); err == nil {
			t.Errorf("%q accepted", in)
		}
	}
}

func TestParseQdisc(t *testing.T) {
	js, err := ParseQdiscJSON(fixture(t, "net/tc_j_qdisc_lab.json"))
	if err != nil {
		t.Fatal(err)
	}
	text, err := ParseQdiscText(fixture(t, "net/tc_qdisc_lab.txt"))
	if err != nil {
		t.Fatal(err)
	}
	want := []NetQdisc{{Dev: "lo", Kind: "noqueue", Handle: "0:", Root: true}, {Dev: "eth0", Kind: "fq_codel", Handle: "0:", Root: true}}
	if !reflect.DeepEqual(js, want) || !reflect.DeepEqual(text, want) {
		t.Errorf("json %+v\ntext %+v", js, text)
	}
	// A multi-queue NIC: mq at the root, one fq per queue, and ingress.
	mq := "qdisc mq 0: dev eth1 root \nqdisc fq 0: dev eth1 parent :2 limit 10000p flows 1024\n" +
		"qdisc fq 0: dev eth1 parent :1 limit 10000p flows 1024\nqdisc ingress ffff: dev eth1 parent ffff:fff1 ----------------\n"
	qs, err := ParseQdiscText([]byte(mq))
	if err != nil {
		t.Fatal(err)
	}
	root, children := rootQdiscs(qs)
	if root["eth1"] != "mq" || !reflect.DeepEqual(children["eth1"], []string{"fq"}) {
		t.Errorf("root %v children %v", root, children)
	}
	for _, bad := range []string{"qdisc fq\n", "class htb 1: dev x root\n"} {
		if _, err := ParseQdiscText([]byte(bad)); err == nil {
			t.Errorf("text %q accepted", bad)
		}
	}
	if _, err := ParseQdiscJSON([]byte(`[{"kind":"fq"}]`)); err == nil {
		t.Error("JSON without dev accepted")
	}
}

func TestParseSysctlTCP(t *testing.T) {
	got, err := ParseSysctlTCP(fixture(t, "net/sysctl_n_lab.txt"))
	if err != nil {
		t.Fatal(err)
	}
	want := TCPTuning{CongestionControl: "cubic", Available: []string{"reno", "cubic"}, DefaultQdisc: "fq_codel", ECN: 2,
		RmemMax: 212992, WmemMax: 212992, TCPRmem: [3]uint64{4096, 131072, 6291456}, TCPWmem: [3]uint64{4096, 16384, 4194304}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
	lines := strings.Split(strings.TrimSpace(string(fixture(t, "net/sysctl_n_lab.txt"))), "\n")
	for i, mutate := range []func([]string) []string{
		func(l []string) []string { return l[:7] }, // a key the kernel lacks
		func(l []string) []string { l[3] = "on"; return l },
		func(l []string) []string { l[4] = "-1"; return l },
		func(l []string) []string { l[6] = "4096 131072"; return l },
		func(l []string) []string { l[0] = ""; return l },
	} {
		in := strings.Join(mutate(append([]string(nil), lines...)), "\n")
		if _, err := ParseSysctlTCP([]byte(in)); err == nil {
			t.Errorf("case %d accepted %q", i, in)
		}
	}
}

func TestParseLinkSpeeds(t *testing.T) {
	got, err := ParseLinkSpeeds(fixture(t, "net/speeds_lab.txt"))
	if err != nil || len(got) != 0 {
		t.Errorf("virtio -1 must be unknown: %v %v", got, err)
	}
	got, err = ParseLinkSpeeds([]byte("eth0 10000\neth1 -1\nenp1s0 1000\n"))
	if err != nil || !reflect.DeepEqual(got, map[string]int{"eth0": 10000, "enp1s0": 1000}) {
		t.Errorf("%v %v", got, err)
	}
	for _, bad := range []string{"eth0\n", "eth0 fast\n", "a b c\n"} {
		if _, err := ParseLinkSpeeds([]byte(bad)); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestParsePing(t *testing.T) {
	p, err := ParsePing(fixture(t, "net/ping_lo.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if p.Transmitted != 3 || p.Received != 3 || p.Min != 48*time.Microsecond || p.Avg != 117*time.Microsecond || p.Max != 241*time.Microsecond {
		t.Errorf("%+v", p)
	}
	busybox := "3 packets transmitted, 2 packets received, 33% packet loss\nround-trip min/avg/max = 10.1/12.5/15.0 ms\n"
	if p, err := ParsePing([]byte(busybox)); err != nil || p.Received != 2 || p.Avg != 12500*time.Microsecond {
		t.Errorf("busybox %+v %v", p, err)
	}
	lost := "--- 10.0.0.2 ping statistics ---\n3 packets transmitted, 0 received, 100% packet loss, time 2041ms\n"
	if p, err := ParsePing([]byte(lost)); err == nil || p.Transmitted != 3 || !strings.Contains(err.Error(), "no reply") {
		t.Errorf("all lost: %+v %v", p, err)
	}
	for _, bad := range []string{"", "rtt min/avg/max/mdev = a/b/c/d ms\n3 packets transmitted, 3 received\n", "x packets transmitted, 3 received\n"} {
		if _, err := ParsePing([]byte(bad)); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// now of the hand-written dump's header.
var wgNow = time.Date(2025, 11, 26, 13, 20, 0, 0, time.UTC)

func TestParseWGDump(t *testing.T) {
	raw := fixture(t, "net/wg_dump_handwritten.txt")
	lines := strings.Split(string(raw), "\n")
	priv0 := strings.Split(lines[0], "\t")[1]
	psk := strings.Split(lines[2], "\t")[2]
	ifs, err := ParseWGDump(raw, wgNow)
	if err != nil {
		t.Fatal(err)
	}
	if len(ifs) != 2 || ifs[0].Name != "wg0" || ifs[0].ListenPort != 51820 || len(ifs[0].Peers) != 2 ||
		ifs[1].Name != "wg1" || ifs[1].ListenPort != 51821 || len(ifs[1].Peers) != 1 {
		t.Fatalf("%+v", ifs)
	}
	if ifs[0].PublicKey != strings.Split(lines[0], "\t")[2] {
		t.Errorf("public key %q", ifs[0].PublicKey)
	}
	p := ifs[0].Peers[0]
	if p.Endpoint != "203.0.113.7:51820" || !reflect.DeepEqual(p.AllowedIPs, []string{"10.0.0.2/32", "10.0.1.0/24"}) ||
		!p.LatestHandshake.Equal(time.Unix(1764163140, 0)) || p.Stale || p.RxBytes != 48213992 || p.TxBytes != 1293000411 || p.Keepalive != 25 {
		t.Errorf("peer 0 %+v", p)
	}
	if p := ifs[0].Peers[1]; p.Endpoint != "" || !p.LatestHandshake.IsZero() || !p.Stale || p.Keepalive != 0 {
		t.Errorf("peer never seen %+v", p)
	}
	if p := ifs[1].Peers[0]; p.Endpoint != "[2001:db8::7]:51821" || len(p.AllowedIPs) != 0 || !p.Stale {
		t.Errorf("wg1 peer %+v", p)
	}
	// No secret survives into the model.
	if s := fmtJSON(t, ifs); strings.Contains(s, priv0) || strings.Contains(s, psk) {
		t.Errorf("a private or preshared key reached the model: %s", s)
	}
	if ifs, err := ParseWGDump(fixture(t, "net/wg_dump_none_lab.txt"), wgNow); err != nil || len(ifs) != 0 {
		t.Errorf("no interfaces: %+v %v", ifs, err)
	}
}

func TestParseWGDumpRejects(t *testing.T) {
	for _, bad := range []string{
		"wg0\tk\tk\t51820\n", // 4 fields
		"wg0\tpub\t(none)\t(none)\t(none)\t0\t0\t0\toff\n",                   // peer before interface
		"wg0\tk\tk\tport\toff\n",                                             // bad port
		"wg0\tk\tk\t1\toff\nwg0\tp\t(none)\t(none)\t(none)\t-5\t0\t0\toff\n", // negative handshake
		"wg0\tk\tk\t1\toff\nwg0\tp\t(none)\t(none)\t(none)\t0\tx\t0\toff\n",  // bad rx
	} {
		_, err := ParseWGDump([]byte(bad), wgNow)
		if err == nil {
			t.Errorf("%q accepted", bad)
		} else if strings.Contains(err.Error(), "\tk\t") {
			t.Errorf("error repeats the line (and its key): %v", err)
		}
	}
}

func fmtJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
