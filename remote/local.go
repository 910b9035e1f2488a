package remote

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"os/exec"
	"os/user"
	"syscall"
	"time"
)

// waitDelay bounds how long a finished or cancelled local command may keep
// its pipes open through a grandchild, so Run cannot hang on one.
const waitDelay = 2 * time.Second

// maxLine bounds one streamed line; a longer one ends the stream with an
// error instead of growing memory without limit.
const maxLine = 1 << 20

// NewLocal returns a Runner for this machine (`opsdeck --local`): argv is
// executed directly with os/exec, no shell involved, and Dial is a plain
// net.Dialer.
func NewLocal() Runner {
	l := &localRunner{}
	if u, err := user.Current(); err == nil {
		l.user = u.Username
	}
	return l
}

type localRunner struct {
	user string
}

// Run executes argv and waits for it (or for ctx).
func (l *localRunner) Run(ctx context.Context, argv []string) (Result, error) {
	var stdout bytes.Buffer
	return l.run(ctx, argv, func(cmd *exec.Cmd) (func() error, error) {
		cmd.Stdout = &stdout
		return nil, nil
	}, &stdout)
}

// Stream executes argv and hands every stdout line to onLine as it comes.
func (l *localRunner) Stream(ctx context.Context, argv []string, onLine func(string)) (Result, error) {
	return l.run(ctx, argv, func(cmd *exec.Cmd) (func() error, error) {
		pipe, err := cmd.StdoutPipe()
		if err != nil {
			return nil, err
		}
		return func() error { return scanLines(pipe, onLine) }, nil
	}, nil)
}

// run is the shared body: setup wires stdout and may return a reader that
// runs before Wait (Stream's line loop).
func (l *localRunner) run(ctx context.Context, argv []string, setup func(*exec.Cmd) (func() error, error), stdout *bytes.Buffer) (Result, error) {
	if err := checkArgv(argv); err != nil {
		return Result{}, err
	}
	start := time.Now()
	stderr := newTailBuffer(MaxStderr)
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.Stderr = stderr
	cmd.WaitDelay = waitDelay
	read, err := setup(cmd)
	if err != nil {
		return Result{}, err
	}
	var res Result
	finish := func() {
		res.Duration = time.Since(start)
		res.Stderr = append([]byte(nil), stderr.Bytes()...)
		if stdout != nil {
			res.Stdout = stdout.Bytes()
		}
	}
	if err := cmd.Start(); err != nil {
		finish()
		if errors.Is(err, exec.ErrNotFound) {
			res.ExitCode = 127
			return res, &ExitError{Argv: argv, Code: 127, Stderr: argv[0] + ": command not found", Host: "localhost", User: l.user}
		}
		return res, err
	}
	var readErr error
	if read != nil {
		readErr = read()
		if readErr != nil {
			// Stop the command; nobody is reading its output any more.
			_ = cmd.Process.Kill()
		}
	}
	waitErr := cmd.Wait()
	finish()
	if ctx.Err() != nil {
		res.ExitCode = -1
		return res, ctx.Err()
	}
	if readErr != nil {
		return res, readErr
	}
	var xe *exec.ExitError
	if errors.As(waitErr, &xe) {
		e := &ExitError{Argv: argv, Code: xe.ExitCode(), Stderr: string(res.Stderr), Host: "localhost", User: l.user}
		if ws, ok := xe.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			e.Signal = ws.Signal().String()
		}
		res.ExitCode = e.Code
		return res, e
	}
	return res, waitErr
}

// Dial connects from this machine.
func (l *localRunner) Dial(ctx context.Context, network, addr string) (net.Conn, error) {
	var d net.Dialer
	return d.DialContext(ctx, network, addr)
}

// Close has nothing to release.
func (l *localRunner) Close() error { return nil }

// scanLines calls onLine for each line of r, without the newline.
func scanLines(r io.Reader, onLine func(string)) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxLine)
	for sc.Scan() {
		onLine(sc.Text())
	}
	return sc.Err()
}
