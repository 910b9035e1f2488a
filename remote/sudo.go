package remote

import (
	"context"
	"net"
)

// sudoPrefix runs a command as root without ever prompting: -n makes sudo
// fail with "a password is required" instead of waiting on a terminal the
// console does not give it, and -- keeps argv from being read as options.
var sudoPrefix = []string{"sudo", "-n", "--"}

// WithSudo returns a Runner that runs every command through `sudo -n --`
// on the same transport as r. Dial is not privileged and goes to r as is.
// Close closes r; Runners tolerate being closed twice, so a Host holding
// both r and its sudo wrapper may close both.
func WithSudo(r Runner) Runner { return sudoRunner{r} }

type sudoRunner struct{ r Runner }

// ArgvWrapper is implemented by Runners that change the command line they
// are given (WithSudo prefixes `sudo -n --`), so previews and the audit
// log can show what really runs.
type ArgvWrapper interface {
	WrapArgv(argv []string) []string
}

// EffectiveArgv is argv as r will really run it.
func EffectiveArgv(r Runner, argv []string) []string {
	if w, ok := r.(ArgvWrapper); ok {
		return w.WrapArgv(argv)
	}
	return argv
}

// WrapArgv implements ArgvWrapper.
func (s sudoRunner) WrapArgv(argv []string) []string { return withSudo(argv) }

func withSudo(argv []string) []string {
	out := make([]string, 0, len(sudoPrefix)+len(argv))
	return append(append(out, sudoPrefix...), argv...)
}

// Run runs argv as root.
func (s sudoRunner) Run(ctx context.Context, argv []string) (Result, error) {
	if err := checkArgv(argv); err != nil {
		return Result{}, err
	}
	return s.r.Run(ctx, withSudo(argv))
}

// Stream streams argv run as root.
func (s sudoRunner) Stream(ctx context.Context, argv []string, onLine func(string)) (Result, error) {
	if err := checkArgv(argv); err != nil {
		return Result{}, err
	}
	return s.r.Stream(ctx, withSudo(argv), onLine)
}

// Dial dials through the wrapped runner.
func (s sudoRunner) Dial(ctx context.Context, network, addr string) (net.Conn, error) {
	return s.r.Dial(ctx, network, addr)
}

// Close closes the wrapped runner.
func (s sudoRunner) Close() error { return s.r.Close() }
