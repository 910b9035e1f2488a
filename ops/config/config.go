// Package config reads opsdeck's configuration: an XDG TOML file with
// global [defaults] and per-host [hosts."ALIAS"] sections that override
// them. Everything is validated at start; unknown keys are errors, and
// every error names the file, line and key.
//
// A later pane that needs a per-host setting adds a field to layer and
// HostConfig, a line to resolve and a rule to validate, and documents it
// in docs/opsdeck.example.toml; nothing else changes.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"time"
)

// Output modes (the values ops.OutputMode takes).
const (
	OutputAuto = "auto"
	OutputJSON = "json"
	OutputText = "text"
)

// Themes the file accepts (the names themes.ByName knows).
var themeNames = []string{"auto", "dark", "light", "high-contrast"}

// KnownServices are the names a services block may use. Later panes add
// theirs here; a misspelt name is an error rather than a silently unused
// address.
var knownServices = []string{"alertmanager", "node_exporter", "prometheus"}

// HostConfig is what one host runs with: the defaults with that host's
// section applied.
type HostConfig struct {
	// Alias is the host's name as the operator typed it ("" for defaults).
	Alias string
	// Refresh is how often panes re-read the host.
	Refresh time.Duration
	// ReadOnly shows actions without running them (as --read-only).
	ReadOnly bool
	// Sudo runs privileged commands through `sudo -n`.
	Sudo bool
	// Output is OutputAuto, OutputJSON or OutputText.
	Output string
	// ScrubWarnDays is the age past which the last scrub is a warning.
	ScrubWarnDays int
	// CapacityWarnPercent and CapacityCritPercent colour pool capacity.
	CapacityWarnPercent int
	CapacityCritPercent int
	// Services maps a service name (see the example file) to the URL it
	// answers on, as seen from the host.
	Services map[string]string
	// ServicesAuth maps a service name to its credentials; services
	// without an entry are reached without any (nil when none has one).
	ServicesAuth map[string]ServiceAuth
	// Network is the Network pane's [network] block.
	Network NetworkConfig
	// Backup is the Backup pane's [backup] block.
	Backup BackupConfig
}

// Config is the whole validated file.
type Config struct {
	// Path is the file that was read, or would have been when Found is false.
	Path  string
	Found bool
	// Theme is the colour theme; it is global because styles are built
	// once, before any host is chosen.
	Theme string
	// Defaults are the built-in defaults with [defaults] applied.
	Defaults HostConfig
	hosts    map[string]layer
}

// builtin are the settings with no file at all.
func builtin() HostConfig {
	return HostConfig{
		Refresh:             5 * time.Second,
		Output:              OutputAuto,
		ScrubWarnDays:       35,
		CapacityWarnPercent: 80,
		CapacityCritPercent: 90,
		Services:            map[string]string{},
		Network:             NetworkConfig{IPerf3Port: DefaultIPerf3Port},
		Backup:              defaultBackup(),
	}
}

// Default is the configuration used when there is no file.
func Default() *Config {
	return &Config{Theme: "auto", Defaults: builtin(), hosts: map[string]layer{}}
}

// DefaultPath is ${XDG_CONFIG_HOME:-~/.config}/opsdeck/config.toml.
func DefaultPath() (string, error) {
	dir := os.Getenv("XDG_CONFIG_HOME")
	if !filepath.IsAbs(dir) {
		// The XDG spec says relative paths are invalid and to be ignored.
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("config: no XDG_CONFIG_HOME and no home directory: %w", err)
		}
		dir = filepath.Join(home, ".config")
	}
	return filepath.Join(dir, "opsdeck", "config.toml"), nil
}

// Load reads and validates path. A missing file is not an error: it
// gives Default(). Validation problems come back as Errors (or a single
// *Error for a syntax error), each naming file, line and key.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		c := Default()
		c.Path = path
		return c, nil
	}
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	c, err := parse(path, data)
	if err != nil {
		return nil, err
	}
	c.Found = true
	return c, nil
}

// ForHost returns alias's settings: the defaults with its section
// applied, or the defaults alone when it has none.
func (c *Config) ForHost(alias string) HostConfig {
	h := resolve(c.Defaults, c.hosts[alias])
	h.Alias = alias
	return h
}

// Hosts lists the aliases that have a section, sorted, for the host picker.
func (c *Config) Hosts() []string {
	return slices.Sorted(maps.Keys(c.hosts))
}

// resolve applies the keys set in l on top of base.
func resolve(base HostConfig, l layer) HostConfig {
	h := base
	h.Services = maps.Clone(base.Services)
	if h.Services == nil {
		h.Services = map[string]string{}
	}
	set(&h.Refresh, l.Refresh)
	set(&h.ReadOnly, l.ReadOnly)
	set(&h.Sudo, l.Sudo)
	set(&h.Output, l.Output)
	set(&h.ScrubWarnDays, l.ScrubWarnDays)
	set(&h.CapacityWarnPercent, l.CapacityWarnPercent)
	set(&h.CapacityCritPercent, l.CapacityCritPercent)
	for name, url := range l.Services {
		h.Services[name] = url.V
	}
	h.Network = resolveNetwork(base.Network, l.Network)
	h.Backup = resolveBackup(base.Backup, l.Backup)
	h.ServicesAuth = resolveServicesAuth(base.ServicesAuth, l.ServicesAuth)
	return h
}

func set[T bool | int | float64 | string | time.Duration](dst *T, s Setting[T]) {
	if s.Set {
		*dst = s.V
	}
}
