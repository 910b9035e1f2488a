package restic

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ops/action"
	"github.com/opsdeck/opsdeck/remote"
	"github.com/opsdeck/opsdeck/remote/sshtest"
)

// These tests run real restic binaries against real local repositories,
// reached through a real sshd on 127.0.0.1 whose PATH starts with a
// directory holding the restic under test.

// testPassword is what the repositories are encrypted with; no output,
// preview or audit line may ever contain it.
const testPassword = "s3cret-horse-battery"

// resticBinaries are the generations to test: Debian's (apt-get install
// restic) and 0.18.1 (.ci/restic-0.18.sh builds it).
func resticBinaries(t *testing.T) map[string]string {
	bins := map[string]string{}
	if p, err := exec.LookPath("restic"); err == nil {
		bins["apt"] = p
	} else {
		t.Log("SKIP part: restic not installed (apt-get install restic)")
	}
	p := os.Getenv("OPSDECK_RESTIC_018")
	if p == "" {
		cache := os.Getenv("XDG_CACHE_HOME")
		if cache == "" {
			home, _ := os.UserHomeDir()
			cache = filepath.Join(home, ".cache")
		}
		p = filepath.Join(cache, "opsdeck-tools", "restic-0.18.1", "restic")
	}
	if _, err := os.Stat(p); err == nil {
		bins["0.18"] = p
	} else {
		t.Logf("SKIP part: restic 0.18.1 not found at %s (run bash .ci/restic-0.18.sh or set OPSDECK_RESTIC_018)", p)
	}
	if len(bins) == 0 {
		t.Skip("no restic binary: apt-get install restic; bash .ci/restic-0.18.sh")
	}
	return bins
}

// env is one generation's test bed.
type env struct {
	bin     string
	dir     string
	repo    RepoConfig
	data    string
	odd     string // a live file whose name has quotes, $(), spaces, unicode
	host    *ops.Host
	store   *Store
	version Version
}

func newEnv(t *testing.T, bin string) *env {
	t.Helper()
	srv := sshtest.Start(t)
	if err := os.Symlink(bin, filepath.Join(srv.BinDir, "restic")); err != nil {
		t.Fatal(err)
	}
	e := &env{bin: bin, dir: t.TempDir()}
	e.data = filepath.Join(e.dir, "data dir")
	e.odd = filepath.Join(e.data, `it's "q" $(touch opsdeck-pwned) ünï [1].txt`)
	pw := filepath.Join(e.dir, "pw")
	write(t, pw, testPassword+"\n")
	write(t, e.odd, "odd file\n")
	write(t, filepath.Join(e.data, "plain.txt"), "plain\n")
	e.repo = RepoConfig{Name: "local", Repository: filepath.Join(e.dir, "repo"), PasswordFile: pw}
	e.restic(t, "init")
	www := filepath.Join(e.dir, "www")
	write(t, filepath.Join(www, "index.html"), "site\n")
	e.restic(t, "backup", "--host", "web1", www)
	// Last, so that "latest" (which restore drills use) is this one.
	e.restic(t, "backup", "--host", "zlab", e.data)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	r, err := remote.DialSSH(ctx, remote.SSHOptions{Alias: srv.Alias, ConfigFile: srv.ConfigFile, NoAgent: true})
	if err != nil {
		t.Fatalf("dial: %v\n%s", err, srv.Logs())
	}
	t.Cleanup(func() { r.Close() })
	e.host = &ops.Host{Name: srv.Alias, Runner: r, Privileged: r}
	if e.store, err = OpenStore(filepath.Join(e.dir, "state")); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "version").Output()
	if err != nil {
		t.Fatal(err)
	}
	e.version, _ = ParseVersion(string(out))
	return e
}

func write(t *testing.T, path, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// restic runs the binary locally on the test repository.
func (e *env) restic(t *testing.T, args ...string) {
	t.Helper()
	cmd := exec.Command(e.bin, append([]string{"-r", e.repo.Repository, "--password-file", e.repo.PasswordFile}, args...)...)
	cmd.Env = append(os.Environ(), "RESTIC_CACHE_DIR="+filepath.Join(e.dir, "cache"))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("restic %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// holdLock starts a backup from a pipe that never ends: a live restic
// process holding a (shared) lock until kill is called.
func (e *env) holdLock(t *testing.T) (pid int, kill func()) {
	t.Helper()
	cmd := exec.Command(e.bin, "-r", e.repo.Repository, "--password-file", e.repo.PasswordFile, "backup", "--stdin", "--stdin-filename", "held")
	cmd.Env = append(os.Environ(), "RESTIC_CACHE_DIR="+filepath.Join(e.dir, "cache"))
	w, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := false
	kill = func() {
		if !done {
			done = true
			cmd.Process.Signal(syscall.SIGKILL)
			cmd.Wait()
			w.Close()
		}
	}
	t.Cleanup(kill)
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		out, _ := exec.Command(e.bin, "-r", e.repo.Repository, "--password-file", e.repo.PasswordFile, "list", "locks", "--no-lock").Output()
		if strings.TrimSpace(string(out)) != "" {
			return cmd.Process.Pid, kill
		}
	}
	t.Fatal("lock holder took no lock")
	return 0, nil
}

func (e *env) read(t *testing.T) RepoStatus {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	return ReadRepoWith(ctx, e.host, e.repo, time.Now(), 0, e.store)
}

func executor(t *testing.T, host string) (*action.Executor, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "audit.log")
	audit, err := action.OpenAuditLog(path)
	if err != nil {
		t.Fatal(err)
	}
	return &action.Executor{Audit: audit, Host: host, User: "test", CleanupTimeout: 20 * time.Second}, path
}

// run runs a through an executor and checks that neither the output,
// the previews nor the audit log contain the password.
func run(t *testing.T, e *env, a action.Action) action.Result {
	t.Helper()
	ex, auditPath := executor(t, e.host.Name)
	var lines []string
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	res := ex.Run(ctx, a, func(l string) { lines = append(lines, l) })
	audit, _ := os.ReadFile(auditPath)
	var cmds []string
	for _, c := range a.Commands() {
		cmds = append(cmds, c.Line)
	}
	for what, text := range map[string]string{"output": strings.Join(lines, "\n"), "audit": string(audit), "commands": strings.Join(cmds, "\n"), "error": errText(res.Err)} {
		if strings.Contains(text, testPassword) {
			t.Errorf("%s contains the password:\n%s", what, text)
		}
	}
	if len(audit) == 0 {
		t.Error("no audit line")
	}
	return res
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
