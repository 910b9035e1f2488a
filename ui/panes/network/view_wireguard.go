package network

import (
	"fmt"
	"strings"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ui/format"
)

// wgMTUMax is the largest WireGuard MTU that fits a 1500-byte path over
// IPv6 (1500 - 80 bytes of overhead); above it packets fragment.
const wgMTUMax = 1420

// wireguardLines is each WireGuard interface and its peers, or one line
// saying WireGuard is not in use.
func (p *Pane) wireguardLines(st *ops.NetworkStatus) []string {
	s := p.env.Styles
	out := []string{s.Title.Render("WireGuard")}
	out = append(out, p.sectionError(st, "wireguard")...)
	if len(st.WireGuard) == 0 {
		if _, failed := st.Errors["wireguard"]; !failed {
			note := st.WireGuardNote
			if note == "" {
				note = "not in use"
			}
			out = append(out, s.Muted.Render("  "+note))
		}
		return out
	}
	for _, wg := range st.WireGuard {
		mtu := fmt.Sprintf("MTU %d", wg.MTU)
		if wg.MTU > wgMTUMax {
			mtu = s.Warn.Render(fmt.Sprintf("MTU %d (expected ≤ %d)", wg.MTU, wgMTUMax))
		}
		out = append(out, fmt.Sprintf("  %s  listen port %d  %s  %d peer(s)", s.Bold.Render(wg.Name), wg.ListenPort, mtu, len(wg.Peers)))
		for _, pr := range wg.Peers {
			out = append(out, p.peerLines(pr, st)...)
		}
	}
	return out
}

func (p *Pane) peerLines(pr ops.WGPeer, st *ops.NetworkStatus) []string {
	s := p.env.Styles
	hs := "never"
	if !pr.LatestHandshake.IsZero() {
		hs = format.Age(st.CollectedAt.Sub(pr.LatestHandshake)) + " ago"
	}
	hs = "handshake " + hs
	if pr.Stale {
		hs = s.Warn.Render(hs + " (stale)")
	} else {
		hs = s.OK.Render(hs)
	}
	ep := pr.Endpoint
	if ep == "" {
		ep = "(no endpoint)"
	}
	ka := "keepalive off"
	if pr.Keepalive > 0 {
		ka = fmt.Sprintf("keepalive %ds", pr.Keepalive)
	}
	key := pr.PublicKey
	if len(key) > 10 {
		key = key[:10] + "…"
	}
	first := fmt.Sprintf("    peer %s  %s  %s", key, ep, hs)
	second := fmt.Sprintf("      allowed %s  rx %s tx %s  %s", strings.Join(pr.AllowedIPs, ","),
		format.Bytes(pr.RxBytes), format.Bytes(pr.TxBytes), ka)
	if p.width >= wide {
		return []string{first + "  " + strings.TrimSpace(second)}
	}
	return []string{first, s.Muted.Render(second)}
}
