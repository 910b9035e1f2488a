package network

import (
	"fmt"
	"strings"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ui/components/sparkline"
)

// wide is the width from which each interface fits on one line with its
// addresses and both sparklines.
const wide = 150

// interfaceLines is the interfaces table. Narrow terminals put the
// addresses and counters on a second line under each interface.
func (p *Pane) interfaceLines(st *ops.NetworkStatus) []string {
	s := p.env.Styles
	out := []string{s.Title.Render("Interfaces")}
	out = append(out, p.sectionError(st, "interfaces")...)
	if len(st.Interfaces) == 0 {
		if _, failed := st.Errors["interfaces"]; !failed {
			out = append(out, s.Muted.Render("  no interfaces"))
		}
		return out
	}
	isWide := p.width >= wide
	head := fmt.Sprintf("  %-10s %-7s %5s %9s %9s %9s  %s", "NAME", "STATE", "MTU", "SPEED", "RX", "TX", "RX+TX")
	if isWide {
		head = fmt.Sprintf("  %-12s %-7s %5s %9s %-9s %9s %-12s %9s %-12s %-14s %s",
			"NAME", "STATE", "MTU", "SPEED", "QDISC", "RX", "", "TX", "", "ERR/DROP", "ADDRESSES")
	}
	out = append(out, s.TableHeader.Render(head))
	for _, ifc := range st.Interfaces {
		out = append(out, p.interfaceRow(ifc, isWide)...)
	}
	return out
}

func (p *Pane) interfaceRow(ifc ops.NetInterface, isWide bool) []string {
	s := p.env.Styles
	state := ifc.State
	switch ifc.State {
	case "UP":
		state = s.OK.Render(fmt.Sprintf("%-7s", state))
	case "DOWN":
		state = s.Crit.Render(fmt.Sprintf("%-7s", state))
	default:
		state = s.Muted.Render(fmt.Sprintf("%-7s", state))
	}
	rx, tx := "-", "-"
	if ifc.HasRate {
		rx, tx = rate(ifc.RxRate), rate(ifc.TxRate)
	}
	errs := errDrop(ifc)
	if errs != "" {
		errs = s.Warn.Render(fmt.Sprintf("%-14s", errs))
	}
	addrs := strings.Join(ifc.Addresses, " ")
	if isWide {
		if errs == "" {
			errs = fmt.Sprintf("%-14s", "0")
		}
		return []string{fmt.Sprintf("  %-12s %s %5d %9s %-9s %9s %s %9s %s %s %s",
			ifc.Name, state, ifc.MTU, speed(ifc.SpeedMbps), qdisc(ifc),
			rx, p.spark(p.rx, ifc.Name, 12), tx, p.spark(p.tx, ifc.Name, 12), errs, addrs)}
	}
	row := fmt.Sprintf("  %-10s %s %5d %9s %9s %9s  %s",
		ifc.Name, state, ifc.MTU, speed(ifc.SpeedMbps), rx, tx, p.sumSpark(ifc.Name, 12))
	second := strings.TrimSpace(addrs + "  " + errs)
	if second == "" {
		return []string{row}
	}
	return []string{row, s.Muted.Render("    " + second)}
}

// errDrop is the non-zero error and drop counters, "" when all are zero.
func errDrop(ifc ops.NetInterface) string {
	var parts []string
	if n := ifc.RxErrors + ifc.TxErrors; n > 0 {
		parts = append(parts, fmt.Sprintf("err %d", n))
	}
	if n := ifc.RxDropped + ifc.TxDropped; n > 0 {
		parts = append(parts, fmt.Sprintf("drop %d", n))
	}
	return strings.Join(parts, " ")
}

func speed(mbps int) string {
	switch {
	case mbps <= 0:
		return "-"
	case mbps >= 1000 && mbps%1000 == 0:
		return fmt.Sprintf("%d Gb/s", mbps/1000)
	}
	return fmt.Sprintf("%d Mb/s", mbps)
}

func (p *Pane) spark(m map[string]*sparkline.Series, name string, w int) string {
	var vals []float64
	if sr, ok := m[name]; ok {
		vals = sr.Values()
	}
	return sparkline.Render(p.env.Styles, vals, w)
}

// sumSpark draws RX+TX in one sparkline for narrow terminals.
func (p *Pane) sumSpark(name string, w int) string {
	rx, tx := p.rx[name], p.tx[name]
	if rx == nil || tx == nil {
		return sparkline.Render(p.env.Styles, nil, w)
	}
	r, t := rx.Values(), tx.Values()
	sum := make([]float64, min(len(r), len(t)))
	for i := range sum {
		sum[i] = r[i] + t[i]
	}
	return sparkline.Render(p.env.Styles, sum, w)
}
