package ops

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// StaleHandshake is the age past which a WireGuard peer's handshake is
// stale: a live session re-handshakes every two minutes, so three means
// the peer stopped answering (or never did).
const StaleHandshake = 3 * time.Minute

// ParseWGDump reads `wg show all dump` (wg(8)): per interface a line
// "IFACE PRIVATE-KEY PUBLIC-KEY LISTEN-PORT FWMARK", then per peer
// "IFACE PUBLIC-KEY PRESHARED-KEY ENDPOINT ALLOWED-IPS LATEST-HANDSHAKE
// RX TX KEEPALIVE", tab-separated; "(none)" and "off" mark absent values.
// now decides which handshakes are stale.
//
// Secrets never leave this function: the private and preshared keys are
// only ever byte ranges of b that are skipped, never converted to strings
// (which the caller could not wipe). The caller clears b afterwards.
func ParseWGDump(b []byte, now time.Time) ([]WGInterface, error) {
	var ifs []WGInterface
	for n, line := range bytes.Split(b, []byte("\n")) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		f := bytes.Split(line, []byte("\t"))
		switch len(f) {
		case 5:
			port, err := wgInt(f[3])
			if err != nil || port > 65535 {
				return nil, fmt.Errorf("wg dump line %d: bad listen port", n+1)
			}
			ifs = append(ifs, WGInterface{Name: string(f[0]), PublicKey: string(f[2]), ListenPort: port, Peers: []WGPeer{}})
		case 9:
			p, err := wgPeer(f, now)
			if err != nil {
				return nil, fmt.Errorf("wg dump line %d: %w", n+1, err)
			}
			if len(ifs) == 0 || ifs[len(ifs)-1].Name != string(f[0]) {
				return nil, fmt.Errorf("wg dump line %d: peer of %q before its interface line", n+1, f[0])
			}
			ifs[len(ifs)-1].Peers = append(ifs[len(ifs)-1].Peers, p)
		default:
			// The line may hold a key: say only how it was wrong.
			return nil, fmt.Errorf("wg dump line %d: %d fields, want 5 (interface) or 9 (peer)", n+1, len(f))
		}
	}
	return ifs, nil
}

// wgPeer reads a 9-field peer line; f[2] is the preshared key, skipped.
func wgPeer(f [][]byte, now time.Time) (WGPeer, error) {
	p := WGPeer{PublicKey: string(f[1]), AllowedIPs: []string{}}
	if ep := string(f[3]); ep != "(none)" {
		p.Endpoint = ep
	}
	if ips := string(f[4]); ips != "(none)" && ips != "" {
		p.AllowedIPs = strings.Split(ips, ",")
	}
	hs, err := strconv.ParseInt(string(f[5]), 10, 64)
	if err != nil || hs < 0 || hs > 1<<40 {
		return WGPeer{}, fmt.Errorf("bad latest-handshake %q", f[5])
	}
	if hs > 0 {
		p.LatestHandshake = time.Unix(hs, 0).UTC()
	}
	p.Stale = hs == 0 || now.Sub(p.LatestHandshake) > StaleHandshake
	if p.RxBytes, err = strconv.ParseUint(string(f[6]), 10, 64); err != nil {
		return WGPeer{}, fmt.Errorf("bad transfer-rx %q", f[6])
	}
	if p.TxBytes, err = strconv.ParseUint(string(f[7]), 10, 64); err != nil {
		return WGPeer{}, fmt.Errorf("bad transfer-tx %q", f[7])
	}
	if p.Keepalive, err = wgInt(f[8]); err != nil || p.Keepalive > 65535 {
		return WGPeer{}, fmt.Errorf("bad persistent-keepalive %q", f[8])
	}
	return p, nil
}

// wgInt reads a port or interval where "off" means 0.
func wgInt(b []byte) (int, error) {
	if string(b) == "off" {
		return 0, nil
	}
	v, err := strconv.Atoi(string(b))
	if err != nil || v < 0 {
		return 0, fmt.Errorf("bad number %q", b)
	}
	return v, nil
}
