// Package iperf runs guided iperf3 throughput tests on a host: it finds
// the host's iperf3 version, builds the exact client and one-off server
// command lines, parses iperf3's output line by line as it arrives (the
// --json-stream events of iperf3 >= 3.17, the --forceflush text of older
// versions), classifies failures, and keeps each host's results with a
// baseline to compare against. It imports no UI packages.
package iperf

import "time"

// Interval is one reporting interval of a running test, summed over the
// parallel streams.
type Interval struct {
	Start         float64 `json:"start"` // seconds since the test started
	End           float64 `json:"end"`
	BitsPerSecond float64 `json:"bps"`
	// Retransmits is -1 when iperf3 does not report them (the receiving
	// side of a reverse test, or non-Linux senders).
	Retransmits int `json:"retransmits"`
	// RTT is the sender's smoothed round-trip time, averaged over the
	// streams; 0 when the output does not carry it (text output).
	RTT time.Duration `json:"rtt_ns,omitempty"`
}

// Summary is what the whole test measured.
type Summary struct {
	SentBps     float64 `json:"sent_bps"`     // sender side, bits per second
	ReceivedBps float64 `json:"received_bps"` // receiver side, bits per second
	// Retransmits is -1 when not reported.
	Retransmits int `json:"retransmits"`
	// CPU use in percent of one core summed over cores, as iperf3 says;
	// -1 when not reported (iperf3 3.12 prints none in reverse mode).
	CPUHostPercent   float64 `json:"cpu_host_percent"`
	CPURemotePercent float64 `json:"cpu_remote_percent"`
	// SenderCC and ReceiverCC are the congestion control algorithms each
	// side used ("" when not reported).
	SenderCC   string `json:"sender_cc,omitempty"`
	ReceiverCC string `json:"receiver_cc,omitempty"`
	// MeanRTT is the senders' mean RTT; 0 when not reported (text output
	// has none).
	MeanRTT time.Duration `json:"mean_rtt_ns,omitempty"`
}

// noCPU marks CPU figures the output did not carry.
const noCPU = -1

func newSummary() Summary {
	return Summary{Retransmits: -1, CPUHostPercent: noCPU, CPURemotePercent: noCPU}
}
