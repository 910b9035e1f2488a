package ops

import (
	"fmt"
	"math"
	"strconv"
	"time"
)

// EstimateBDP is the bandwidth-delay product in bytes the socket buffers
// are compared with, and a sentence saying where both numbers came from.
// Bandwidth: the config's link_mbps, else the fastest link that is up
// (loopback excluded). RTT: the config's rtt_ms, else the ping to the
// first peer, else the last iperf3 test's. When either is unknown the
// BDP is 0 and the sentence says what is missing.
func EstimateBDP(ifs []NetInterface, cfg NetworkConfig, ping *NetPing) (uint64, string) {
	var mbps int
	var bwFrom string
	if cfg.LinkMbps > 0 {
		mbps, bwFrom = cfg.LinkMbps, fmt.Sprintf("bandwidth %d Mb/s from the config (link_mbps)", cfg.LinkMbps)
	} else if n, ok := fastestLink(ifs); ok {
		mbps, bwFrom = n.SpeedMbps, fmt.Sprintf("link speed %d Mb/s of %s", n.SpeedMbps, n.Name)
	}
	var rtt time.Duration
	var rttFrom string
	switch {
	case cfg.RTTms > 0:
		rtt = time.Duration(cfg.RTTms * float64(time.Millisecond))
		rttFrom = fmt.Sprintf("RTT %s from the config (rtt_ms)", fmtMs(rtt))
	case ping != nil && ping.Avg > 0:
		rtt = ping.Avg
		rttFrom = fmt.Sprintf("RTT %s measured by ping to %s (%s)", fmtMs(rtt), ping.Peer, ping.Address)
	case cfg.IPerf3RTT > 0:
		rtt = cfg.IPerf3RTT
		rttFrom = fmt.Sprintf("RTT %s reported by iperf3", fmtMs(rtt))
		if !cfg.IPerf3At.IsZero() {
			rttFrom += " at " + cfg.IPerf3At.UTC().Format("2006-01-02 15:04 UTC")
		}
	}
	switch {
	case bwFrom == "" && rttFrom == "":
		return 0, "no BDP: link speed and RTT unknown (set link_mbps and rtt_ms, or a peer, under the host's [network])"
	case bwFrom == "":
		return 0, "no BDP: link speed unknown (set link_mbps under the host's [network]); " + rttFrom
	case rttFrom == "":
		return 0, "no BDP: RTT unknown (set rtt_ms or a peer under the host's [network], or run an iperf3 test); " + bwFrom
	}
	bdp := float64(mbps) * 1e6 / 8 * rtt.Seconds()
	return uint64(bdp), bwFrom + " × " + rttFrom
}

// fastestLink is the carrying link with the highest known speed.
func fastestLink(ifs []NetInterface) (NetInterface, bool) {
	var best NetInterface
	for _, n := range ifs {
		if carrying(n) && n.SpeedMbps > best.SpeedMbps {
			best = n
		}
	}
	return best, best.SpeedMbps > 0
}

// fmtMs prints a duration in milliseconds with up to three decimals.
func fmtMs(d time.Duration) string {
	ms := math.Round(float64(d)/float64(time.Microsecond)) / 1000
	return strconv.FormatFloat(ms, 'f', -1, 64) + " ms"
}
