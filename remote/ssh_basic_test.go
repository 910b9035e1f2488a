package remote

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/opsdeck/opsdeck/remote/sshtest"
)

func testCtx(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// dialTest connects to srv's alias with no agent and the given prompter.
func dialTest(t *testing.T, srv *sshtest.Server, p Prompter, mod func(*SSHOptions)) (*SSHRunner, error) {
	t.Helper()
	opts := SSHOptions{Alias: srv.Alias, ConfigFile: srv.ConfigFile, Prompter: p, NoAgent: true, Home: t.TempDir()}
	if mod != nil {
		mod(&opts)
	}
	r, err := DialSSH(testCtx(t), opts)
	if err == nil {
		t.Cleanup(func() { r.Close() })
	}
	return r, err
}

func TestSSHKnownHostKeyFile(t *testing.T) {
	t.Parallel()
	srv := sshtest.Start(t)
	r, err := dialTest(t, srv, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if r.State().Phase != Connected {
		t.Errorf("state = %v", r.State())
	}
	res, err := r.Run(testCtx(t), []string{"printf", "%s|", "a b", "$(id)", "it's"})
	if err != nil {
		t.Fatal(err)
	}
	if got := string(res.Stdout); got != "a b|$(id)|it's|" {
		t.Errorf("stdout = %q", got)
	}
	_, err = r.Run(testCtx(t), []string{"sh", "-c", "echo boom >&2; exit 4"})
	var ee *ExitError
	if !errors.As(err, &ee) || ee.Code != 4 || strings.TrimSpace(ee.Stderr) != "boom" || ee.Host != srv.Alias {
		t.Errorf("err = %#v", err)
	}
	_, err = r.Run(testCtx(t), []string{"opsdeck-missing-tool"})
	if h := Hint(err); h != "opsdeck-missing-tool is not installed on "+srv.Alias {
		t.Errorf("hint = %q (err %v)", h, err)
	}
}
