// Package app wires the console together: configuration, the connection
// to the host, the probe, and which front end runs (the interactive
// console, the demo, `status --json`, or a one-shot action).
package app

import (
	"time"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ops/config"
	"github.com/opsdeck/opsdeck/remote/demo"
)

// Options are the command line's choices; zero values defer to the
// configuration file and then to built-in defaults.
type Options struct {
	// Alias is the host as typed: an ssh_config alias ("" = pick one).
	Alias string
	// SSHConfig replaces ~/.ssh/config (ssh -F).
	SSHConfig string
	// ConfigPath replaces the XDG config file.
	ConfigPath string
	// Local runs on this machine instead of over SSH.
	Local    bool
	ReadOnly bool
	Refresh  time.Duration
	Theme    string
	// Output forces JSON or text ZFS parsing ("" = the config's).
	Output ops.OutputMode
	// JSON, Yes and Confirm belong to the status and scrub subcommands.
	JSON    bool
	Yes     bool
	Confirm string

	// demo marks the built-in simulated server.
	demo bool
}

// loadConfig reads the configuration file, or the built-in defaults when
// there is none.
func loadConfig(o Options) (*config.Config, error) {
	path := o.ConfigPath
	if path == "" {
		p, err := config.DefaultPath()
		if err != nil {
			return config.Default(), nil
		}
		path = p
	}
	return config.Load(path)
}

// hostConfig is the host's merged settings with the command line on top.
func hostConfig(cfg *config.Config, o Options) config.HostConfig {
	hc := cfg.ForHost(o.Alias)
	if o.ReadOnly {
		hc.ReadOnly = true
	}
	if o.Refresh > 0 {
		hc.Refresh = o.Refresh
	}
	if o.Output != "" {
		hc.Output = string(o.Output)
	}
	if o.demo && len(hc.Network.Peers) == 0 {
		// The simulated host has a WireGuard peer; without it configured
		// the demo could show no RTT and so no buffer sizing at all.
		hc.Network = demo.DemoNetworkConfig()
	}
	if o.demo && len(hc.Backup.Restic) == 0 {
		hc.Backup.Restic = demo.DemoResticRepos()
	}
	return hc
}
