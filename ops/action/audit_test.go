package action

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

func TestOpenAuditLogModes(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "opsdeck")
	path := filepath.Join(dir, "audit.log")
	// Pre-existing and too open: OpenAuditLog tightens both.
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("{}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenAuditLog(path); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]os.FileMode{dir: 0o700, path: 0o600} {
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if got := st.Mode().Perm(); got != want {
			t.Errorf("%s: mode %o, want %o", p, got, want)
		}
	}
	if data, _ := os.ReadFile(path); string(data) != "{}\n" {
		t.Errorf("existing content changed: %q", data)
	}
}

func TestOpenAuditLogFresh(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a", "b", "opsdeck", "audit.log")
	l, err := OpenAuditLog(path)
	if err != nil {
		t.Fatal(err)
	}
	if l.Path() != path {
		t.Errorf("path %q", l.Path())
	}
	st, err := os.Stat(path)
	if err != nil || st.Mode().Perm() != 0o600 || st.Size() != 0 {
		t.Errorf("stat %v %v", st, err)
	}
	if _, err := OpenAuditLog(""); err == nil {
		t.Error("empty path accepted")
	}
}

// Concurrent appends must produce whole lines only: each record is big
// enough (tens of KiB) that a non-atomic write would be split.
func TestAuditAppendConcurrent(t *testing.T) {
	path := filepath.Join(t.TempDir(), "opsdeck", "audit.log")
	// Two AuditLogs on one file stand in for two opsdeck processes: their
	// mutexes are separate, so only O_APPEND and whole-line writes keep
	// the lines apart.
	var logs [2]*AuditLog
	for i := range logs {
		l, err := OpenAuditLog(path)
		if err != nil {
			t.Fatal(err)
		}
		logs[i] = l
	}
	const writers, each = 8, 25
	var wg sync.WaitGroup
	errs := make(chan error, writers*each)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			filler := strings.Repeat(string(rune('a'+w)), 20000)
			for i := range each {
				errs <- logs[w%2].Append(AuditRecord{Action: fmt.Sprintf("w%d.%d", w, i), Target: filler, Argv: [][]string{{"echo", "line\nbreak"}}})
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if len(lines) != writers*each {
		t.Fatalf("%d lines, want %d", len(lines), writers*each)
	}
	seen := map[string]bool{}
	for _, line := range lines {
		var rec AuditRecord
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("torn line (%d bytes): %v", len(line), err)
		}
		if strings.Trim(rec.Target, rec.Target[:1]) != "" || rec.Argv[0][1] != "line\nbreak" {
			t.Fatalf("mixed record %s", rec.Action)
		}
		seen[rec.Action] = true
	}
	if len(seen) != writers*each {
		t.Errorf("%d distinct records, want %d", len(seen), writers*each)
	}
}

func TestDefaultAuditPath(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", "/xdg/state")
	if p, err := DefaultAuditPath(); err != nil || p != "/xdg/state/opsdeck/audit.log" {
		t.Errorf("with XDG_STATE_HOME: %q %v", p, err)
	}
	for _, v := range []string{"", "relative/dir"} {
		t.Setenv("XDG_STATE_HOME", v)
		t.Setenv("HOME", "/home/alice")
		if p, err := DefaultAuditPath(); err != nil || p != "/home/alice/.local/state/opsdeck/audit.log" {
			t.Errorf("XDG_STATE_HOME=%q: %q %v", v, p, err)
		}
	}
}

func TestLocalUser(t *testing.T) {
	if LocalUser() == "" {
		t.Error("empty local user")
	}
}
