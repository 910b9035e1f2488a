package iperf

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// The JSON shapes iperf3 prints with -J, and inside --json-stream events
// (the same objects, one event per line). Optional numbers are pointers
// so "absent" differs from zero.
type jsonDoc struct {
	Start     json.RawMessage `json:"start"`
	Intervals []jsonInterval  `json:"intervals"`
	End       json.RawMessage `json:"end"`
	Error     string          `json:"error"`
}

type jsonInterval struct {
	Streams []jsonStreamIv `json:"streams"`
	Sum     jsonSum        `json:"sum"`
}

type jsonStreamIv struct {
	RTT    *float64 `json:"rtt"` // microseconds
	Sender bool     `json:"sender"`
}

type jsonSum struct {
	Start         float64 `json:"start"`
	End           float64 `json:"end"`
	BitsPerSecond float64 `json:"bits_per_second"`
	Retransmits   *int    `json:"retransmits"`
}

type jsonEnd struct {
	Streams []struct {
		Sender struct {
			MeanRTT *float64 `json:"mean_rtt"` // microseconds
		} `json:"sender"`
	} `json:"streams"`
	SumSent     *jsonSum `json:"sum_sent"`
	SumReceived *jsonSum `json:"sum_received"`
	CPU         *struct {
		HostTotal   float64 `json:"host_total"`
		RemoteTotal float64 `json:"remote_total"`
	} `json:"cpu_utilization_percent"`
	SenderCC   string `json:"sender_tcp_congestion"`
	ReceiverCC string `json:"receiver_tcp_congestion"`
}

// ParseJSON reads the whole output of `iperf3 -J` (printed at exit). A
// test that failed gives an *Error with iperf3's message.
func ParseJSON(data []byte) (Summary, []Interval, error) {
	var doc jsonDoc
	if err := json.Unmarshal(data, &doc); err != nil {
		return Summary{}, nil, fmt.Errorf("iperf3 -J output: %w", err)
	}
	if doc.Error != "" {
		return Summary{}, nil, &Error{Kind: classifyText(doc.Error), Detail: doc.Error}
	}
	ivs := make([]Interval, 0, len(doc.Intervals))
	for _, iv := range doc.Intervals {
		ivs = append(ivs, iv.interval())
	}
	sum, err := parseEnd(doc.End)
	return sum, ivs, err
}

func (iv jsonInterval) interval() Interval {
	out := Interval{Start: iv.Sum.Start, End: iv.Sum.End, BitsPerSecond: iv.Sum.BitsPerSecond, Retransmits: -1}
	if iv.Sum.Retransmits != nil {
		out.Retransmits = *iv.Sum.Retransmits
	}
	var total float64
	var n int
	for _, s := range iv.Streams {
		if s.Sender && s.RTT != nil {
			total += *s.RTT
			n++
		}
	}
	if n > 0 {
		out.RTT = micros(total / float64(n))
	}
	return out
}

// parseEnd reads the "end" object into a Summary.
func parseEnd(raw json.RawMessage) (Summary, error) {
	var end jsonEnd
	if len(raw) == 0 {
		return Summary{}, errors.New("iperf3 output has no end section")
	}
	if err := json.Unmarshal(raw, &end); err != nil {
		return Summary{}, fmt.Errorf("iperf3 end section: %w", err)
	}
	if end.SumSent == nil || end.SumReceived == nil {
		return Summary{}, errors.New("iperf3 end section has no sum_sent/sum_received")
	}
	s := newSummary()
	s.SentBps, s.ReceivedBps = end.SumSent.BitsPerSecond, end.SumReceived.BitsPerSecond
	if end.SumSent.Retransmits != nil {
		s.Retransmits = *end.SumSent.Retransmits
	}
	if end.CPU != nil {
		s.CPUHostPercent, s.CPURemotePercent = end.CPU.HostTotal, end.CPU.RemoteTotal
	}
	s.SenderCC, s.ReceiverCC = end.SenderCC, end.ReceiverCC
	var total float64
	var n int
	for _, st := range end.Streams {
		if st.Sender.MeanRTT != nil {
			total += *st.Sender.MeanRTT
			n++
		}
	}
	if n > 0 {
		s.MeanRTT = micros(total / float64(n))
	}
	return s, nil
}

// micros converts iperf3's microseconds, refusing nonsense (negative,
// NaN, beyond an hour) rather than overflowing a Duration.
func micros(us float64) time.Duration {
	if !(us > 0 && us < 3.6e9) {
		return 0
	}
	return time.Duration(us * float64(time.Microsecond))
}
