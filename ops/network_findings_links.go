package ops

import (
	"fmt"
	"strconv"
	"time"
)

// handshakeFindings flags WireGuard peers whose last handshake is older
// than StaleHandshake, or that never completed one: the tunnel to them
// carries nothing.
func handshakeFindings(st *NetworkStatus) []NetFinding {
	var fs []NetFinding
	for _, w := range st.WireGuard {
		for _, p := range w.Peers {
			if !p.Stale {
				continue
			}
			age := "never"
			if !p.LatestHandshake.IsZero() {
				age = fmtAge(st.CollectedAt.Sub(p.LatestHandshake)) + " ago"
			}
			where := p.Endpoint
			if where == "" {
				where = "no endpoint known"
			}
			fs = append(fs, NetFinding{
				Severity: SeverityWarn,
				Summary:  fmt.Sprintf("stale WireGuard handshake on %s (peer %s, %s)", w.Name, shortKey(p.PublicKey), age),
				Evidence: fmt.Sprintf("peer %s (%s): latest handshake %s; handshakes repeat every 2 minutes while a session is alive", p.PublicKey, where, age),
				Fix:      "check that the peer is up and reachable on its endpoint's UDP port, and that both sides have each other's current public key; set PersistentKeepalive = 25 behind NAT",
			})
		}
	}
	return fs
}

// counterFindings flags error and drop counters that grew since prev.
// Totals alone say little (a link up for a year has some); growth
// between two refreshes is a problem happening now.
func counterFindings(st *NetworkStatus, prev *NetworkStatus) []NetFinding {
	if prev == nil {
		return nil
	}
	before := map[string]NetInterface{}
	for _, p := range prev.Interfaces {
		before[p.Name] = p
	}
	var fs []NetFinding
	for _, n := range st.Interfaces {
		p, ok := before[n.Name]
		if !ok {
			continue
		}
		errs, errsOK := grown(n.RxErrors+n.TxErrors, p.RxErrors+p.TxErrors)
		drops, dropsOK := grown(n.RxDropped+n.TxDropped, p.RxDropped+p.TxDropped)
		since := fmtAge(st.CollectedAt.Sub(prev.CollectedAt))
		if errsOK {
			fs = append(fs, NetFinding{
				Severity: SeverityWarn,
				Summary:  fmt.Sprintf("errors growing on %s (+%d in %s)", n.Name, errs, since),
				Evidence: fmt.Sprintf("%s: rx_errors %d → %d, tx_errors %d → %d", n.Name, p.RxErrors, n.RxErrors, p.TxErrors, n.TxErrors),
				Fix:      fmt.Sprintf("check cabling, the switch port and `ethtool -S %s` for CRC or FIFO errors", n.Name),
			})
		}
		if dropsOK {
			fs = append(fs, NetFinding{
				Severity: SeverityInfo,
				Summary:  fmt.Sprintf("drops growing on %s (+%d in %s)", n.Name, drops, since),
				Evidence: fmt.Sprintf("%s: rx_dropped %d → %d, tx_dropped %d → %d", n.Name, p.RxDropped, n.RxDropped, p.TxDropped, n.TxDropped),
				Fix:      fmt.Sprintf("rx drops: ring buffers (`ethtool -g %s`) or unknown protocols; tx drops: a full qdisc queue", n.Name),
			})
		}
	}
	return fs
}

// grown is cur-prev when the counter grew; a reset is not growth.
func grown(cur, prev uint64) (uint64, bool) {
	if cur <= prev {
		return 0, false
	}
	return cur - prev, true
}

// mtuMismatchFindings flags bridge and bond members whose MTU differs
// from their master's: frames the master accepts are dropped by the
// member (or the other way round) without any error to the sender.
func mtuMismatchFindings(st *NetworkStatus) []NetFinding {
	mtu := map[string]int{}
	for _, n := range st.Interfaces {
		mtu[n.Name] = n.MTU
	}
	var fs []NetFinding
	for _, n := range st.Interfaces {
		m, ok := mtu[n.Master]
		if n.Master == "" || !ok || m == n.MTU {
			continue
		}
		fs = append(fs, NetFinding{
			Severity: SeverityWarn,
			Summary:  fmt.Sprintf("MTU mismatch: %s %d in %s %d", n.Name, n.MTU, n.Master, m),
			Evidence: fmt.Sprintf("%s is a member of %s; members and their master must agree on the MTU", n.Name, n.Master),
			Fix:      fmt.Sprintf("ip link set dev %s mtu %d (or change %s), and persist it in the network configuration", n.Name, m, n.Master),
		})
	}
	return fs
}

// shortKey is a key's first 8 characters, enough to tell peers apart.
func shortKey(k string) string {
	if len(k) > 8 {
		return k[:8] + "…"
	}
	return k
}

// fmtAge prints a duration as "45 s", "12 min", "3 h" or "2 d".
func fmtAge(d time.Duration) string {
	switch {
	case d < time.Minute:
		return strconv.Itoa(int(max(d, 0)/time.Second)) + " s"
	case d < time.Hour:
		return strconv.Itoa(int(d/time.Minute)) + " min"
	case d < 48*time.Hour:
		return strconv.Itoa(int(d/time.Hour)) + " h"
	}
	return strconv.Itoa(int(d/(24*time.Hour))) + " d"
}

// fmtBytes prints a size in binary units: "128 MiB", "11.9 MiB".
func fmtBytes(n uint64) string {
	units := []string{"B", "KiB", "MiB", "GiB", "TiB"}
	v, i := float64(n), 0
	for v >= 1024 && i < len(units)-1 {
		v /= 1024
		i++
	}
	if v == float64(int64(v)) {
		return fmt.Sprintf("%d %s", int64(v), units[i])
	}
	return fmt.Sprintf("%.1f %s", v, units[i])
}
