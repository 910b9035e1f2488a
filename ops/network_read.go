package ops

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/opsdeck/opsdeck/ops/config"
	"github.com/opsdeck/opsdeck/remote"
)

// NetworkConfig is what ReadNetwork needs besides the host: the host's
// [network] settings and, once the iperf3 history has one, the RTT the
// last test measured.
type NetworkConfig struct {
	config.NetworkConfig
	// IPerf3RTT is the mean TCP RTT the host's last iperf3 test reported;
	// 0 when there is none. It is the RTT of last resort for the BDP.
	IPerf3RTT time.Duration
	// IPerf3At is when that test ran, for BDPSource.
	IPerf3At time.Time
}

// netReads are the raw outputs of one refresh.
type netReads struct {
	ip, speeds, qdisc, sysctl, wg, ping fetched
	qdiscText                           bool // qdisc came from the text fallback
}

// ReadNetwork reads everything the Network pane shows in one round of
// concurrent commands (at most six sessions): links and counters, link
// speeds, qdiscs, TCP sysctls, WireGuard through h.Privileged, and a ping
// to the first configured peer when cfg sets no rtt_ms. Rates come from
// prev (nil on the first read); now stamps the result and ages WireGuard
// handshakes. A section that fails is reported in Errors and the rest is
// still filled; an unused WireGuard is a note, not an error.
func ReadNetwork(ctx context.Context, h *Host, cfg NetworkConfig, prev *NetworkStatus, now time.Time) NetworkStatus {
	r := fetchNetwork(ctx, h, cfg)
	st := NetworkStatus{CollectedAt: now, Interfaces: []NetInterface{}, WireGuard: []WGInterface{}, Errors: map[string]string{}}
	fail := func(section string, err error) { st.Errors[section] = describe(err) }

	if r.ip.err == nil {
		ifs, err := ParseIPAddrJSON(r.ip.out)
		if err != nil {
			fail("interfaces", err)
		} else {
			st.Interfaces = ifs
		}
	} else {
		fail("interfaces", r.ip.err)
	}
	speeds := map[string]int{}
	if r.speeds.err == nil {
		if sp, err := ParseLinkSpeeds(r.speeds.out); err == nil {
			speeds = sp
		} else {
			fail("speeds", err)
		}
	} else {
		fail("speeds", r.speeds.err)
	}
	var qdiscs []NetQdisc
	if r.qdisc.err == nil {
		parse := ParseQdiscJSON
		if r.qdiscText {
			parse = ParseQdiscText
		}
		var err error
		if qdiscs, err = parse(r.qdisc.out); err != nil {
			fail("qdisc", err)
		}
	} else {
		fail("qdisc", r.qdisc.err)
	}
	mergeLinks(st.Interfaces, speeds, qdiscs)
	applyRates(st.Interfaces, prev, now)

	if r.sysctl.err == nil {
		if t, err := ParseSysctlTCP(r.sysctl.out); err == nil {
			st.TCP = t
		} else {
			fail("sysctl", err)
		}
	} else {
		fail("sysctl", r.sysctl.err)
	}
	readWireGuard(&st, r.wg, now)
	if len(cfg.Peers) > 0 && cfg.RTTms <= 0 {
		peer := cfg.Peers[0]
		if p, err := pingResult(r.ping); err == nil {
			p.Peer, p.Address = peer.Name, peer.Address
			st.Ping = &p
		} else {
			fail("ping", fmt.Errorf("ping %s (%s): %w", peer.Name, peer.Address, err))
		}
	}
	st.TCP.BDP, st.TCP.BDPSource = EstimateBDP(st.Interfaces, cfg, st.Ping)
	st.Findings = NetworkFindings(&st, prev)
	st.Verdict = Verdict(st.Findings)
	if len(st.Errors) == 0 {
		st.Errors = nil
	}
	return st
}

// fetchNetwork runs the reads concurrently, one session each.
func fetchNetwork(ctx context.Context, h *Host, cfg NetworkConfig) netReads {
	var r netReads
	var wg sync.WaitGroup
	run := func(dst *fetched, rn remote.Runner, argv []string) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			dst.out, dst.err = output(ctx, rn, argv)
		}()
	}
	run(&r.ip, h.Runner, ArgvIPAddr())
	run(&r.speeds, h.Runner, ArgvLinkSpeeds())
	run(&r.sysctl, h.Runner, ArgvSysctlTCP())
	if wgKnownAbsent(h) {
		r.wg.err = &remote.ExitError{Argv: ArgvWGDump(), Code: 127, Host: h.Name}
	} else {
		run(&r.wg, privileged(h), ArgvWGDump())
	}
	if len(cfg.Peers) > 0 && cfg.RTTms <= 0 {
		if addr := cfg.Peers[0].Address; config.ValidPeerAddress(addr) {
			run(&r.ping, h.Runner, ArgvPing(addr))
		} else {
			r.ping.err = fmt.Errorf("%q is not an IP address or host name", addr)
		}
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		r.qdisc.out, r.qdisc.err = output(ctx, h.Runner, ArgvQdiscJSON())
		if _, err := ParseQdiscJSON(r.qdisc.out); r.qdisc.err == nil && err == nil {
			return
		}
		// tc before iproute2 4.13 has no -j (it fails or prints text):
		// the text listing says the same. A missing tc or a broken
		// connection would fail again, so only those are not retried.
		var ce *remote.ConnError
		if errors.Is(r.qdisc.err, remote.ErrNotInstalled) || errors.As(r.qdisc.err, &ce) {
			return
		}
		r.qdisc.out, r.qdisc.err = output(ctx, h.Runner, ArgvQdiscText())
		r.qdiscText = true
	}()
	wg.Wait()
	return r
}

// wgKnownAbsent is true when the probe ran and found no wg on the PATH:
// there is nothing to ask sudo for.
func wgKnownAbsent(h *Host) bool {
	present, probed := h.Platform.Tools["wg"]
	return probed && !present
}

// pingResult parses a ping's output; ping exits 1 when every probe was
// lost, and its summary then says so better than the exit status.
func pingResult(f fetched) (NetPing, error) {
	var ee *remote.ExitError
	if f.err != nil && !(errors.As(f.err, &ee) && ee.Code == 1 && len(f.out) > 0) {
		return NetPing{}, f.err
	}
	return ParsePing(f.out)
}
