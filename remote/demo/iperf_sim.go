package demo

import (
	"fmt"
	"strconv"
	"strings"
)

// iperfVersion is what the demo host's `iperf3 --version` prints: Debian
// 12's iperf3, whose -J output arrives only at exit, so the console reads
// its --forceflush text output.
const iperfVersion = "iperf 3.12 (cJSON 1.7.15)\n" +
	"Linux zlab 6.1.0-56-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.192-2 (2026-11-16) x86_64\n" +
	"Optional features available: CPU affinity setting, IPv6 flow label, SCTP, TCP congestion algorithm setting, sendfile / zerocopy, socket pacing, authentication, bind to device, support IPv4 don't fragment\n"

// iperfRun is one parsed iperf3 command line.
type iperfRun struct {
	server, oneOff, reverse, verbose, json bool
	target                                 string
	port, secs, parallel                   int
	congestion, format                     string
}

// iperfValued are iperf3's long options that take a value (the ones the
// console sends, and the common others).
var iperfValued = map[string]bool{
	"-c": true, "--client": true, "-p": true, "--port": true, "-t": true, "--time": true, "-P": true, "--parallel": true,
	"-C": true, "--congestion": true, "-i": true, "--interval": true, "-f": true, "--format": true, "-I": true, "--pidfile": true,
	"--connect-timeout": true, "--extra-data": true, "-B": true, "--bind": true, "-w": true, "--window": true,
}

// parseIperf reads argv after "iperf3" the way iperf3's getopt_long does
// for the options the console uses; unknown ones fail as iperf3 fails.
func parseIperf(args []string) (iperfRun, error) {
	r := iperfRun{port: 5201, secs: 10, parallel: 1, format: "a"}
	for i := 0; i < len(args); i++ {
		a, v := args[i], ""
		if iperfValued[a] {
			if i+1 >= len(args) {
				return r, fmt.Errorf("option '%s' requires an argument", a)
			}
			i++
			v = args[i]
		}
		var err error
		switch a {
		case "-s", "--server":
			r.server = true
		case "-1", "--one-off":
			r.oneOff = true
		case "-R", "--reverse":
			r.reverse = true
		case "-V", "--verbose":
			r.verbose = true
		case "-J", "--json":
			r.json = true
		case "-c", "--client":
			r.target = v
		case "-p", "--port":
			r.port, err = iperfInt(v, 1, 65535)
		case "-t", "--time":
			r.secs, err = iperfInt(v, 1, 86400)
		case "-P", "--parallel":
			r.parallel, err = iperfInt(v, 1, 128)
		case "-C", "--congestion":
			r.congestion = v
		case "-f", "--format":
			r.format = v
		case "--forceflush", "-i", "--interval", "-I", "--pidfile", "--connect-timeout", "--extra-data", "-B", "--bind", "-w", "--window":
		default:
			return r, fmt.Errorf("unrecognized option '%s'", a)
		}
		if err != nil {
			return r, err
		}
	}
	if r.server == (r.target != "") {
		return r, fmt.Errorf("parameter error - must either be a client (-c) or server (-s)")
	}
	return r, nil
}

func iperfInt(s string, lo, hi int) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0, fmt.Errorf("parameter error - invalid value %q", s)
	}
	return n, nil
}

// iperf3 answers `iperf3 --version`, a one-off server and a client test.
// The demo's SSH exec returns output when the command ends, so a test's
// intervals arrive together at the end rather than one per second.
func (s *Sim) iperf3(args []string) Output {
	if len(args) == 1 && (args[0] == "--version" || args[0] == "-v") {
		return Output{Stdout: iperfVersion}
	}
	r, err := parseIperf(args)
	if err != nil {
		return Output{Stderr: "iperf3: " + err.Error() + "\n", Code: 1}
	}
	if r.json {
		// The console never asks 3.12 for -J; say so rather than fake it.
		return notSimulated(append([]string{"iperf3"}, args...))
	}
	if r.server {
		// A one-off server that served nobody: the console's client test
		// is answered by the simulation itself, so the server just ends.
		line := strings.Repeat("-", 59) + "\n"
		return Output{Stdout: line + fmt.Sprintf("Server listening on %d (test #1)\n", r.port) + line}
	}
	return Output{Stdout: iperfClientText(r, s.clk.Now())}
}

// timeout runs `timeout [-k D] DURATION iperf3 …`, the only commands the
// console wraps in timeout; the simulated ones end well within it.
func (s *Sim) timeout(args []string) Output {
	rest := args
	if len(rest) >= 2 && rest[0] == "-k" {
		rest = rest[2:]
	}
	if len(rest) >= 2 && rest[1] == "iperf3" {
		return s.iperf3(rest[2:])
	}
	return notSimulated(append([]string{"timeout"}, args...))
}

// pkill answers the console's `pkill -x -f PATTERN` for its iperf3
// processes: the demo's ones have always ended, so nothing matches.
func (s *Sim) pkill(args []string) Output {
	if len(args) == 3 && args[0] == "-x" && args[1] == "-f" && strings.HasPrefix(args[2], "iperf3 ") {
		return Output{Code: 1}
	}
	return notSimulated(append([]string{"pkill"}, args...))
}
