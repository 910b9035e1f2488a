package demo

import (
	"encoding/json"
	"fmt"
	"net"
	"slices"
	"strings"
	"time"
)

// linkSpeedScript is ops.ArgvLinkSpeeds' script, character for character
// (the contract test runs the ops argv against this).
const linkSpeedScript = `for f in /sys/class/net/*/speed; do n=${f%/speed}; n=${n##*/}; s=$(cat "$f" 2>/dev/null) && echo "$n $s"; done; exit 0`

// netCommand answers the Network pane's reads; ok is false for argv it
// does not model (the caller then says "not simulated").
func (s *Sim) netCommand(argv []string, now time.Time) (Output, bool) {
	n := s.host.Net
	if n == nil || len(argv) == 0 {
		return Output{}, false
	}
	args := strings.Join(argv[1:], " ")
	switch {
	case argv[0] == "ip" && args == "-d -j -s addr show":
		return Output{Stdout: n.ipAddrShow(now)}, true
	case argv[0] == "sh" && len(argv) == 3 && argv[1] == "-c" && argv[2] == linkSpeedScript:
		return Output{Stdout: n.speeds()}, true
	case argv[0] == "tc" && args == "-j qdisc show":
		return Output{Stdout: n.qdiscJSON()}, true
	case argv[0] == "tc" && args == "qdisc show":
		return Output{Stdout: n.qdiscText()}, true
	case argv[0] == "sysctl" && len(argv) > 2 && argv[1] == "-n":
		return n.sysctl(argv[2:]), true
	case argv[0] == "wg" && args == "show all dump":
		return Output{Stdout: n.wgDump(now)}, true
	case argv[0] == "ping" && len(argv) == 7 && strings.Join(argv[1:6], " ") == "-c 3 -q -W 2":
		return n.ping(argv[6], now), true
	}
	return Output{}, false
}

// speeds is what the speed script prints: the shell glob sorts names,
// and virtual links (speed 0 here) fail with EINVAL and print nothing.
func (n *Network) speeds() string {
	links := slices.Clone(n.Links)
	slices.SortFunc(links, func(a, b *Link) int { return strings.Compare(a.Name, b.Name) })
	var b strings.Builder
	for _, l := range links {
		if l.SpeedMbps != 0 {
			fmt.Fprintf(&b, "%s %d\n", l.Name, l.SpeedMbps)
		}
	}
	return b.String()
}

// qdiscOptions are what tc prints after "refcnt 2" for each kind.
var qdiscOptions = map[string]struct {
	text string
	json map[string]any
}{
	"fq_codel": {"limit 10240p flows 1024 quantum 1514 target 5ms interval 100ms memory_limit 32Mb ecn drop_batch 64 ",
		map[string]any{"limit": 10240, "flows": 1024, "quantum": 1514, "target": 4999, "interval": 99999,
			"memory_limit": 33554432, "ecn": true, "drop_batch": 64}},
	"fq": {"limit 10000p flow_limit 100p buckets 1024 orphan_mask 1023 quantum 3028b initial_quantum 15140b low_rate_threshold 550Kbit refill_delay 40ms timer_slack 10us horizon 10s horizon_drop ",
		map[string]any{"limit": 10000, "flow_limit": 100, "buckets": 1024, "orphan_mask": 1023, "quantum": 3028,
			"initial_quantum": 15140, "low_rate_threshold": 68750, "refill_delay": 40000, "timer_slack": 10000,
			"horizon": 10000000000, "horizon_drop": true}},
}

func (n *Network) qdiscJSON() string {
	type q struct {
		Kind    string         `json:"kind"`
		Handle  string         `json:"handle"`
		Dev     string         `json:"dev"`
		Root    bool           `json:"root"`
		Refcnt  int            `json:"refcnt"`
		Options map[string]any `json:"options"`
	}
	out := make([]q, 0, len(n.Links))
	for _, l := range n.Links {
		opts := qdiscOptions[l.Qdisc].json
		if opts == nil {
			opts = map[string]any{}
		}
		out = append(out, q{Kind: l.Qdisc, Handle: "0:", Dev: l.Name, Root: true, Refcnt: 2, Options: opts})
	}
	b, err := json.Marshal(out)
	if err != nil {
		return "[]\n"
	}
	return string(b) + "\n"
}

