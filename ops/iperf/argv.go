package iperf

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Defaults and bounds of a Spec.
const (
	DefaultPort     = 5201
	DefaultDuration = 10 * time.Second
	MaxDuration     = 10 * time.Minute
	MaxParallel     = 128
	// connectTimeoutMS bounds the control connection's setup, so an
	// unreachable target fails in seconds rather than after TCP's
	// two-minute SYN retries.
	connectTimeoutMS = 5000
	// slack is added to the test's duration for `timeout`: connection
	// setup plus the result exchange at the end.
	slack = 30 * time.Second
	// serverSlack is how long a one-off server may wait for its client
	// beyond the test's duration before `timeout` ends it.
	serverSlack = 60 * time.Second
	// timeoutExit is GNU timeout's exit status when it ended the command.
	timeoutExit = 124
)

// Spec is one test the operator chose.
type Spec struct {
	// Target is the address iperf3 connects to: a peer, or 127.0.0.1
	// for the host's loopback sanity test.
	Target string
	// TargetName is how the operator knows it, e.g. the peer's name.
	TargetName string
	Port       int           // 0: DefaultPort
	Duration   time.Duration // whole seconds; 0: DefaultDuration
	Parallel   int           // streams; 0: 1
	Reverse    bool          // -R: the target sends, the host receives
	// Congestion is passed as -C (e.g. "bbr", "cubic"); "" keeps the
	// system default.
	Congestion string
	// ServerOnHost starts a one-off `iperf3 -s -1` on the host for this
	// test (for the loopback test, or a peer testing towards the host).
	ServerOnHost bool
	// Version is the host's iperf3 (DetectVersion); it decides between
	// --json-stream and text output. The zero Version means text output.
	Version Version
}

var (
	targetRe     = regexp.MustCompile(`^[A-Za-z0-9_][A-Za-z0-9._:%-]{0,252}$`)
	congestionRe = regexp.MustCompile(`^[a-z0-9_]{1,16}$`)
	tokenRe      = regexp.MustCompile(`^[a-z0-9]{4,32}$`)
)

// normalize fills defaults and rejects values iperf3 would misread.
func (s Spec) normalize() (Spec, error) {
	if !targetRe.MatchString(s.Target) {
		return s, fmt.Errorf("iperf3 target %q is not a host name or address", clip(s.Target, 64))
	}
	if s.Port == 0 {
		s.Port = DefaultPort
	}
	if s.Port < 1 || s.Port > 65535 {
		return s, fmt.Errorf("iperf3 port %d is outside 1-65535", s.Port)
	}
	if s.Duration == 0 {
		s.Duration = DefaultDuration
	}
	s.Duration = s.Duration.Round(time.Second)
	if s.Duration < time.Second || s.Duration > MaxDuration {
		return s, fmt.Errorf("iperf3 duration %s is outside 1s-%s", s.Duration, MaxDuration)
	}
	if s.Parallel == 0 {
		s.Parallel = 1
	}
	if s.Parallel < 1 || s.Parallel > MaxParallel {
		return s, fmt.Errorf("iperf3 parallel streams %d is outside 1-%d", s.Parallel, MaxParallel)
	}
	if s.Congestion != "" && !congestionRe.MatchString(s.Congestion) {
		return s, fmt.Errorf("congestion control %q is not an algorithm name", clip(s.Congestion, 32))
	}
	return s, nil
}

// Plan is the exact commands of one test. Token makes its processes
// recognisable, so cleanup kills exactly them and nothing else.
type Plan struct {
	Spec  Spec // normalized
	Token string
	// Client runs the test on the host; its output is Format.
	Client []string
	Format Format
	// StopClient kills the client left running after a cancel: over a
	// root SSH login sshd does not deliver the signal, and iperf3 keeps
	// going with its output closed.
	StopClient []string
	// Server and StopServer are nil unless Spec.ServerOnHost.
	Server     []string
	StopServer []string
}

// NewPlan builds the commands of spec; token (4-32 lowercase letters or
// digits, random in TestAction) marks the test's processes.
func NewPlan(spec Spec, token string) (Plan, error) {
	s, err := spec.normalize()
	if err != nil {
		return Plan{}, err
	}
	if !tokenRe.MatchString(token) {
		return Plan{}, fmt.Errorf("iperf3 plan: bad token %q", clip(token, 40))
	}
	p := Plan{Spec: s, Token: token, Format: FormatText}
	secs := int(s.Duration / time.Second)
	client := []string{"iperf3", "-c", s.Target, "-p", strconv.Itoa(s.Port), "-t", strconv.Itoa(secs), "-P", strconv.Itoa(s.Parallel)}
	if s.Reverse {
		client = append(client, "-R")
	}
	if s.Congestion != "" {
		client = append(client, "-C", s.Congestion)
	}
	if s.Version.hasConnectTimeout() {
		client = append(client, "--connect-timeout", strconv.Itoa(connectTimeoutMS))
	}
	if s.Version.HasJSONStream() {
		p.Format = FormatJSONStream
		client = append(client, "--json-stream", "--forceflush")
	} else {
		// -f k: one unit for every rate; -V adds CPU use and the
		// congestion control of both sides to the summary.
		client = append(client, "-i", "1", "--forceflush", "-f", "k", "-V")
	}
	// --extra-data only goes into JSON output; here it is the marker.
	client = append(client, "--extra-data", "opsdeck-"+token)
	p.Client = withTimeout(s.Duration+slack, client)
	p.StopClient = stopArgv(client)
	if s.ServerOnHost {
		server := []string{"iperf3", "-s", "-1", "-p", strconv.Itoa(s.Port), "--forceflush", "-I", "/tmp/opsdeck-iperf3-" + token + ".pid"}
		p.Server = withTimeout(s.Duration+serverSlack, server)
		p.StopServer = stopArgv(server)
	}
	return p, nil
}

// withTimeout bounds a command on the host itself, so it ends even when
// the console loses the connection and cannot clean up.
func withTimeout(d time.Duration, argv []string) []string {
	return append([]string{"timeout", "-k", "5", strconv.Itoa(int(d / time.Second))}, argv...)
}

// stopArgv matches exactly argv's process (pkill -x -f compares the whole
// command line), never the `timeout` around it nor any other iperf3.
func stopArgv(argv []string) []string {
	return []string{"pkill", "-x", "-f", regexp.QuoteMeta(strings.Join(argv, " "))}
}
