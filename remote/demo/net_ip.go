package demo

import (
	"encoding/json"
	"time"
)

// The shape of `ip -d -j -s addr show` on iproute2 6.1, field order as
// ip prints it (testdata/zfs/net/ip_d_j_s_addr_lab.json).
type ipLinkJSON struct {
	Index     int           `json:"ifindex"`
	Name      string        `json:"ifname"`
	Flags     []string      `json:"flags"`
	MTU       int           `json:"mtu"`
	Qdisc     string        `json:"qdisc"`
	OperState string        `json:"operstate"`
	Group     string        `json:"group"`
	TxQLen    int           `json:"txqlen"`
	LinkType  string        `json:"link_type"`
	Address   string        `json:"address,omitempty"`
	Broadcast string        `json:"broadcast,omitempty"`
	LinkInfo  *ipLinkInfo   `json:"linkinfo,omitempty"`
	AddrInfo  []ipAddrJSON  `json:"addr_info"`
	Stats64   ipStats64JSON `json:"stats64"`
}

type ipLinkInfo struct {
	Kind string `json:"info_kind"`
}

type ipAddrJSON struct {
	Family    string `json:"family"`
	Local     string `json:"local"`
	PrefixLen int    `json:"prefixlen"`
	Scope     string `json:"scope"`
	Label     string `json:"label,omitempty"`
	Valid     uint32 `json:"valid_life_time"`
	Preferred uint32 `json:"preferred_life_time"`
}

type ipStats64JSON struct {
	RX ipRxJSON `json:"rx"`
	TX ipTxJSON `json:"tx"`
}

type ipRxJSON struct {
	Bytes, Packets, Errors, Dropped, OverErrors, Multicast uint64
}

type ipTxJSON struct {
	Bytes, Packets, Errors, Dropped, CarrierErrors, Collisions uint64
}

// MarshalJSON prints ip's lower-case counter names.
func (r ipRxJSON) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Bytes      uint64 `json:"bytes"`
		Packets    uint64 `json:"packets"`
		Errors     uint64 `json:"errors"`
		Dropped    uint64 `json:"dropped"`
		OverErrors uint64 `json:"over_errors"`
		Multicast  uint64 `json:"multicast"`
	}(r))
}

// MarshalJSON prints ip's lower-case counter names.
func (t ipTxJSON) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Bytes         uint64 `json:"bytes"`
		Packets       uint64 `json:"packets"`
		Errors        uint64 `json:"errors"`
		Dropped       uint64 `json:"dropped"`
		CarrierErrors uint64 `json:"carrier_errors"`
		Collisions    uint64 `json:"collisions"`
	}(t))
}

// ipAddrShow renders the links as `ip -d -j -s addr show` at now.
func (n *Network) ipAddrShow(now time.Time) string {
	out := make([]ipLinkJSON, 0, len(n.Links))
	for _, l := range n.Links {
		j := ipLinkJSON{Index: l.Index, Name: l.Name, Flags: l.Flags, MTU: l.MTU, Qdisc: l.Qdisc, OperState: l.State,
			Group: "default", TxQLen: 1000, LinkType: l.LinkType, AddrInfo: []ipAddrJSON{}}
		if l.MAC != "" {
			j.Address, j.Broadcast = l.MAC, "ff:ff:ff:ff:ff:ff"
			if l.LinkType == "loopback" {
				j.Broadcast = l.MAC
			}
		}
		if l.Kind != "" {
			j.LinkInfo = &ipLinkInfo{Kind: l.Kind}
			j.TxQLen = 500
		}
		for _, a := range l.Addrs {
			ja := ipAddrJSON{Family: a.Family, Local: a.Local, PrefixLen: a.Prefix, Scope: a.Scope, Valid: 4294967295, Preferred: 4294967295}
			if a.Family == "inet" {
				ja.Label = l.Name
			}
			j.AddrInfo = append(j.AddrInfo, ja)
		}
		el := now.Sub(n.Start)
		rx, tx := counter(l.RxBase, l.RxRate, el), counter(l.TxBase, l.TxRate, el)
		// Packets at a typical mix's mean size, so the two stay related.
		j.Stats64.RX = ipRxJSON{Bytes: rx, Packets: rx / 900}
		j.Stats64.TX = ipTxJSON{Bytes: tx, Packets: tx / 1100}
		out = append(out, j)
	}
	b, err := json.Marshal(out)
	if err != nil {
		return "[]\n" // not reachable: the structs hold only plain values
	}
	return string(b) + "\n"
}
