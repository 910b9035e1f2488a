package demo

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"time"
)

// Output is what one simulated command printed and how it exited.
type Output struct {
	Stdout, Stderr string
	Code           int
}

// Sim is a simulated ZFS host. It answers the commands the console runs
// (ops/commands.go), optionally behind `sudo -n --`, and keeps scrubs
// moving by its clock. Safe for concurrent use: every command sees and
// changes the model under one lock, as the kernel serialises pool
// operations.
type Sim struct {
	mu    sync.Mutex
	clk   Clock
	host  *Host
	scrub time.Duration // how long a started scrub runs, pauses excluded
}

// DefaultScrubDuration is how long a scrub started in the demo takes.
const DefaultScrubDuration = 2 * time.Minute

// NewSim returns a simulator of host driven by clk. The Sim owns host
// from then on.
func NewSim(host *Host, clk Clock) *Sim {
	if host.Loc == nil {
		host.Loc = time.UTC
	}
	return &Sim{clk: clk, host: host, scrub: DefaultScrubDuration}
}

// SetScrubDuration changes how long scrubs started from now on take.
func (s *Sim) SetScrubDuration(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if d > 0 {
		s.scrub = d
	}
}

// Now returns the simulator's clock reading.
func (s *Sim) Now() time.Time { return s.clk.Now() }

// Run runs argv on the simulated host.
func (s *Sim) Run(argv []string) Output {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.clk.Now()
	for _, p := range s.host.Pools {
		s.advance(p, now)
	}
	if len(argv) >= 3 && argv[0] == "sudo" && argv[1] == "-n" {
		rest := argv[2:]
		if rest[0] == "--" {
			rest = rest[1:]
		}
		if len(rest) > 0 {
			return s.dispatch(rest, now)
		}
	}
	return s.dispatch(argv, now)
}

func (s *Sim) dispatch(argv []string, now time.Time) Output {
	if len(argv) == 0 {
		return Output{}
	}
	if out, ok := s.netCommand(argv, now); ok { // net_cmd.go
		return out
	}
	if out, ok := s.resticCommand(argv, now); ok { // restic_sim.go
		return out
	}
	args := argv[1:]
	switch argv[0] {
	case "zpool":
		if len(args) > 0 {
			return s.zpool(args[0], args[1:], now)
		}
	case "zfs":
		if len(args) > 0 {
			return s.zfs(args[0], args[1:])
		}
	case "cat":
		if len(args) == 1 {
			return s.cat(args[0])
		}
	case "date":
		if len(args) == 1 && args[0] == "+%z" {
			return Output{Stdout: now.Format("-0700") + "\n"}
		}
	case "readlink": // snap_cmd.go: the server's time zone
		if len(args) == 2 && args[0] == "-f" && args[1] == "/etc/localtime" {
			return s.localtime()
		}
	case "uname":
		if len(args) == 1 && args[0] == "-sr" {
			return Output{Stdout: s.host.Kernel + "\n"}
		}
	case "sh":
		if len(args) == 2 && args[0] == "-c" {
			if out, ok := s.probeTools(args[1]); ok {
				return out
			}
		}
	case "sudo":
		// Only `sudo -n [--] argv` is modelled (handled in Run).
	case "ip", "tc", "sysctl", "wg", "ping":
		// Arguments net_cmd.go does not model: not simulated.
	case "iperf3": // iperf_sim.go
		return s.iperf3(args)
	case "timeout":
		return s.timeout(args)
	case "pkill":
		return s.pkill(args)
	case "systemctl":
		if strings.Join(args, " ") == "list-timers --all --no-pager --no-legend zfs-scrub*" {
			return Output{Stdout: s.host.Timers}
		}
	default:
		return Output{Stderr: fmt.Sprintf("bash: line 1: %s: command not found\n", argv[0]), Code: 127}
	}
	return notSimulated(argv)
}

// notSimulated answers a known program run with arguments the demo does
// not model: exit 127 like a missing command, with a message that says
// why, so nobody mistakes it for real ZFS behaviour.
func notSimulated(argv []string) Output {
	return Output{Stderr: fmt.Sprintf("opsdeck demo: %q is not simulated; this demo host answers only the commands opsdeck runs\n",
		strings.Join(argv, " ")), Code: 127}
}

func (s *Sim) cat(path string) Output {
	switch path {
	case "/etc/os-release":
		return Output{Stdout: s.host.OSRelease}
	case "/proc/spl/kstat/zfs/arcstats":
		return Output{Stdout: arcstatsText(s.host.ARC)}
	case "/etc/cron.d/zfsutils-linux":
		if s.host.CronFile != "" {
			return Output{Stdout: s.host.CronFile}
		}
	}
	return Output{Stderr: fmt.Sprintf("cat: %s: No such file or directory\n", path), Code: 1}
}

// toolsScript is the one shell script the console runs (ops.ArgvTools).
var toolsScript = regexp.MustCompile(`^for t in ([a-z0-9 ]+); do command -v "\$t"; done; exit 0$`)

// probeTools runs the probe's `command -v` loop against Host.Tools.
func (s *Sim) probeTools(script string) (Output, bool) {
	m := toolsScript.FindStringSubmatch(script)
	if m == nil {
		return Output{}, false
	}
	var b strings.Builder
	for _, t := range strings.Fields(m[1]) {
		for _, path := range s.host.Tools {
			if path == t || strings.HasSuffix(path, "/"+t) {
				b.WriteString(path + "\n")
				break
			}
		}
	}
	return Output{Stdout: b.String()}, true
}
