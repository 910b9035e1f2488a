// Package remote is how commands reach a host: over SSH, or on this machine.
// Everything above it talks to a Runner and never to a transport directly.
package remote

import (
	"context"
	"net"
	"time"
)

// MaxStderr bounds how much standard error a Result keeps; a command that
// floods stderr must not be able to grow the console's memory.
const MaxStderr = 64 << 10

// Result is what one finished command produced.
type Result struct {
	Stdout   []byte
	Stderr   []byte // at most MaxStderr bytes, the tail kept
	ExitCode int
	Duration time.Duration
}

// Runner runs argv on one host. Implementations quote argv themselves
// (see Quote); callers never build shell strings.
//
// Run and Stream return a *ExitError when the command exits non-zero, and
// a *ConnError when the transport failed; the Result is filled as far as
// it got in both cases.
type Runner interface {
	// Run runs argv to completion, or until ctx is done.
	Run(ctx context.Context, argv []string) (Result, error)
	// Stream runs argv and calls onLine for every line of standard output
	// as it arrives (without the newline). Result.Stdout stays empty.
	Stream(ctx context.Context, argv []string, onLine func(line string)) (Result, error)
	// Dial opens a TCP connection from the far side of the runner, so
	// services bound to the host's loopback are reachable without
	// exposing ports.
	Dial(ctx context.Context, network, addr string) (net.Conn, error)
	// Close releases the transport.
	Close() error
}
