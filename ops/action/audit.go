package action

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/user"
	"path/filepath"
	"sync"

	"github.com/opsdeck/opsdeck/ops/statefile"
)

// AuditRecord is one line of the audit log: one action that changed (or
// tried to change) something.
type AuditRecord struct {
	Time   string `json:"time"` // RFC 3339, UTC, when the action started
	User   string `json:"user"` // local user who ran opsdeck
	Host   string `json:"host"` // host alias acted on
	Action string `json:"action"`
	Target string `json:"target"`
	// Argv holds each step that started, secrets redacted.
	Argv [][]string `json:"argv"`
	// Cleanup holds each cleanup step that ran.
	Cleanup    [][]string `json:"cleanup,omitempty"`
	ExitStatus int        `json:"exit_status"` // -1 when no exit status exists
	DurationMS int64      `json:"duration_ms"`
	Outcome    string     `json:"outcome"` // ok, failed, canceled
	Error      string     `json:"error,omitempty"`
}

// AuditLog appends records to a file, one JSON object per line. Each
// append opens the file with O_APPEND, writes the whole line in one
// write and fsyncs, so lines from concurrent goroutines (and processes)
// never interleave and a crash right after an action keeps its record.
type AuditLog struct {
	path string
	mu   sync.Mutex
}

// DefaultAuditPath is ${XDG_STATE_HOME:-~/.local/state}/opsdeck/audit.log.
func DefaultAuditPath() (string, error) {
	p, err := statefile.Dir("audit.log")
	if err != nil {
		return "", fmt.Errorf("audit log: %w", err)
	}
	return p, nil
}

// OpenAuditLog makes sure the log can be written before any action runs:
// it creates the log's directory (0700) and the file (0600), and tightens
// their modes if they already existed with looser ones.
func OpenAuditLog(path string) (*AuditLog, error) {
	if path == "" {
		return nil, errors.New("audit log: empty path")
	}
	if err := statefile.MkdirPrivate(filepath.Dir(path)); err != nil {
		return nil, fmt.Errorf("audit log: %w", err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("audit log: %w", err)
	}
	defer f.Close()
	if err := f.Chmod(0o600); err != nil {
		return nil, fmt.Errorf("audit log: %w", err)
	}
	return &AuditLog{path: path}, nil
}

// Path is the file the log appends to.
func (l *AuditLog) Path() string { return l.path }

// Append writes rec as one line and fsyncs it.
func (l *AuditLog) Append(rec AuditRecord) error {
	line, err := json.Marshal(rec)
	if err != nil {
		return fmt.Errorf("audit log: %w", err)
	}
	// json.Marshal escapes newlines inside strings, so this is the only
	// newline in the record.
	line = append(line, '\n')

	l.mu.Lock()
	defer l.mu.Unlock()
	if err := statefile.AppendLine(l.path, line); err != nil {
		return fmt.Errorf("audit log: %w", err)
	}
	return nil
}

// LocalUser is the name of the user running opsdeck, for the log.
func LocalUser() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	if name := os.Getenv("USER"); name != "" {
		return name
	}
	return fmt.Sprintf("uid %d", os.Getuid())
}
