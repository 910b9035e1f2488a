package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/opsdeck/opsdeck/remote/sshtest"
)

// TestScrubDeniedPrintsHint: a scrub the remote user may not run fails
// with ZFS's own "permission denied", and the CLI adds the line that says
// what to do (zfs allow, or sudo with a NOPASSWD sudoers line).
func TestScrubDeniedPrintsHint(t *testing.T) {
	srv := sshtest.Start(t)
	srv.InstallZFSReplay(t, "testdata/zfs/2.3")
	zpool := filepath.Join(srv.BinDir, "zpool")
	if err := os.Rename(zpool, zpool+".replay"); err != nil {
		t.Fatal(err)
	}
	deny := "#!/bin/sh\nif [ \"$1\" = scrub ]; then echo \"cannot scrub tank: permission denied\" >&2; exit 1; fi\nexec " + zpool + ".replay \"$@\"\n"
	if err := os.WriteFile(zpool, []byte(deny), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var out, errOut bytes.Buffer
	code := run(ctx, []string{"scrub", "start", "tank", srv.Alias, "--yes", "-F", srv.ConfigFile,
		"--config", filepath.Join(t.TempDir(), "none.toml")}, &out, &errOut)
	if code != 1 {
		t.Fatalf("exit %d, want 1\nstdout:\n%s\nstderr:\n%s", code, out.String(), errOut.String())
	}
	for _, want := range []string{"permission denied", "hint:", "zfs allow", "NOPASSWD"} {
		if !strings.Contains(errOut.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut.String())
		}
	}
}
