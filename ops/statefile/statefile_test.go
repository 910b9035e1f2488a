package statefile

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

func TestDirHonoursXDGStateHome(t *testing.T) {
	base := t.TempDir()
	t.Setenv("XDG_STATE_HOME", base)
	got, err := Dir("iperf3")
	if err != nil || got != filepath.Join(base, "opsdeck", "iperf3") {
		t.Fatalf("Dir = %q, %v", got, err)
	}
	// A relative XDG_STATE_HOME is invalid per the spec: fall back to ~.
	t.Setenv("XDG_STATE_HOME", "relative/state")
	t.Setenv("HOME", base)
	if got, _ := Dir(); got != filepath.Join(base, ".local", "state", "opsdeck") {
		t.Fatalf("relative XDG_STATE_HOME not ignored: %q", got)
	}
}

func TestMkdirPrivateTightens(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "state")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := MkdirPrivate(dir); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(dir); fi.Mode().Perm() != 0o700 {
		t.Fatalf("mode %v, want 0700", fi.Mode().Perm())
	}
}

func TestAppendLineConcurrentWritersNeverInterleave(t *testing.T) {
	path := filepath.Join(t.TempDir(), "log")
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			line := strings.Repeat("x", 4000) + "\n"
			if err := AppendLine(path, []byte(line)); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	data, _ := os.ReadFile(path)
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if len(lines) != 20 {
		t.Fatalf("%d lines, want 20", len(lines))
	}
	for _, l := range lines {
		if len(l) != 4000 {
			t.Fatalf("a line of %d bytes: writes interleaved", len(l))
		}
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v, want 0600", fi.Mode().Perm())
	}
}

func TestWriteAtomicReplacesAndLeavesNoTemp(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	for _, content := range []string{"one\n", "two\n"} {
		if err := WriteAtomic(path, []byte(content)); err != nil {
			t.Fatal(err)
		}
		if got, _ := os.ReadFile(path); string(got) != content {
			t.Fatalf("content %q, want %q", got, content)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("left %d files behind, want only the state file", len(entries))
	}
}
