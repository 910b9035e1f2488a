package monitor

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os/exec"
	"strings"
	"sync"
	"time"

	"github.com/opsdeck/opsdeck/ops/action"
	"github.com/opsdeck/opsdeck/ops/config"
	"github.com/opsdeck/opsdeck/remote"
)

// DefaultSecretTimeout bounds the local command that prints a secret.
const DefaultSecretTimeout = 30 * time.Second

// Authentication methods.
const (
	AuthBearer = "bearer"
	AuthBasic  = "basic"
)

// Credentials authenticate requests to one service. The secret is printed
// by Command, run on this machine (never through SSH) the first time it is
// needed and again at most once per request answered 401; it lives only
// in memory. Errors and fmt output name the method and the command, never
// the secret or the command's output.
type Credentials struct {
	// Method is AuthBearer or AuthBasic.
	Method string
	// User is the basic-auth user name.
	User string
	// Command prints the token or password on stdout (argv).
	Command []string
	// Timeout bounds Command (<= 0: DefaultSecretTimeout).
	Timeout time.Duration

	mu     sync.Mutex
	secret string
	have   bool
}

// String names the method and command only, so %v of a Credentials can
// never print the cached secret.
func (c *Credentials) String() string {
	if c == nil {
		return "no credentials"
	}
	return fmt.Sprintf("%s credentials from %s", c.Method, commandName(c.Command))
}

// GoString keeps %#v from printing the secret as well.
func (c *Credentials) GoString() string { return c.String() }

// commandName is what errors call the command: its argv, quoted.
func commandName(argv []string) string {
	return fmt.Sprintf("%q", argv)
}

// get returns the cached secret, running Command if there is none or if
// the cached one is stale (the one a server just refused). Holding the
// lock across the command keeps concurrent readers from running it twice.
func (c *Credentials) get(ctx context.Context, stale *string) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.have && (stale == nil || *stale != c.secret) {
		return c.secret, nil
	}
	s, err := c.run(ctx)
	if err != nil {
		return "", err
	}
	c.secret, c.have = s, true
	return s, nil
}

// run executes Command locally. Its stderr is discarded rather than
// quoted: a password manager may echo what it was asked for.
func (c *Credentials) run(ctx context.Context) (string, error) {
	if len(c.Command) == 0 || c.Command[0] == "" {
		return "", fmt.Errorf("%s credentials: no command configured", c.Method)
	}
	timeout := c.Timeout
	if timeout <= 0 {
		timeout = DefaultSecretTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	var out bytes.Buffer
	cmd := exec.CommandContext(ctx, c.Command[0], c.Command[1:]...)
	cmd.Stdout = &out
	err := cmd.Run()
	name := commandName(c.Command)
	var exit *exec.ExitError
	switch {
	case ctx.Err() == context.DeadlineExceeded:
		return "", fmt.Errorf("%s credentials: %s did not finish within %s", c.Method, name, timeout)
	case errors.As(err, &exit):
		return "", fmt.Errorf("%s credentials: %s exited with status %d", c.Method, name, exit.ExitCode())
	case err != nil:
		// Start errors (not found, permission) carry only the path.
		return "", fmt.Errorf("%s credentials: %s: %w", c.Method, name, err)
	}
	s := strings.TrimSpace(out.String())
	if s == "" {
		return "", fmt.Errorf("%s credentials: %s printed nothing", c.Method, name)
	}
	return s, nil
}

// authorize sets req's Authorization header from secret.
func (c *Credentials) authorize(req *http.Request, secret string) {
	if c.Method == AuthBasic {
		req.SetBasicAuth(c.User, secret)
		return
	}
	req.Header.Set("Authorization", "Bearer "+secret)
}

// authTransport adds c's Authorization header to every request.
type authTransport struct {
	base  http.RoundTripper
	creds *Credentials
}

// RoundTrip implements http.RoundTripper. A 401 fetches the secret again
// (it may have been rotated) and retries once, when the body can be
// replayed.
func (t *authTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	secret, err := t.creds.get(req.Context(), nil)
	if err != nil {
		return nil, err
	}
	r := req.Clone(req.Context())
	t.creds.authorize(r, secret)
	resp, err := t.base.RoundTrip(r)
	if err != nil || resp.StatusCode != http.StatusUnauthorized || (req.Body != nil && req.GetBody == nil) {
		return resp, err
	}
	fresh, err := t.creds.get(req.Context(), &secret)
	if err != nil || fresh == secret {
		// Same secret: retrying would only be refused again; the 401
		// itself is the clearest answer.
		return resp, nil
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	r = req.Clone(req.Context())
	if req.GetBody != nil {
		if r.Body, err = req.GetBody(); err != nil {
			return nil, err
		}
	}
	t.creds.authorize(r, fresh)
	return t.base.RoundTrip(r)
}

// HTTPClientWith is HTTPClient with creds added to every request (nil
// creds: exactly HTTPClient).
func HTTPClientWith(r remote.Runner, timeout time.Duration, creds *Credentials) *http.Client {
	c := HTTPClient(r, timeout)
	if creds != nil {
		c.Transport = &authTransport{base: c.Transport, creds: creds}
	}
	return c
}

type credsKey struct{}

// WithCredentials returns ctx carrying creds for the reads made with it:
// the readers take their base URL as an argument, and the credentials
// travel the same way as the deadline that bounds them.
func WithCredentials(ctx context.Context, creds *Credentials) context.Context {
	if creds == nil {
		return ctx
	}
	return context.WithValue(ctx, credsKey{}, creds)
}

// credentialsFrom returns what WithCredentials put into ctx, or nil.
func credentialsFrom(ctx context.Context) *Credentials {
	c, _ := ctx.Value(credsKey{}).(*Credentials)
	return c
}

// clientFor is the HTTP client for one read or step made with ctx.
func clientFor(ctx context.Context, r remote.Runner) *http.Client {
	return HTTPClientWith(r, DefaultTimeout, credentialsFrom(ctx))
}

// ActionWithCredentials makes a's HTTP steps and its Verify send creds.
// The steps' Argv (what previews and the audit log show) is untouched:
// it names the method and URL, never the secret.
func ActionWithCredentials(a action.Action, creds *Credentials) action.Action {
	if creds == nil {
		return a
	}
	steps := make([]action.Step, len(a.Steps))
	for i, s := range a.Steps {
		if do := s.Do; do != nil {
			s.Do = func(ctx context.Context, env action.StepEnv) error { return do(WithCredentials(ctx, creds), env) }
		}
		steps[i] = s
	}
	a.Steps = steps
	if verify := a.Verify; verify != nil {
		a.Verify = func(ctx context.Context) (string, error) { return verify(WithCredentials(ctx, creds)) }
	}
	return a
}

// CredentialsFor turns a host's [services_auth] blocks into Credentials,
// one per service, each caching its own secret for the process lifetime.
func CredentialsFor(auth map[string]config.ServiceAuth) map[string]*Credentials {
	out := make(map[string]*Credentials, len(auth))
	for name, a := range auth {
		out[name] = &Credentials{Method: a.Method(), User: a.BasicUser, Command: a.Command()}
	}
	return out
}
