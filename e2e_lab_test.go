//go:build e2e

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ops/action"
	"github.com/opsdeck/opsdeck/remote"
)

// The end-to-end suite runs the built bin/opsdeck against the lab VM
// (testdata/lab, `make e2e`). The tests share one guest and change its pool,
// so none of them runs in parallel and each undoes what it changed.

// labAlias is the root alias in the lab's generated ssh_config; labOperator
// logs in as the non-root operator account.
const (
	labAlias    = "opsdeck-lab"
	labOperator = "opsdeck-lab-operator"
	labPool     = "tank"
)

// labSSHConfig is the ssh_config lab.sh wrote: OPSDECK_LAB_SSH_CONFIG, else
// the one in the lab's cache dir.
func labSSHConfig() string {
	if p := os.Getenv("OPSDECK_LAB_SSH_CONFIG"); p != "" {
		return p
	}
	dir := os.Getenv("OPSDECK_LAB_DIR")
	if dir == "" {
		cache, err := os.UserCacheDir()
		if err != nil {
			return ""
		}
		dir = filepath.Join(cache, "opsdeck-lab")
	}
	return filepath.Join(dir, "ssh", "config")
}

// opsdeckBin is the binary under test: OPSDECK_BIN, else bin/opsdeck.
func opsdeckBin() string {
	if p := os.Getenv("OPSDECK_BIN"); p != "" {
		return p
	}
	p, _ := filepath.Abs(filepath.Join("bin", "opsdeck"))
	return p
}

// TestMain refuses to run without a lab and a binary, with the command that
// provides them, instead of letting every case fail on its own.
func TestMain(m *testing.M) {
	for _, p := range []string{labSSHConfig(), opsdeckBin()} {
		if _, err := os.Stat(p); err != nil {
			fmt.Fprintf(os.Stderr, "e2e: %v\ne2e: run `make e2e` (or `make build lab`) first\n", err)
			os.Exit(2)
		}
	}
	// The console's config and audit log go to a scratch XDG home, so runs
	// neither read the developer's config nor write to their audit log.
	scratch, err := os.MkdirTemp("", "opsdeck-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		os.Exit(2)
	}
	os.Setenv("XDG_CONFIG_HOME", filepath.Join(scratch, "config"))
	os.Setenv("XDG_STATE_HOME", filepath.Join(scratch, "state"))
	code := m.Run()
	os.RemoveAll(scratch)
	os.Exit(code)
}

// cmdResult is what one process printed and how it ended.
type cmdResult struct {
	Stdout, Stderr string
	Code           int
}

// execCmd runs argv with a deadline; a process that cannot start or overruns
// fails the test, a non-zero exit is reported in Code.
func execCmd(t *testing.T, timeout time.Duration, stdin string, argv ...string) cmdResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	cmd.Stdin = strings.NewReader(stdin)
	cmd.WaitDelay = 5 * time.Second
	err := cmd.Run()
	res := cmdResult{Stdout: out.String(), Stderr: errb.String()}
	var exit *exec.ExitError
	switch {
	case ctx.Err() != nil:
		t.Fatalf("%q did not finish within %v\nstdout: %s\nstderr: %s", argv, timeout, res.Stdout, res.Stderr)
	case errors.As(err, &exit):
		res.Code = exit.ExitCode()
	case err != nil:
		t.Fatalf("%q: %v", argv, err)
	}
	return res
}

// sshArgv is the system OpenSSH client with the lab's config: strict host
// key checking against the generated known_hosts, never a prompt.
func sshArgv(alias string, extra ...string) []string {
	argv := []string{"ssh", "-F", labSSHConfig(), "-o", "BatchMode=yes"}
	argv = append(argv, extra...)
	return append(argv, alias)
}

// guestAs runs a shell command in the guest as alias's user and returns
// what happened, without judging it.
func guestAs(t *testing.T, alias, cmd string) cmdResult {
	t.Helper()
	return execCmd(t, 5*time.Minute, "", append(sshArgv(alias), cmd)...)
}

// guest runs a shell command in the guest as root and returns its stdout;
// a failure fails the test with the command's stderr.
func guest(t *testing.T, cmd string) string {
	t.Helper()
	r := guestAs(t, labAlias, cmd)
	if r.Code != 0 {
		t.Fatalf("guest %q: exit %d\nstdout: %s\nstderr: %s", cmd, r.Code, r.Stdout, r.Stderr)
	}
	return r.Stdout
}

// shq quotes s for the guest's POSIX shell.
func shq(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

// opsdeck runs the binary under test with the lab's ssh_config.
func opsdeck(t *testing.T, args ...string) cmdResult {
	t.Helper()
	argv := append([]string{opsdeckBin()}, args...)
	argv = append(argv, "-F", labSSHConfig())
	return execCmd(t, 3*time.Minute, "", argv...)
}

// statusOf runs `opsdeck status HOST --json` plus extra flags and decodes it.
func statusOf(t *testing.T, host string, extra ...string) ops.HostStatus {
	t.Helper()
	r := opsdeck(t, append([]string{"status", host, "--json"}, extra...)...)
	if r.Code != 0 {
		t.Fatalf("opsdeck status %s: exit %d\nstderr: %s", host, r.Code, r.Stderr)
	}
	return decodeStatus(t, r.Stdout)
}

func decodeStatus(t *testing.T, out string) ops.HostStatus {
	t.Helper()
	var st ops.HostStatus
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&st); err != nil {
		t.Fatalf("status --json is not ops.HostStatus: %v\n%s", err, out)
	}
	return st
}

// poolOf finds a pool in a status, failing the test when it is missing.
func poolOf(t *testing.T, st ops.HostStatus, name string) ops.Pool {
	t.Helper()
	for _, p := range st.Pools {
		if p.Name == name {
			return p
		}
	}
	t.Fatalf("pool %s missing from status (errors: %v)", name, st.Errors)
	return ops.Pool{}
}

// waitFor polls cond every half second until it reports true or the
// deadline passes; the failure names what was awaited and the last detail.
func waitFor(t *testing.T, what string, timeout time.Duration, cond func() (bool, string)) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		ok, detail := cond()
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s; last: %s", timeout, what, detail)
		}
		time.Sleep(500 * time.Millisecond)
	}
}

// labHost dials the lab's root alias with the remote package, as the
// console does, and probes it; the connection is closed when t ends.
func labHost(t *testing.T) *ops.Host {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	r, err := remote.DialSSH(ctx, remote.SSHOptions{Alias: labAlias, ConfigFile: labSSHConfig(), NoAgent: true})
	if err != nil {
		t.Fatalf("connect to %s: %v", labAlias, err)
	}
	t.Cleanup(func() { r.Close() })
	h := &ops.Host{Name: labAlias, Runner: r, Privileged: r}
	if h.Platform, err = ops.Probe(ctx, h); err != nil {
		t.Fatalf("probe %s: %v", labAlias, err)
	}
	return h
}

// labExecutor runs actions on the lab with an audit log in t's temp dir.
func labExecutor(t *testing.T) *action.Executor {
	t.Helper()
	log, err := action.OpenAuditLog(filepath.Join(t.TempDir(), "audit.log"))
	if err != nil {
		t.Fatal(err)
	}
	return &action.Executor{Audit: log, User: "e2e", Host: labAlias}
}
