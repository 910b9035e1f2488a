package restic

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/opsdeck/opsdeck/ops/statefile"
)

// CheckRecord is one check opsdeck ran.
type CheckRecord struct {
	Time   time.Time   `json:"time"`
	Subset string      `json:"subset,omitempty"`
	Result CheckResult `json:"result"`
	// Error is why the check did not run to its end ("" when it did).
	Error string `json:"error,omitempty"`
}

// OK reports whether the check ran and found no errors.
func (c CheckRecord) OK() bool { return c.Error == "" && c.Result.OK }

// DrillRecord is one restore drill opsdeck ran.
type DrillRecord struct {
	Time time.Time `json:"time"`
	File string    `json:"file"`
	// Outcome is what the comparison found (OutcomeMatch, …); "" when
	// the drill failed before comparing.
	Outcome Outcome `json:"outcome,omitempty"`
	OK      bool    `json:"ok"`
	Detail  string  `json:"detail"`
}

// State is what opsdeck remembers of one host's repository: restic keeps
// no history of checks or restores.
type State struct {
	LastCheck *CheckRecord `json:"last_check,omitempty"`
	LastDrill *DrillRecord `json:"last_drill,omitempty"`
	// LastGoodDrill is the last successful drill, for "age of the last
	// successful drill".
	LastGoodDrill *DrillRecord `json:"last_good_drill,omitempty"`
}

// Store keeps State in DIR/<host>-<name>.json.
type Store struct {
	dir string
	mu  sync.Mutex // serialises this process's read-modify-write
}

// DefaultStateDir is ${XDG_STATE_HOME:-~/.local/state}/opsdeck/restic.
func DefaultStateDir() (string, error) {
	dir, err := statefile.Dir("restic")
	if err != nil {
		return "", fmt.Errorf("restic state: %w", err)
	}
	return dir, nil
}

// OpenStore creates dir (0700) and returns a Store on it.
func OpenStore(dir string) (*Store, error) {
	if err := statefile.MkdirPrivate(dir); err != nil {
		return nil, fmt.Errorf("restic state: %w", err)
	}
	return &Store{dir: dir}, nil
}

// OpenDefaultStore opens the store in DefaultStateDir.
func OpenDefaultStore() (*Store, error) {
	dir, err := DefaultStateDir()
	if err != nil {
		return nil, err
	}
	return OpenStore(dir)
}

// Dir is the store's directory.
func (s *Store) Dir() string { return s.dir }

// safe keeps letters, digits, '.', '_' and '-' and encodes the rest as
// %XX (a leading '.' too), so no name can leave the directory.
func safe(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || (c == '.' && i > 0) {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

func (s *Store) path(host string, repo RepoConfig) string {
	name := repo.Name
	if name == "" {
		name = repo.Repository
	}
	return filepath.Join(s.dir, safe(orWord(host, "localhost"))+"-"+safe(name)+".json")
}

// Load returns what is remembered of repo on host (zero State if nothing).
func (s *Store) Load(host string, repo RepoConfig) (State, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.load(host, repo)
}

func (s *Store) load(host string, repo RepoConfig) (State, error) {
	data, err := os.ReadFile(s.path(host, repo))
	if errors.Is(err, os.ErrNotExist) {
		return State{}, nil
	}
	if err != nil {
		return State{}, fmt.Errorf("restic state: %w", err)
	}
	var st State
	if err := json.Unmarshal(data, &st); err != nil {
		return State{}, fmt.Errorf("restic state %s: %w", s.path(host, repo), err)
	}
	return st, nil
}

// update applies f to the stored state and writes it atomically
// (temporary file, fsync, rename). A corrupt file is replaced.
func (s *Store) update(host string, repo RepoConfig, f func(*State)) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	st, _ := s.load(host, repo)
	f(&st)
	data, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return fmt.Errorf("restic state: %w", err)
	}
	if err := statefile.WriteAtomic(s.path(host, repo), append(data, '\n')); err != nil {
		return fmt.Errorf("restic state: %w", err)
	}
	return nil
}

// SaveCheck records a check opsdeck ran.
func (s *Store) SaveCheck(host string, repo RepoConfig, rec CheckRecord) error {
	return s.update(host, repo, func(st *State) { st.LastCheck = &rec })
}

// SaveDrill records a restore drill opsdeck ran.
func (s *Store) SaveDrill(host string, repo RepoConfig, rec DrillRecord) error {
	return s.update(host, repo, func(st *State) {
		st.LastDrill = &rec
		if rec.OK {
			st.LastGoodDrill = &rec
		}
	})
}
