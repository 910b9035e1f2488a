package remote

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/kevinburke/ssh_config"
)

// resolveFallback evaluates ssh_config with github.com/kevinburke/ssh_config
// when no OpenSSH client can do it. That parser evaluates Host blocks and
// Include, but only `Match host` and `Match all`: any other Match form
// (exec, user, localuser, canonical, ...) makes the file unreadable, and
// the error says so instead of silently ignoring the block.
func (r *Resolver) resolveFallback(alias string, env tokenEnv) (*HostConfig, error) {
	files := []string{r.ConfigFile}
	if r.ConfigFile == "" {
		files = []string{filepath.Join(env.home, ".ssh", "config"), "/etc/ssh/ssh_config"}
	}
	var cfgs []*ssh_config.Config
	for i, f := range files {
		cfg, err := decodeConfigFile(f)
		if errors.Is(err, os.ErrNotExist) && (r.ConfigFile == "" || i > 0) {
			continue
		}
		if err != nil {
			return nil, err
		}
		cfgs = append(cfgs, cfg)
	}
	first := func(key string) string {
		for _, c := range cfgs {
			if v, err := c.Get(alias, key); err == nil && v != "" {
				return v
			}
		}
		return ""
	}
	all := func(key string) []string {
		var out []string
		for _, c := range cfgs {
			if v, err := c.GetAll(alias, key); err == nil {
				out = append(out, v...)
			}
		}
		return out
	}

	h := &HostConfig{Alias: alias, Source: "ssh_config parser", ServerAliveCountMax: 3, StrictHostKeyChecking: "ask"}
	for _, key := range []string{"User", "Port", "IdentitiesOnly", "ProxyJump", "ProxyCommand",
		"UserKnownHostsFile", "GlobalKnownHostsFile", "StrictHostKeyChecking", "ConnectTimeout",
		"ServerAliveInterval", "ServerAliveCountMax"} {
		if v := first(key); v != "" {
			if err := h.set(key, v, env); err != nil {
				return nil, err
			}
		}
	}
	// HostName may use %h for the alias itself ("HostName %h.example.com").
	hn, err := tokenEnv{home: env.home, localUser: env.localUser, host: alias, alias: alias}.expand(first("HostName"))
	if err != nil {
		return nil, err
	}
	h.HostName = hn
	h.IdentityFiles = all("IdentityFile")
	h.CertificateFiles = all("CertificateFile")
	if len(h.IdentityFiles) == 0 {
		h.IdentityFiles = []string{"~/.ssh/id_ed25519", "~/.ssh/id_ecdsa", "~/.ssh/id_rsa"}
	}
	if len(h.UserKnownHostsFiles) == 0 {
		h.UserKnownHostsFiles = []string{"~/.ssh/known_hosts", "~/.ssh/known_hosts2"}
	}
	if len(h.GlobalKnownHostsFiles) == 0 {
		h.GlobalKnownHostsFiles = []string{"/etc/ssh/ssh_known_hosts", "/etc/ssh/ssh_known_hosts2"}
	}
	return h.finish(env)
}

// decodeConfigFile parses one file, turning the parser's Match rejection
// into an error that tells the operator what to do about it.
func decodeConfigFile(file string) (cfg *ssh_config.Config, err error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// The parser is third-party code fed an operator's file; a panic in it
	// must become an error, not a crash of the console.
	defer func() {
		if p := recover(); p != nil {
			cfg, err = nil, fmt.Errorf("%s: ssh_config parser failed: %v", file, p)
		}
	}()
	cfg, err = ssh_config.Decode(f)
	if err != nil {
		if strings.Contains(err.Error(), "Match") {
			return nil, fmt.Errorf("%s: the built-in ssh_config parser (used because no OpenSSH client is installed) cannot evaluate this Match form: %v; install openssh-client so `ssh -G` resolves it", file, err)
		}
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return cfg, nil
}
