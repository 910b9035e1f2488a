package network

import (
	"fmt"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/opsdeck/opsdeck/ui/components/sparkline"
	"github.com/opsdeck/opsdeck/ui/layout"
)

// liveTest is the test the pane dispatched: pending until its first
// output line (the operator may still refuse it), running while lines
// arrive, finished when the root says the action ended.
type liveTest struct {
	spec    Spec
	parser  Parser
	pending bool
	running bool
	// bps and retrans are per interval, in order.
	bps     []float64
	retrans []int
	last    *Interval
	result  *Result
	// failed is set when the action ended without success.
	failed bool
}

// maxIntervals bounds what a very long test keeps for drawing.
const maxIntervals = 600

func (p *Pane) testLine(line string) {
	t := p.test
	if t == nil {
		return
	}
	t.pending, t.running = false, true
	iv, res := t.parser.Line(line)
	if iv != nil {
		t.last = iv
		t.bps = append(t.bps, iv.BitsPerSecond)
		t.retrans = append(t.retrans, iv.Retransmits)
		if over := len(t.bps) - maxIntervals; over > 0 {
			t.bps, t.retrans = t.bps[over:], t.retrans[over:]
		}
	}
	if res != nil {
		t.result = res
	}
}

func (p *Pane) testDone(ok bool) {
	t := p.test
	if t == nil {
		return
	}
	t.pending, t.running = false, false
	t.failed = !ok
	p.loadHistory()
}

// loadHistory re-reads the kept results after they changed.
func (p *Pane) loadHistory() {
	if p.deps.Tester != nil {
		p.hist, p.base = p.deps.Tester.History()
	}
}

func (p *Pane) markBaseline() tea.Cmd {
	if p.deps.Tester == nil {
		return notice("iperf3 tests are not available in this console", true)
	}
	if err := p.deps.Tester.MarkBaseline(); err != nil {
		return notice("cannot mark the baseline: "+err.Error(), true)
	}
	p.loadHistory()
	if len(p.hist) == 0 {
		return nil
	}
	return notice("baseline: "+resultLine(p.hist[len(p.hist)-1]), false)
}

// testLines draws the test in progress or just finished.
func (p *Pane) testLines(width int) []string {
	t := p.test
	if t == nil || t.pending {
		return nil
	}
	s := p.env.Styles
	state := "running"
	switch {
	case t.running:
	case t.failed:
		state = "failed or cancelled (details in the task log: t)"
	default:
		state = "finished"
	}
	out := []string{s.Title.Render("iperf3 test") + "  " + t.spec.describe() + s.Muted.Render("  "+t.spec.options()+" — "+state)}
	if len(t.bps) > 0 {
		// One mark per one-second interval of the whole test, so the
		// chart fills from left to right as the test runs.
		secs := int(t.spec.Duration / time.Second)
		spark := sparkline.Render(s, t.bps, min(max(10, secs, len(t.bps)), max(10, width-50)))
		out = append(out, fmt.Sprintf("  throughput %s  %s  (%.0f-%.0f s of %d)", spark, bits(t.last.BitsPerSecond),
			t.last.Start, t.last.End, secs))
		rt := "  retransmits per interval:"
		for _, r := range t.retrans[max(0, len(t.retrans)-12):] {
			if r < 0 {
				rt += " -"
			} else {
				rt += fmt.Sprintf(" %d", r)
			}
		}
		out = append(out, rt)
	}
	if t.result != nil {
		out = append(out, p.resultLines(*t.result)...)
	}
	if why := t.parser.Failure(); t.failed && why != "" {
		for _, l := range layout.Wrap(why, max(10, width-4)) {
			out = append(out, "  "+s.Crit.Render(l))
		}
	}
	return out
}

// resultLines is one finished test: the averages, retransmits, CPU, the
// congestion algorithms and the delta against the baseline.
func (p *Pane) resultLines(r Result) []string {
	s := p.env.Styles
	out := []string{fmt.Sprintf("  sent %s  received %s  retransmits %s", bits(r.SentBps), bits(r.ReceivedBps), count(r.Retransmits))}
	extra := "  cpu " + cpu(r.CPULocal) + " local, " + cpu(r.CPURemote) + " remote"
	if r.CCLocal != "" || r.CCRemote != "" {
		extra += "  congestion " + orUnknown(r.CCLocal) + " → " + orUnknown(r.CCRemote)
	}
	out = append(out, extra)
	if base, ok := p.baseline(); ok {
		out = append(out, "  "+deltaText(s, r, base))
	}
	return out
}

func (p *Pane) baseline() (Result, bool) {
	if p.base < 0 || p.base >= len(p.hist) {
		return Result{}, false
	}
	return p.hist[p.base], true
}
