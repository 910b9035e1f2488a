package demo

import (
	"fmt"
	"math"
	"strings"
	"time"
)

// Demo link speeds: the host's 10 G link carries ~9.4 Gb/s of TCP
// payload; its loopback is limited by CPU only.
const (
	demoLinkBps     = 9.41e9
	demoLoopbackBps = 21.3e9
)

// iperfClientText prints what iperf3 3.12's client prints for r, in its
// own formats (iperf_locale.c), with -V extras when asked.
func iperfClientText(r iperfRun, now time.Time) string {
	var b strings.Builder
	local, base := "10.10.0.1", demoLinkBps
	if r.target == "localhost" || r.target == "::1" || strings.HasPrefix(r.target, "127.") {
		local, base = "127.0.0.1", demoLoopbackBps
	}
	cc := r.congestion
	if cc == "" {
		cc = "cubic"
	}
	if r.verbose {
		b.WriteString(iperfVersion[:strings.Index(iperfVersion, "Optional")])
		fmt.Fprintf(&b, "Control connection MSS 1448\nTime: %s\n", now.UTC().Format("Mon, 02 Jan 2006 15:04:05 GMT"))
	}
	fmt.Fprintf(&b, "Connecting to host %s, port %d\n", r.target, r.port)
	if r.reverse {
		fmt.Fprintf(&b, "Reverse mode, remote host %s is sending\n", r.target)
	}
	if r.verbose {
		b.WriteString("      Cookie: opsdeckdemoopsdeckdemoopsdeckdemo0001\n      TCP MSS: 1448 (default)\n")
	}
	for i := 0; i < r.parallel; i++ {
		fmt.Fprintf(&b, "[%3d] local %s port %d connected to %s port %d\n", 5+2*i, local, 52816+i, r.target, r.port)
	}
	if r.verbose {
		fmt.Fprintf(&b, "Starting Test: protocol: TCP, %d streams, 131072 byte blocks, omitting 0 seconds, %d second test, tos 0\n", r.parallel, r.secs)
	}
	sender := !r.reverse // this side sends: retransmits and cwnd shown
	if sender {
		b.WriteString("[ ID] Interval           Transfer     Bitrate         Retr  Cwnd\n")
	} else {
		b.WriteString("[ ID] Interval           Transfer     Bitrate\n")
	}
	seed := float64(now.Unix() % 97)
	total := make([]float64, r.parallel) // bytes per stream
	retrs := make([]int, r.parallel)
	for t := 0; t < r.secs; t++ {
		var sumBytes float64
		var sumRetr int
		for i := 0; i < r.parallel; i++ {
			// Deterministic wobble of about ±1.5% around the link rate.
			rate := base / float64(r.parallel) * (1 + 0.015*math.Sin(seed+float64(t)*1.7+float64(i)))
			bytes := rate / 8
			retr := 0
			if (t+i)%4 == 1 {
				retr = 1 + (t+i)%3
			}
			total[i] += bytes
			retrs[i] += retr
			sumBytes += bytes
			sumRetr += retr
			if sender {
				fmt.Fprintf(&b, "[%3d] %6.2f-%-6.2f sec  %s  %s  %3d   %s       \n", 5+2*i, float64(t), float64(t+1),
					iperfBytes(bytes), iperfRate(rate, r.format), retr, iperfBytes(1.5*1024*1024))
			} else {
				fmt.Fprintf(&b, "[%3d] %6.2f-%-6.2f sec  %s  %s                  \n", 5+2*i, float64(t), float64(t+1), iperfBytes(bytes), iperfRate(rate, r.format))
			}
		}
		if r.parallel > 1 {
			if sender {
				fmt.Fprintf(&b, "[SUM] %6.2f-%-6.2f sec  %s  %s  %3d             \n", float64(t), float64(t+1), iperfBytes(sumBytes), iperfRate(sumBytes*8, r.format), sumRetr)
			} else {
				fmt.Fprintf(&b, "[SUM] %6.2f-%-6.2f sec  %s  %s                  \n", float64(t), float64(t+1), iperfBytes(sumBytes), iperfRate(sumBytes*8, r.format))
			}
			b.WriteString(iperfRule)
		}
	}
	if r.parallel == 1 {
		b.WriteString(iperfRule)
	}
	if r.verbose {
		b.WriteString("Test Complete. Summary Results:\n")
	}
	b.WriteString("[ ID] Interval           Transfer     Bitrate         Retr\n")
	secs := float64(r.secs)
	var sumBytes float64
	var sumRetr int
	for i := 0; i < r.parallel; i++ {
		iperfSummaryLines(&b, fmt.Sprintf("%3d", 5+2*i), secs, total[i], retrs[i], r.format)
		sumBytes += total[i]
		sumRetr += retrs[i]
	}
	if r.parallel > 1 {
		iperfSummaryLines(&b, "SUM", secs, sumBytes, sumRetr, r.format)
	}
	if r.verbose {
		if sender {
			b.WriteString("CPU Utilization: local/sender 31.8% (1.4%u/30.4%s), remote/receiver 58.1% (0.8%u/57.3%s)\n")
		}
		fmt.Fprintf(&b, "snd_tcp_congestion %s\nrcv_tcp_congestion %s\n", cc, cc)
	}
	b.WriteString("\niperf Done.\n")
	return b.String()
}

const iperfRule = "- - - - - - - - - - - - - - - - - - - - - - - - -\n"

// iperfSummaryLines prints one stream's (or the sum's) sender and
// receiver lines; the receiver got all but the last few packets in flight.
func iperfSummaryLines(b *strings.Builder, id string, secs, bytes float64, retr int, format string) {
	fmt.Fprintf(b, "[%s] %6.2f-%-6.2f sec  %s  %s  %3d             sender\n", id, 0.0, secs, iperfBytes(bytes), iperfRate(bytes*8/secs, format), retr)
	got := bytes * 0.9998
	fmt.Fprintf(b, "[%s] %6.2f-%-6.2f sec  %s  %s                  receiver\n", id, 0.0, secs+0.0004, iperfBytes(got), iperfRate(got*8/(secs+0.0004), format))
}

// iperfBytes formats a byte count like iperf3's unit_snprintf with 'A':
// 1024-based, two, one or no decimals by size.
func iperfBytes(n float64) string {
	unit := "Bytes"
	for _, u := range []string{"KBytes", "MBytes", "GBytes", "TBytes"} {
		if n < 1024 {
			break
		}
		n /= 1024
		unit = u
	}
	return iperfNum(n) + " " + unit
}

// iperfRate formats bits/sec like unit_snprintf: 'k' fixes kilobits,
// anything else adapts; rate units are 1000-based.
func iperfRate(bps float64, format string) string {
	if format == "k" {
		return iperfNum(bps/1e3) + " Kbits/sec"
	}
	unit := "bits/sec"
	for _, u := range []string{"Kbits/sec", "Mbits/sec", "Gbits/sec", "Tbits/sec"} {
		if bps < 1000 {
			break
		}
		bps /= 1000
		unit = u
	}
	return iperfNum(bps) + " " + unit
}

func iperfNum(v float64) string {
	switch {
	case v < 9.995:
		return fmt.Sprintf("%4.2f", v)
	case v < 99.95:
		return fmt.Sprintf("%4.1f", v)
	}
	return fmt.Sprintf("%4.0f", v)
}
