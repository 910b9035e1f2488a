package demo

import (
	"strings"
	"testing"
	"time"

	"github.com/opsdeck/opsdeck/ops/iperf"
)

// TestIperfAnswers runs the console's own iperf3 commands (ops/iperf's
// plans) on the demo and parses the answers with the console's parser.
func TestIperfAnswers(t *testing.T) {
	clk := NewManualClock(time.Date(2026, 11, 26, 13, 0, 0, 0, time.UTC))
	s := NewSim(&Host{}, clk)
	out := s.Run(iperf.ArgvVersion())
	v, err := iperf.ParseVersion(out.Stdout)
	if err != nil || v.String() != "3.12" || v.HasJSONStream() {
		t.Fatalf("version %v %v", v, err)
	}
	for _, tt := range []struct {
		spec     iperf.Spec
		min, max float64
	}{
		{iperf.Spec{Target: "10.0.0.2", Duration: 5 * time.Second}, 9.2e9, 9.6e9},
		{iperf.Spec{Target: "10.0.0.2", Duration: 3 * time.Second, Parallel: 4, Reverse: true, Congestion: "bbr"}, 9.2e9, 9.6e9},
		{iperf.Spec{Target: "127.0.0.1", Duration: 2 * time.Second, ServerOnHost: true}, 20e9, 23e9},
	} {
		tt.spec.Version = v
		plan, err := iperf.NewPlan(tt.spec, "demo1")
		if err != nil {
			t.Fatal(err)
		}
		if plan.Server != nil {
			if out := s.Run(plan.Server); out.Code != 0 || !strings.Contains(out.Stdout, "Server listening on 5201") {
				t.Errorf("server: %+v", out)
			}
			if out := s.Run(plan.StopServer); out.Code != 1 {
				t.Errorf("stop server: %+v, want 1 (nothing left to kill)", out)
			}
		}
		out := s.Run(plan.Client)
		if out.Code != 0 {
			t.Fatalf("%v: %+v", plan.Client, out)
		}
		p := iperf.NewLineParser(plan.Format)
		for _, line := range strings.Split(out.Stdout, "\n") {
			if _, _, err := p.Feed(line); err != nil {
				t.Fatalf("%q: %v", line, err)
			}
		}
		sum, ok := p.Summary()
		secs := int(tt.spec.Duration / time.Second)
		if !ok || len(p.Intervals()) != secs || sum.ReceivedBps < tt.min || sum.ReceivedBps > tt.max {
			t.Errorf("%+v: %d intervals, summary %+v %v\n%s", tt.spec, len(p.Intervals()), sum, ok, out.Stdout)
		}
		if cc := orDefault(tt.spec.Congestion, "cubic"); sum.SenderCC != cc {
			t.Errorf("congestion %q, want %q", sum.SenderCC, cc)
		}
		if tt.spec.Reverse == (sum.CPUHostPercent >= 0) {
			t.Errorf("CPU line (3.12 prints none in reverse mode): %+v", sum)
		}
		if out := s.Run(plan.StopClient); out.Code != 1 {
			t.Errorf("stop client: %+v", out)
		}
	}
	for _, argv := range [][]string{{"iperf3", "-c", "h", "--bogus"}, {"iperf3", "-c", "h", "-s"}, {"iperf3", "-c", "h", "-J"}} {
		if out := s.Run(argv); out.Code == 0 {
			t.Errorf("%q accepted: %+v", argv, out)
		}
	}
	if out := s.Run([]string{"timeout", "5", "rm", "-rf", "/"}); out.Code != 127 {
		t.Errorf("timeout of anything but iperf3: %+v", out)
	}
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
