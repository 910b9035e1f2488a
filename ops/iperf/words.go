package iperf

import (
	"fmt"
	"math"
	"strings"
	"time"
)

// FormatBps says a rate the way network people do: "9.41 Gb/s".
func FormatBps(bps float64) string {
	switch {
	case math.IsNaN(bps) || bps < 0:
		return "?"
	case bps >= 1e12:
		return fmt.Sprintf("%.2f Tb/s", bps/1e12)
	case bps >= 1e9:
		return fmt.Sprintf("%.2f Gb/s", bps/1e9)
	case bps >= 1e6:
		return fmt.Sprintf("%.1f Mb/s", bps/1e6)
	case bps >= 1e3:
		return fmt.Sprintf("%.1f kb/s", bps/1e3)
	}
	return fmt.Sprintf("%.0f b/s", bps)
}

// Describe says what a test measured in one line, e.g. "9.41 Gb/s
// received (9.42 Gb/s sent), 12 retransmits, mean RTT 1.1ms, CPU 31% on
// the host / 58% remote, congestion control cubic → cubic".
func Describe(s Summary) string {
	parts := []string{fmt.Sprintf("%s received (%s sent)", FormatBps(s.ReceivedBps), FormatBps(s.SentBps))}
	if s.Retransmits >= 0 {
		parts = append(parts, plural(s.Retransmits, "retransmit"))
	}
	if s.MeanRTT > 0 {
		parts = append(parts, "mean RTT "+s.MeanRTT.Round(time.Microsecond).String())
	}
	if s.CPUHostPercent >= 0 && s.CPURemotePercent >= 0 {
		parts = append(parts, fmt.Sprintf("CPU %.0f%% on the host / %.0f%% remote", s.CPUHostPercent, s.CPURemotePercent))
	}
	if s.SenderCC != "" || s.ReceiverCC != "" {
		parts = append(parts, fmt.Sprintf("congestion control %s → %s", orWord(s.SenderCC, "?"), orWord(s.ReceiverCC, "?")))
	}
	return strings.Join(parts, ", ")
}

// Delta compares r with the baseline in words: "-38% vs baseline
// 2026-11-20 (9.41 Gb/s)".
func Delta(r, base Result) string {
	day := base.Time.UTC().Format("2006-01-02")
	b := base.Bps()
	if b <= 0 {
		return fmt.Sprintf("baseline %s has no throughput to compare with", day)
	}
	pct := (r.Bps() - b) / b * 100
	return fmt.Sprintf("%+.0f%% vs baseline %s (%s)", pct, day, FormatBps(b))
}
