// Package statefile is where opsdeck keeps what it learns between runs
// (audit log, iperf3 history, restic check and drill records) and how it
// writes them: appends that are one write and fsynced, replacements that
// are atomic. One place, so every record survives a crash the same way.
package statefile

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// Dir is ${XDG_STATE_HOME:-~/.local/state}/opsdeck joined with parts.
func Dir(parts ...string) (string, error) {
	dir := os.Getenv("XDG_STATE_HOME")
	if !filepath.IsAbs(dir) {
		// The XDG spec says relative paths are invalid and to be ignored.
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("no XDG_STATE_HOME and no home directory: %w", err)
		}
		dir = filepath.Join(home, ".local", "state")
	}
	return filepath.Join(append([]string{dir, "opsdeck"}, parts...)...), nil
}

// MkdirPrivate creates dir with mode 0700, tightening it if it exists
// with looser permissions: the records name hosts, users and commands.
func MkdirPrivate(dir string) error {
	if dir == "" {
		return errors.New("empty directory")
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	return os.Chmod(dir, 0o700)
}

// AppendLine appends line (which must end in a newline and contain no
// other) to path in one write and fsyncs it, so concurrent writers never
// interleave and a crash right after keeps the line. The file is created
// 0600. Opening per line keeps working after logrotate moves the file.
func AppendLine(path string, line []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.Write(line); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// WriteAtomic replaces path with data: a temporary file in the same
// directory, fsynced, then renamed over path, so readers see the old or
// the new content and never half of one.
func WriteAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	_, werr := tmp.Write(data)
	if werr == nil {
		werr = tmp.Sync()
	}
	if cerr := tmp.Close(); werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Rename(tmp.Name(), path)
	}
	return werr
}
