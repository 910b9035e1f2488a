package ops

import (
	"strings"
	"testing"
)

// Fuzz targets for the Network pane's parsers; seeds are the fixtures.
// Run one with e.g.
//   go test ./ops -run '^$' -fuzz '^FuzzParseWGDump$' -fuzztime 20s

func FuzzParseIPAddrJSON(f *testing.F) {
	seed(f, "net/ip_*.json")
	f.Fuzz(func(t *testing.T, b []byte) {
		ifs, err := ParseIPAddrJSON(b)
		if err != nil {
			return
		}
		for _, n := range ifs {
			if n.Name == "" || n.Addresses == nil || n.HasRate {
				t.Fatalf("accepted a link without name or addresses slice, or with a rate: %+v", n)
			}
		}
	})
}

func FuzzParseQdisc(f *testing.F) {
	seed(f, "net/tc_*")
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, parse := range []func([]byte) ([]NetQdisc, error){ParseQdiscJSON, ParseQdiscText} {
			qs, err := parse(b)
			if err != nil {
				continue
			}
			for _, q := range qs {
				if q.Dev == "" || q.Kind == "" {
					t.Fatalf("accepted a qdisc without dev or kind: %+v", q)
				}
			}
			rootQdiscs(qs)
		}
	})
}

func FuzzParseSysctlTCP(f *testing.F) {
	seed(f, "net/sysctl_*")
	f.Fuzz(func(t *testing.T, b []byte) {
		tcp, err := ParseSysctlTCP(b)
		if err == nil && (tcp.CongestionControl == "" || tcp.DefaultQdisc == "") {
			t.Fatalf("accepted empty settings: %+v", tcp)
		}
	})
}

func FuzzParseLinkSpeeds(f *testing.F) {
	seed(f, "net/speeds_*")
	f.Add([]byte("eth0 10000\nlo -1\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		sp, err := ParseLinkSpeeds(b)
		if err != nil {
			return
		}
		for name, v := range sp {
			if v <= 0 || name == "" {
				t.Fatalf("accepted speed %d for %q", v, name)
			}
		}
	})
}

func FuzzParsePing(f *testing.F) {
	seed(f, "net/ping_*")
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := ParsePing(b)
		if err == nil && (p.Received == 0 || p.Min < 0 || p.Avg < 0 || p.Max < 0) {
			t.Fatalf("accepted %+v", p)
		}
	})
}

func FuzzParseWGDump(f *testing.F) {
	seed(f, "net/wg_*")
	f.Fuzz(func(t *testing.T, b []byte) {
		ifs, err := ParseWGDump(b, wgNow)
		if err != nil {
			return
		}
		for _, w := range ifs {
			if strings.Contains(w.Name, "\t") || w.ListenPort > 65535 || w.Peers == nil {
				t.Fatalf("accepted %+v", w)
			}
			for _, p := range w.Peers {
				if p.AllowedIPs == nil || (p.LatestHandshake.IsZero() && !p.Stale) {
					t.Fatalf("accepted peer %+v", p)
				}
			}
		}
	})
}
