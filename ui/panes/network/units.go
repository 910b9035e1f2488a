package network

import (
	"fmt"

	"github.com/opsdeck/opsdeck/themes"
	"github.com/opsdeck/opsdeck/ui/format"
)

// bits formats bits per second with decimal prefixes, as iperf3 and link
// speeds are given.
func bits(bps float64) string {
	units := []string{"bit/s", "Kbit/s", "Mbit/s", "Gbit/s", "Tbit/s"}
	i := 0
	for bps >= 1000 && i < len(units)-1 {
		bps /= 1000
		i++
	}
	return fmt.Sprintf("%.1f %s", bps, units[i])
}

// rate formats a byte rate from a float (counters can make it fractional).
func rate(bytesPerSec float64) string {
	return format.Rate(uint64(max(0, bytesPerSec)))
}

func cpu(pct float64) string {
	if pct < 0 {
		return "?"
	}
	return fmt.Sprintf("%.1f%%", pct)
}

// count is n, or ? when iperf3 did not report it (-1).
func count(n int) string {
	if n < 0 {
		return "?"
	}
	return fmt.Sprint(n)
}

func orUnknown(s string) string {
	if s == "" {
		return "?"
	}
	return s
}

// resultLine is one history entry.
func resultLine(r Result) string {
	dir := "→"
	if r.Reverse {
		dir = "← (-R)"
	}
	return fmt.Sprintf("%s %s %s  %s  retr %s  P%d %ds", r.At.UTC().Format("2006-01-02 15:04"), dir, r.Target,
		bits(r.ReceivedBps), count(r.Retransmits), r.Streams, int(r.Duration.Seconds()))
}

// deltaText compares r's received throughput with the baseline's; a drop
// of more than 10% is a warning.
func deltaText(s *themes.Styles, r, base Result) string {
	if base.ReceivedBps <= 0 {
		return s.Muted.Render("baseline has no throughput to compare with")
	}
	pct := (r.ReceivedBps - base.ReceivedBps) / base.ReceivedBps * 100
	text := fmt.Sprintf("vs baseline %s (%s, %s): %+.1f%%", bits(base.ReceivedBps), base.At.UTC().Format("2006-01-02"), base.Target, pct)
	if pct < -10 {
		return s.Warn.Render(text)
	}
	return s.OK.Render(text)
}
