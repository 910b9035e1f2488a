package iperf

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/opsdeck/opsdeck/remote"
)

// Kind classifies why a test failed.
type Kind int

// Failure kinds.
const (
	KindUnknown   Kind = iota
	KindRefused        // nothing listens on the target's port
	KindNoRoute        // the target's network is unreachable
	KindBusy           // the server is running another client's test
	KindMissing        // iperf3 is not installed on the host
	KindTimeout        // the connection or the whole test took too long
	KindPortInUse      // the one-off server could not listen on its port
	KindCanceled       // the operator stopped the test
)

// String names the kind in a word or two, e.g. for a history line.
func (k Kind) String() string {
	switch k {
	case KindRefused:
		return "refused"
	case KindNoRoute:
		return "no route"
	case KindBusy:
		return "server busy"
	case KindMissing:
		return "iperf3 missing"
	case KindTimeout:
		return "timeout"
	case KindPortInUse:
		return "port in use"
	case KindCanceled:
		return "canceled"
	}
	return "failed"
}

// Error is a failed test, with what iperf3 or the transport said.
type Error struct {
	Kind   Kind
	Host   string // where iperf3 ran
	Target string // the target as the operator knows it
	Detail string // iperf3's own message or the transport error, one line
}

// Error says what happened and what to do about it, in one line.
func (e *Error) Error() string {
	host, target := orWord(e.Host, "the host"), orWord(e.Target, "the target")
	switch e.Kind {
	case KindRefused:
		return fmt.Sprintf("iperf3: connection to %s refused: no iperf3 server listens there; start `iperf3 -s` on it or check the port", target)
	case KindNoRoute:
		return fmt.Sprintf("iperf3: no route from %s to %s: check the address, the tunnel (wg show) and the routing table", host, target)
	case KindBusy:
		return fmt.Sprintf("iperf3: the server on %s is busy running another test; try again when it is done", target)
	case KindMissing:
		return fmt.Sprintf("iperf3 is not installed on %s: install it (Debian/Ubuntu: apt-get install iperf3; FreeBSD: pkg install iperf3)", host)
	case KindTimeout:
		return fmt.Sprintf("iperf3: %s did not answer in time: a firewall may drop the traffic, or the server hangs", target)
	case KindPortInUse:
		return fmt.Sprintf("iperf3: the test server on %s cannot listen: the port is in use (%s)", host, e.Detail)
	case KindCanceled:
		return "iperf3: test canceled"
	}
	if e.Detail == "" {
		return "iperf3 failed"
	}
	return "iperf3 failed: " + e.Detail
}

// Is lets errors.Is(err, context.Canceled) hold for a canceled test.
func (e *Error) Is(target error) bool {
	return e.Kind == KindCanceled && target == context.Canceled
}

func orWord(s, word string) string {
	if s == "" {
		return word
	}
	return s
}

// classifyText maps iperf3's error text (text mode prints "iperf3: error -
// MSG", JSON modes carry MSG alone) to a kind.
func classifyText(msg string) Kind {
	m := strings.ToLower(msg)
	switch {
	case strings.Contains(m, "connection refused"):
		return KindRefused
	case strings.Contains(m, "no route to host"), strings.Contains(m, "network is unreachable"),
		strings.Contains(m, "name or service not known"), strings.Contains(m, "no address associated"):
		return KindNoRoute
	case strings.Contains(m, "server is busy"):
		return KindBusy
	case strings.Contains(m, "timed out"), strings.Contains(m, "timeout"):
		return KindTimeout
	case strings.Contains(m, "address already in use"), strings.Contains(m, "unable to start listener"):
		return KindPortInUse
	case strings.Contains(m, "command not found"), strings.Contains(m, "no such file or directory") && strings.Contains(m, "iperf3"):
		return KindMissing
	}
	return KindUnknown
}

// errorLine recognises iperf3's error line in text output and returns
// its message.
func errorLine(line string) (string, bool) {
	const prefix = "iperf3: error - "
	if i := strings.Index(line, prefix); i >= 0 {
		return strings.TrimSpace(line[i+len(prefix):]), true
	}
	return "", false
}

// fromRun turns a runner error into an *Error, using iperf3's message
// when one was seen (msg) and the exit status otherwise.
func fromRun(err error, msg, host, target string) *Error {
	e := &Error{Host: host, Target: target, Detail: msg}
	var ee *remote.ExitError
	switch {
	case errors.Is(err, context.Canceled):
		e.Kind = KindCanceled
	case msg != "":
		e.Kind = classifyText(msg)
	case errors.Is(err, remote.ErrNotInstalled):
		e.Kind = KindMissing
	case errors.As(err, &ee) && ee.Code == timeoutExit:
		// Our `timeout` wrapper ended a test that overran its bound.
		e.Kind, e.Detail = KindTimeout, "the test overran its time limit"
	case errors.Is(err, context.DeadlineExceeded):
		e.Kind = KindTimeout
	default:
		if err != nil {
			e.Detail = err.Error()
			if h := remote.Hint(err); h != "" {
				e.Detail += " (" + h + ")"
			}
		}
	}
	return e
}
