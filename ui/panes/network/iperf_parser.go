package network

import (
	"time"

	"github.com/opsdeck/opsdeck/ops/iperf"
)

// lineParser adapts iperf.LineParser (text or --json-stream output, found
// from the first line) to the pane's Parser.
type lineParser struct {
	p     *iperf.LineParser
	spec  Spec
	clock func() time.Time
}

// NewLineParser is the Parser of the test of spec on top of ops/iperf;
// clock stamps the result.
func NewLineParser(spec Spec, clock func() time.Time) Parser {
	return &lineParser{p: iperf.NewLineParser(iperf.FormatAuto), spec: spec, clock: clock}
}

// Line implements Parser; iperf3's own failure lines are left to the task
// log, which shows the action's error in words.
func (l *lineParser) Line(line string) (*Interval, *Result) {
	iv, sum, _ := l.p.Feed(line)
	var out *Interval
	if iv != nil {
		out = &Interval{Start: iv.Start, End: iv.End, BitsPerSecond: iv.BitsPerSecond, Retransmits: iv.Retransmits}
	}
	if sum == nil {
		return out, nil
	}
	r := FromSummary(*sum, l.spec, l.clock())
	return out, &r
}

// Failure implements Parser.
func (l *lineParser) Failure() string {
	if e := l.p.Err(); e != nil {
		return e.Error()
	}
	return ""
}

// FromSummary is the pane's Result of an iperf Summary of the test of
// spec, finished at at.
func FromSummary(s iperf.Summary, spec Spec, at time.Time) Result {
	local, remote := s.SenderCC, s.ReceiverCC
	if spec.Reverse {
		// -R: the host (the client) receives.
		local, remote = remote, local
	}
	return Result{
		At: at, Target: spec.Target, Reverse: spec.Reverse, Streams: spec.Streams, Duration: spec.Duration,
		SentBps: s.SentBps, ReceivedBps: s.ReceivedBps, Retransmits: s.Retransmits,
		CPULocal: s.CPUHostPercent, CPURemote: s.CPURemotePercent,
		CCLocal: local, CCRemote: remote,
	}
}
