package remote

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"sync"
	"time"

	"golang.org/x/crypto/ssh"
)

// cancelGrace is how long a cancelled command may take to wind down
// after its session was signalled and closed, before Run returns anyway:
// on a connection that died silently nothing would ever answer.
const cancelGrace = 2 * time.Second

var _ Runner = (*SSHRunner)(nil)

// Run runs argv as one session on the shared connection.
func (r *SSHRunner) Run(ctx context.Context, argv []string) (Result, error) {
	// Locked: after a cancel the session may still be copying output
	// while Run returns what arrived so far.
	stdout := &lockedBuffer{}
	res, err := r.exec(ctx, "run", argv, func(s *ssh.Session) (func() error, error) {
		s.Stdout = stdout
		return nil, nil
	})
	res.Stdout = stdout.Bytes()
	return res, err
}

// Stream runs argv and calls onLine for each stdout line. onLine is
// called from one goroutine, never after Stream returned.
func (r *SSHRunner) Stream(ctx context.Context, argv []string, onLine func(string)) (Result, error) {
	var mu sync.Mutex
	stopped := false
	guarded := func(line string) {
		mu.Lock()
		defer mu.Unlock()
		if !stopped {
			onLine(line)
		}
	}
	defer func() {
		mu.Lock()
		stopped = true
		mu.Unlock()
	}()
	return r.exec(ctx, "stream", argv, func(s *ssh.Session) (func() error, error) {
		pipe, err := s.StdoutPipe()
		if err != nil {
			return nil, err
		}
		return func() error { return scanLines(pipe, guarded) }, nil
	})
}

// exec is the body of Run and Stream. setup wires stdout and may return a
// reader to run alongside the command.
func (r *SSHRunner) exec(ctx context.Context, op string, argv []string, setup func(*ssh.Session) (func() error, error)) (Result, error) {
	if err := checkArgv(argv); err != nil {
		return Result{}, err
	}
	select {
	case r.sem <- struct{}{}:
		defer func() { <-r.sem }()
	case <-ctx.Done():
		return Result{}, ctx.Err()
	}
	c, err := r.current(op)
	if err != nil {
		return Result{}, err
	}
	start := time.Now()
	sess, err := openSession(ctx, c.client)
	if err != nil {
		return Result{}, r.sessionErr(op, err)
	}
	defer sess.Close()
	stderr := &lockedTail{t: newTailBuffer(MaxStderr)}
	sess.Stderr = stderr
	read, err := setup(sess)
	if err != nil {
		return Result{}, err
	}
	if err := sess.Start(Quote(argv)); err != nil {
		return Result{}, r.sessionErr(op, err)
	}
	finished := make(chan error, 1)
	go func() {
		var readErr error
		if read != nil {
			readErr = read()
		}
		err := sess.Wait()
		if err == nil {
			err = readErr
		}
		finished <- err
	}()

	var res Result
	var waitErr error
	select {
	case waitErr = <-finished:
	case <-ctx.Done():
		// Ask the remote command to stop, then drop the session. sshd
		// honours the signal only for non-root logins (it needs
		// post-auth privilege separation); otherwise a command without
		// a terminal ends when it next writes to its closed output.
		_ = sess.Signal(ssh.SIGTERM)
		sess.Close()
		select {
		case <-finished:
		case <-time.After(cancelGrace):
		}
		res.Duration = time.Since(start)
		res.Stderr = []byte(stderr.String())
		res.ExitCode = -1
		return res, ctx.Err()
	}
	res.Duration = time.Since(start)
	res.Stderr = []byte(stderr.String())
	return res, r.exitErr(op, argv, &res, waitErr)
}

// openSession opens a session channel, retrying briefly when the server
// refuses it. sshd counts a session until it has processed the close, so
// right after a burst of commands it can refuse a new one ("open failed")
// even though fewer than MaxSessions are open on this side.
func openSession(ctx context.Context, client *ssh.Client) (*ssh.Session, error) {
	delay := 10 * time.Millisecond
	for attempt := 0; ; attempt++ {
		sess, err := client.NewSession()
		var oce *ssh.OpenChannelError
		if err == nil || !errors.As(err, &oce) || attempt == 6 {
			return sess, err
		}
		select {
		case <-time.After(delay):
		case <-ctx.Done():
			return nil, err
		}
		delay *= 2
	}
}

// exitErr maps the end of a session: an exit status is an *ExitError, a
// session that ended without one lost its connection.
func (r *SSHRunner) exitErr(op string, argv []string, res *Result, err error) error {
	if err == nil {
		return nil
	}
	var xe *ssh.ExitError
	if errors.As(err, &xe) {
		e := &ExitError{Argv: argv, Code: xe.ExitStatus(), Signal: xe.Signal(), Stderr: string(res.Stderr),
			Host: r.host.Alias, User: r.host.User}
		if e.Signal != "" {
			e.Code = -1
		}
		res.ExitCode = e.Code
		return e
	}
	res.ExitCode = -1
	var missing *ssh.ExitMissingError
	if errors.As(err, &missing) || errors.Is(err, io.EOF) || isNetErr(err) {
		return &ConnError{Host: r.host.Alias, Op: op, Err: err}
	}
	return err
}

// sessionErr classifies a failure to open or start a session: the
// server refusing the channel is not a transport failure.
func (r *SSHRunner) sessionErr(op string, err error) error {
	var oce *ssh.OpenChannelError
	if errors.As(err, &oce) {
		return err
	}
	return &ConnError{Host: r.host.Alias, Op: op, Err: err}
}

func isNetErr(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) || errors.Is(err, net.ErrClosed)
}

// Dial opens a TCP connection from the remote host (direct-tcpip), e.g.
// to a service listening on its loopback interface.
func (r *SSHRunner) Dial(ctx context.Context, network, addr string) (net.Conn, error) {
	c, err := r.current("dial")
	if err != nil {
		return nil, err
	}
	nc, err := c.client.DialContext(ctx, network, addr)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		var oce *ssh.OpenChannelError
		if errors.As(err, &oce) {
			return nil, err
		}
		return nil, &ConnError{Host: r.host.Alias, Op: "dial", Err: err}
	}
	return nc, nil
}

// lockedBuffer is a bytes.Buffer safe for one writer and one reader.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

// Bytes returns a copy of what was written so far.
func (l *lockedBuffer) Bytes() []byte {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]byte(nil), l.b.Bytes()...)
}
