package ops

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
)

// ipLink is one element of `ip -d -j -s addr show`. Counters come as
// "stats64" from iproute2 >= 4.x with -s; older builds print "stats".
type ipLink struct {
	Name      string   `json:"ifname"`
	Flags     []string `json:"flags"`
	MTU       int      `json:"mtu"`
	Qdisc     string   `json:"qdisc"`
	OperState string   `json:"operstate"`
	LinkType  string   `json:"link_type"`
	Master    string   `json:"master"`
	LinkInfo  *struct {
		Kind string `json:"info_kind"`
	} `json:"linkinfo"`
	Addrs []struct {
		Family    string `json:"family"`
		Local     string `json:"local"`
		PrefixLen int    `json:"prefixlen"`
	} `json:"addr_info"`
	Stats64 *ipStats `json:"stats64"`
	Stats   *ipStats `json:"stats"`
}

type ipStats struct {
	RX ipCounters `json:"rx"`
	TX ipCounters `json:"tx"`
}

type ipCounters struct {
	Bytes   uint64 `json:"bytes"`
	Errors  uint64 `json:"errors"`
	Dropped uint64 `json:"dropped"`
}

// ParseIPAddrJSON reads `ip [-d] -j -s addr show`: one NetInterface per
// link in ip's order, without speed, rates or tc's qdisc (ReadNetwork
// adds those). Kind is linkinfo's kind when -d gave one (wireguard,
// bridge, veth, …), else ip's link type (loopback, ether, none).
func ParseIPAddrJSON(b []byte) ([]NetInterface, error) {
	var links []ipLink
	if err := json.Unmarshal(b, &links); err != nil {
		return nil, fmt.Errorf("ip -j addr: %w", err)
	}
	out := make([]NetInterface, 0, len(links))
	for i, l := range links {
		if l.Name == "" {
			return nil, fmt.Errorf("ip -j addr: link %d has no ifname", i)
		}
		n := NetInterface{Name: l.Name, Kind: l.LinkType, State: l.OperState, MTU: l.MTU,
			Up: slices.Contains(l.Flags, "UP"), Qdisc: l.Qdisc, Master: l.Master, Addresses: []string{}}
		if l.LinkInfo != nil && l.LinkInfo.Kind != "" {
			n.Kind = l.LinkInfo.Kind
		}
		for _, a := range l.Addrs {
			if a.Local != "" {
				n.Addresses = append(n.Addresses, a.Local+"/"+strconv.Itoa(a.PrefixLen))
			}
		}
		st := l.Stats64
		if st == nil {
			st = l.Stats
		}
		if st != nil {
			n.RxBytes, n.RxErrors, n.RxDropped = st.RX.Bytes, st.RX.Errors, st.RX.Dropped
			n.TxBytes, n.TxErrors, n.TxDropped = st.TX.Bytes, st.TX.Errors, st.TX.Dropped
		}
		out = append(out, n)
	}
	return out, nil
}
