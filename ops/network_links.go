package ops

import (
	"errors"
	"time"

	"github.com/opsdeck/opsdeck/remote"
)

// mergeLinks adds link speeds and tc's view of the qdiscs to ifs. ip's
// own "qdisc" field stays when tc could not be read.
func mergeLinks(ifs []NetInterface, speeds map[string]int, qdiscs []NetQdisc) {
	root, children := rootQdiscs(qdiscs)
	for i := range ifs {
		n := &ifs[i]
		n.SpeedMbps = speeds[n.Name]
		if k, ok := root[n.Name]; ok {
			n.Qdisc = k
		}
		n.QdiscChildren = children[n.Name]
	}
}

// applyRates sets RxRate/TxRate from the previous read of the same link.
// A counter that went backwards (driver reload, link re-created, 32-bit
// wrap) gives no rate rather than a huge or negative one.
func applyRates(ifs []NetInterface, prev *NetworkStatus, now time.Time) {
	if prev == nil {
		return
	}
	dt := now.Sub(prev.CollectedAt).Seconds()
	if dt <= 0 {
		return
	}
	before := make(map[string]NetInterface, len(prev.Interfaces))
	for _, p := range prev.Interfaces {
		before[p.Name] = p
	}
	for i := range ifs {
		n := &ifs[i]
		p, ok := before[n.Name]
		if !ok || n.RxBytes < p.RxBytes || n.TxBytes < p.TxBytes {
			continue
		}
		n.RxRate = float64(n.RxBytes-p.RxBytes) / dt
		n.TxRate = float64(n.TxBytes-p.TxBytes) / dt
		n.HasRate = true
	}
}

// readWireGuard fills WireGuard or WireGuardNote from `wg show all dump`.
// Not installed, no interfaces and not allowed are all "not shown, and
// why" rather than errors: most storage servers have no WireGuard.
func readWireGuard(st *NetworkStatus, f fetched, now time.Time) {
	// The dump holds the private keys: wipe it whatever happens next.
	defer clear(f.out)
	switch {
	case errors.Is(f.err, remote.ErrNotInstalled):
		st.WireGuardNote = "WireGuard not in use: wg (wireguard-tools) is not installed"
		return
	case errors.Is(f.err, remote.ErrPermissionDenied), errors.Is(f.err, remote.ErrSudoPassword):
		st.WireGuardNote = "WireGuard not shown: `wg show` needs root; " + remote.Hint(f.err)
		return
	case f.err != nil:
		st.Errors["wireguard"] = describe(f.err)
		return
	}
	ifs, err := ParseWGDump(f.out, now)
	if err != nil {
		st.Errors["wireguard"] = describe(err)
		return
	}
	if len(ifs) == 0 {
		st.WireGuardNote = "WireGuard not in use: no WireGuard interfaces"
		return
	}
	mtu := map[string]int{}
	for _, n := range st.Interfaces {
		mtu[n.Name] = n.MTU
	}
	for i := range ifs {
		ifs[i].MTU = mtu[ifs[i].Name]
	}
	st.WireGuard = ifs
}
