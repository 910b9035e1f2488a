package iperf

import (
	"regexp"
	"strconv"
	"strings"
)

// textState follows iperf3's text output: per-stream lines, [SUM] lines
// when there are several streams, the sender/receiver summary, and with
// -V the CPU and congestion control lines.
type textState struct {
	streams int // "connected to" lines seen
	sum     Summary
	seen    bool // a summary line was parsed
}

func newTextState() textState { return textState{sum: newSummary()} }

// rateLine is an interval or summary line:
// "[  5]   0.00-1.00   sec  2.45 GBytes  21042547 Kbits/sec    4    895 KBytes"
// "[SUM]   0.00-3.00   sec  5.82 GBytes  16667924 Kbits/sec   23             sender"
var rateLine = regexp.MustCompile(`^\[\s*(\d+|SUM)\]\s+(\d+(?:\.\d+)?)-\s*(\d+(?:\.\d+)?)\s+sec\s+\S+\s+\S+\s+(\d+(?:\.\d+)?)\s+([KMGT]?bits/sec)(.*)$`)

// cpuLine: "CPU Utilization: local/sender 29.3% (0.3%u/29.0%s), remote/receiver 23.5% (1.3%u/22.1%s)"
var cpuLine = regexp.MustCompile(`^CPU Utilization: local/\w+ (\d+(?:\.\d+)?)% .*remote/\w+ (\d+(?:\.\d+)?)%`)

func (t *textState) feed(line string) (*Interval, *Summary, *Error) {
	line = strings.TrimRight(line, " \t\r")
	if msg, ok := errorLine(line); ok {
		return nil, nil, &Error{Kind: classifyText(msg), Detail: msg}
	}
	switch {
	case strings.HasPrefix(line, "[") && strings.Contains(line, " connected to "):
		t.streams++
		return nil, nil, nil
	case strings.HasPrefix(line, "snd_tcp_congestion "):
		t.sum.SenderCC = strings.TrimSpace(strings.TrimPrefix(line, "snd_tcp_congestion "))
		return nil, nil, nil
	case strings.HasPrefix(line, "rcv_tcp_congestion "):
		t.sum.ReceiverCC = strings.TrimSpace(strings.TrimPrefix(line, "rcv_tcp_congestion "))
		return nil, nil, nil
	case strings.HasPrefix(line, "CPU Utilization: "):
		if m := cpuLine.FindStringSubmatch(line); m != nil {
			t.sum.CPUHostPercent, _ = strconv.ParseFloat(m[1], 64)
			t.sum.CPURemotePercent, _ = strconv.ParseFloat(m[2], 64)
		}
		return nil, nil, nil
	case line == "iperf Done.":
		if !t.seen {
			return nil, nil, &Error{Detail: "iperf3 finished without a summary"}
		}
		s := t.sum
		return nil, &s, nil
	}
	m := rateLine.FindStringSubmatch(line)
	if m == nil {
		return nil, nil, nil
	}
	// With several streams only the [SUM] lines count; with one there
	// are none.
	if (m[1] == "SUM") != (t.streams > 1) {
		return nil, nil, nil
	}
	start, err1 := strconv.ParseFloat(m[2], 64)
	end, err2 := strconv.ParseFloat(m[3], 64)
	bps, err3 := strconv.ParseFloat(m[4], 64)
	if err1 != nil || err2 != nil || err3 != nil {
		return nil, nil, nil
	}
	bps *= unitScale(m[5])
	rest := strings.Fields(m[6])
	retr := -1
	if len(rest) > 0 {
		if n, err := strconv.Atoi(rest[0]); err == nil && n >= 0 {
			retr = n
		}
	}
	if n := len(rest); n > 0 && (rest[n-1] == "sender" || rest[n-1] == "receiver") {
		t.seen = true
		if rest[n-1] == "sender" {
			t.sum.SentBps, t.sum.Retransmits = bps, retr
		} else {
			t.sum.ReceivedBps = bps
		}
		return nil, nil, nil
	}
	return &Interval{Start: start, End: end, BitsPerSecond: bps, Retransmits: retr}, nil, nil
}

// unitScale turns iperf3's rate unit into a factor; iperf3's rate units
// are decimal (-f k is 1000 bits).
func unitScale(unit string) float64 {
	switch unit {
	case "Kbits/sec":
		return 1e3
	case "Mbits/sec":
		return 1e6
	case "Gbits/sec":
		return 1e9
	case "Tbits/sec":
		return 1e12
	}
	return 1
}