func (n *Network) qdiscText() string {
	var b strings.Builder
	for _, l := range n.Links {
		fmt.Fprintf(&b, "qdisc %s 0: dev %s root refcnt 2 %s\n", l.Qdisc, l.Name, qdiscOptions[l.Qdisc].text)
	}
	return b.String()
}

// sysctl prints each known key's value in order; an unknown key is
// skipped with procps' complaint and exit status 255, as on a kernel
// that lacks it.
func (n *Network) sysctl(keys []string) Output {
	var out Output
	for _, k := range keys {
		v, ok := n.Sysctl[k]
		if !ok {
			out.Stderr += fmt.Sprintf("sysctl: cannot stat /proc/sys/%s: No such file or directory\n", strings.ReplaceAll(k, ".", "/"))
			out.Code = 255
			continue
		}
		out.Stdout += v + "\n"
	}
	return out
}

// wgDump prints `wg show all dump`; handshakes of live peers repeat on
// their cycle, and transfer counters grow with the clock.
func (n *Network) wgDump(now time.Time) string {
	var b strings.Builder
	el := now.Sub(n.Start)
	for _, d := range n.WireGuard {
		fmt.Fprintf(&b, "%s\t%s\t%s\t%d\toff\n", d.Name, d.PrivateKey, d.PublicKey, d.ListenPort)
		for _, p := range d.Peers {
			hs := p.LastHandshake
			if p.HandshakeEvery > 0 {
				for hs.Add(p.HandshakeEvery).Before(now) || hs.Add(p.HandshakeEvery).Equal(now) {
					hs = hs.Add(p.HandshakeEvery)
				}
			}
			var unix int64
			if !hs.IsZero() {
				unix = hs.Unix()
			}
			keep := "off"
			if p.Keepalive > 0 {
				keep = fmt.Sprint(p.Keepalive)
			}
			fmt.Fprintf(&b, "%s\t%s\t(none)\t%s\t%s\t%d\t%d\t%d\t%s\n", d.Name, p.PublicKey, p.Endpoint,
				strings.Join(p.AllowedIPs, ","), unix, counter(0, p.RxRate, el), counter(0, p.TxRate, el), keep)
		}
	}
	return b.String()
}

// ping answers iputils' `ping -c 3 -q -W 2 ADDR`: loopback and the
// addresses in RTT reply, other addresses lose every probe, and names
// do not resolve (the demo has no DNS).
func (n *Network) ping(addr string, now time.Time) Output {
	ip := net.ParseIP(addr)
	if ip == nil {
		return Output{Stderr: fmt.Sprintf("ping: %s: Name or service not known\n", addr), Code: 2}
	}
	head := fmt.Sprintf("PING %s (%s) 56(84) bytes of data.\n\n--- %s ping statistics ---\n", addr, addr, addr)
	rtt, ok := n.RTT[addr]
	if ip.IsLoopback() {
		rtt, ok = 45*time.Microsecond, true
	}
	if !ok {
		return Output{Stdout: head + "3 packets transmitted, 0 received, 100% packet loss, time 2046ms\n\n", Code: 1}
	}
	// A little jitter that moves with the clock, as a real path's does.
	j := float64(now.Unix()%7) / 100
	ms := func(f float64) float64 { return float64(rtt) * f / float64(time.Millisecond) }
	return Output{Stdout: head + fmt.Sprintf("3 packets transmitted, 3 received, 0%% packet loss, time 2003ms\nrtt min/avg/max/mdev = %.3f/%.3f/%.3f/%.3f ms\n",
		ms(0.95-j/2), ms(1), ms(1.06+j), ms(0.04))}
}
