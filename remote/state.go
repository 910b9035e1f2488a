package remote

import (
	"fmt"
	"time"
)

// ConnPhase is where an SSH connection is in its life.
type ConnPhase int

const (
	// Connecting: the first connection is being made.
	Connecting ConnPhase = iota
	// Connected: commands run.
	Connected
	// Reconnecting: the connection dropped; commands fail fast with a
	// *ConnError while the runner retries with backoff.
	Reconnecting
	// Closed: Close was called, or reconnecting was given up because
	// it cannot succeed (the host key changed).
	Closed
)

// String is the phase's name for the header line.
func (p ConnPhase) String() string {
	switch p {
	case Connecting:
		return "connecting"
	case Connected:
		return "connected"
	case Reconnecting:
		return "reconnecting"
	case Closed:
		return "closed"
	}
	return fmt.Sprintf("ConnPhase(%d)", int(p))
}

// ConnState is a snapshot of a connection's state, delivered through
// SSHOptions.OnState and SSHRunner.State.
type ConnState struct {
	Phase   ConnPhase
	Attempt int       // reconnect attempt, from 1, while Reconnecting
	LastErr error     // why the connection dropped or the last attempt failed
	Since   time.Time // when Phase was entered
}

// String is a short human form, e.g. "reconnecting (attempt 3): EOF".
func (s ConnState) String() string {
	out := s.Phase.String()
	if s.Phase == Reconnecting {
		out += fmt.Sprintf(" (attempt %d)", s.Attempt)
	}
	if s.LastErr != nil {
		out += ": " + s.LastErr.Error()
	}
	return out
}
