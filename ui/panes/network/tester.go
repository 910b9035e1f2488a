package network

import (
	"time"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ops/action"
)

// Tester is what the pane needs from guided iperf3 tests: the action that
// runs one, a parser for its streamed output and the host's results. The
// root wires the ops/iperf implementation in; tests wire their own.
type Tester interface {
	// Action is the test of spec on h, ready for the task runner (which
	// confirms it, refuses it read-only and streams its output).
	Action(h *ops.Host, spec Spec) action.Action
	// Parser returns a parser for the output lines of the test of spec.
	Parser(spec Spec) Parser
	// History is the host's kept results, oldest first, and the index of
	// the baseline among them (-1: none marked).
	History() ([]Result, int)
	// MarkBaseline makes the newest result the baseline.
	MarkBaseline() error
}

// Parser turns a test's output lines, one at a time, into intervals and,
// at the end, the summary; lines that are neither give nil, nil.
type Parser interface {
	Line(line string) (*Interval, *Result)
	// Failure is the failure iperf3 reported in its output, in words
	// ("" when none), so the pane can say why a test failed.
	Failure() string
}

// Spec is one guided test as the operator chose it in the form.
type Spec struct {
	// Target is the address iperf3 connects to; Label names it for the
	// operator ("wg peer backup (10.8.0.2)", "loopback sanity").
	Target, Label string
	// Loopback runs a server on the host itself for one test.
	Loopback bool
	// Reverse makes the server send (-R).
	Reverse bool
	// Duration is -t; Streams is -P.
	Duration time.Duration
	Streams  int
	// Congestion is -C; "" leaves the host's default.
	Congestion string
}

// Interval is one reporting interval of a running test (all streams).
type Interval struct {
	// Start and End are seconds since the test began.
	Start, End float64
	// BitsPerSecond is the interval's throughput.
	BitsPerSecond float64
	// Retransmits is the interval's retransmit count (-1: not reported,
	// as on the receiving side of a reverse test).
	Retransmits int
}

// Result is the summary of a finished test.
type Result struct {
	At     time.Time
	Target string
	// Reverse, Streams and Duration repeat the spec the result came from.
	Reverse  bool
	Streams  int
	Duration time.Duration
	// SentBps and ReceivedBps are the sender's and receiver's averages.
	SentBps, ReceivedBps float64
	// Retransmits is -1 when iperf3 did not report them.
	Retransmits int
	// CPULocal and CPURemote are percent of CPU used (-1: unknown).
	CPULocal, CPURemote float64
	// CCLocal and CCRemote are the congestion algorithms used on each
	// side ("" when iperf3 did not say).
	CCLocal, CCRemote string
}
