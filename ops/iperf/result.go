package iperf

import "time"

// Result is one finished test as the history keeps it.
type Result struct {
	Time       time.Time  `json:"time"` // when the test started
	Host       string     `json:"host"`
	Target     string     `json:"target"`
	TargetName string     `json:"target_name,omitempty"`
	Port       int        `json:"port"`
	Seconds    int        `json:"seconds"`
	Parallel   int        `json:"parallel"`
	Reverse    bool       `json:"reverse,omitempty"`
	Congestion string     `json:"congestion,omitempty"` // asked for with -C
	Version    string     `json:"iperf3_version,omitempty"`
	Summary    Summary    `json:"summary"`
	Intervals  []Interval `json:"intervals,omitempty"`
}

func newResult(host string, p Plan, started time.Time, sum Summary, ivs []Interval) Result {
	s := p.Spec
	return Result{
		Time: started.UTC(), Host: host, Target: s.Target, TargetName: s.TargetName, Port: s.Port,
		Seconds: int(s.Duration / time.Second), Parallel: s.Parallel, Reverse: s.Reverse,
		Congestion: s.Congestion, Version: s.Version.Raw, Summary: sum, Intervals: ivs,
	}
}

// Bps is the throughput a result stands for: what arrived, or what was
// sent when the receiver's figure is missing.
func (r Result) Bps() float64 {
	if r.Summary.ReceivedBps > 0 {
		return r.Summary.ReceivedBps
	}
	return r.Summary.SentBps
}
