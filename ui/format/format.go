// Package format writes numbers, sizes and ages the way the console shows
// them: short, and in the units `zpool status` itself uses.
package format

import (
	"fmt"
	"time"
)

// Bytes is a size in ZFS's own style: 1024-based, one unit letter, three
// significant digits (896M, 5.97G, 0B).
func Bytes(n uint64) string {
	const units = "BKMGTPE"
	v := float64(n)
	i := 0
	for v >= 1024 && i < len(units)-1 {
		v /= 1024
		i++
	}
	switch {
	case i == 0:
		return fmt.Sprintf("%dB", n)
	case v < 9.995:
		return fmt.Sprintf("%.2f%c", v, units[i])
	case v < 99.95:
		return fmt.Sprintf("%.1f%c", v, units[i])
	}
	return fmt.Sprintf("%.0f%c", v, units[i])
}

// Rate is a transfer rate, e.g. 14.8M/s.
func Rate(bytesPerSec uint64) string { return Bytes(bytesPerSec) + "/s" }

// Age is a duration rounded to its largest unit: 42s, 5m, 3h, 12d. It is
// meant for "ago" texts, where precision beyond one unit is noise.
func Age(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%ds", int(d.Seconds()))
	case d < time.Hour:
		return fmt.Sprintf("%dm", int(d.Minutes()))
	case d < 48*time.Hour:
		return fmt.Sprintf("%dh", int(d.Hours()))
	}
	return fmt.Sprintf("%dd", int(d.Hours()/24))
}

// Clock is a duration as hours:minutes:seconds, the form ZFS prints ETAs
// in (00:00:58); days are prefixed when there are any (2d 03:00:00).
func Clock(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	s := int64(d.Round(time.Second).Seconds())
	days, s := s/86400, s%86400
	c := fmt.Sprintf("%02d:%02d:%02d", s/3600, s%3600/60, s%60)
	if days > 0 {
		return fmt.Sprintf("%dd %s", days, c)
	}
	return c
}

// Percent is a percentage with two decimals, as ZFS shows scan progress.
func Percent(p float64) string { return fmt.Sprintf("%.2f%%", p) }

// Ratio is a compression or dedup ratio, e.g. 1.00x.
func Ratio(r float64) string { return fmt.Sprintf("%.2fx", r) }

// Timestamp is an absolute local time, short: "Nov 26 10:41".
func Timestamp(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Format("Jan 02 15:04")
}
