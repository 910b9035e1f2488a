package snapshots

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ops/action"
	"github.com/opsdeck/opsdeck/remote"
	"github.com/opsdeck/opsdeck/remote/sshtest"
)

// sshHostWithFakeZFS connects to a real sshd whose PATH starts with a
// directory holding fakeZFS, returned as bin.
func sshHostWithFakeZFS(t *testing.T) (*ops.Host, string) {
	t.Helper()
	srv := sshtest.Start(t)
	writeFile(t, filepath.Join(srv.BinDir, "zfs"), fakeZFS)
	if err := os.Chmod(filepath.Join(srv.BinDir, "zfs"), 0o755); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	r, err := remote.DialSSH(ctx, remote.SSHOptions{Alias: srv.Alias, ConfigFile: srv.ConfigFile, NoAgent: true})
	if err != nil {
		t.Fatalf("dial: %v\n%s", err, srv.Logs())
	}
	t.Cleanup(func() { r.Close() })
	return &ops.Host{Name: srv.Alias, Runner: r, Privileged: r}, srv.BinDir
}

func testExecutor(t *testing.T) *action.Executor {
	t.Helper()
	audit, err := action.OpenAuditLog(filepath.Join(t.TempDir(), "audit.log"))
	if err != nil {
		t.Fatal(err)
	}
	return &action.Executor{Audit: audit, Host: "test", User: "test"}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
