package remote

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// HostConfig is one host's effective ssh_config settings, after Host and
// Match blocks, Include and defaults were applied, with ~ and %-tokens
// expanded in file names.
type HostConfig struct {
	Alias                 string // what the operator typed
	HostName              string
	User                  string
	Port                  int
	IdentityFiles         []string
	IdentitiesOnly        bool
	CertificateFiles      []string
	ProxyJump             string // comma-separated chain, "" for none
	ProxyCommand          string // shell command, "" for none
	UserKnownHostsFiles   []string
	GlobalKnownHostsFiles []string
	StrictHostKeyChecking string        // "yes", "no", "ask" or "accept-new"
	ConnectTimeout        time.Duration // 0: the OS default
	ServerAliveInterval   time.Duration // 0: not set in the config
	ServerAliveCountMax   int
	// Source says how the settings were resolved: "ssh -G" or
	// "ssh_config parser", for diagnostics.
	Source string
}

// Address is HostName:Port, what the TCP connection and the known_hosts
// lookup use.
func (h *HostConfig) Address() string {
	return joinHostPort(h.HostName, h.Port)
}

// Resolver turns a host alias into its HostConfig.
type Resolver struct {
	// ConfigFile is the ssh_config to read; "" means ~/.ssh/config plus
	// /etc/ssh/ssh_config, as ssh does without -F.
	ConfigFile string
	// NoOpenSSH forces the built-in parser even when an ssh client is
	// installed (tests, and systems whose ssh is not OpenSSH).
	NoOpenSSH bool
	// SSHBinary is the client used for `ssh -G`; "" finds "ssh" on PATH.
	SSHBinary string
	// Home is the home directory for ~ and %d; "" is the current user's.
	Home string
}

// Resolve returns the effective settings for alias. With an OpenSSH client
// available it asks `ssh -G`, which evaluates Match, Include and
// canonicalisation exactly as a login would; otherwise it falls back to
// github.com/kevinburke/ssh_config.
func (r *Resolver) Resolve(ctx context.Context, alias string) (*HostConfig, error) {
	// user@host: the user overrides ssh_config's, as on ssh's command line.
	if at := strings.LastIndexByte(alias, '@'); at >= 0 {
		user, host := alias[:at], alias[at+1:]
		if err := checkAlias(user); err != nil {
			return nil, fmt.Errorf("user in %q: %w", alias, err)
		}
		h, err := r.Resolve(ctx, host)
		if err != nil {
			return nil, err
		}
		h.User = user
		return h, nil
	}
	if err := checkAlias(alias); err != nil {
		return nil, err
	}
	env, err := r.env()
	if err != nil {
		return nil, err
	}
	if !r.NoOpenSSH {
		bin := r.SSHBinary
		if bin == "" {
			bin, _ = exec.LookPath("ssh")
		}
		if bin != "" {
			return r.resolveOpenSSH(ctx, bin, alias, env)
		}
	}
	return r.resolveFallback(alias, env)
}

// checkAlias refuses what ssh would read as an option or what cannot be
// a host name, since the alias ends up on ssh's command line.
func checkAlias(alias string) error {
	if alias == "" {
		return errors.New("empty host name")
	}
	if strings.HasPrefix(alias, "-") {
		return fmt.Errorf("invalid host name %q: starts with '-'", alias)
	}
	for _, c := range alias {
		if c <= ' ' || c == 0x7f || strings.ContainsRune(`'"\`+"`$;&|<>()", c) {
			return fmt.Errorf("invalid host name %q", alias)
		}
	}
	return nil
}

func (r *Resolver) resolveOpenSSH(ctx context.Context, bin, alias string, env tokenEnv) (*HostConfig, error) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	args := []string{"-G"}
	if r.ConfigFile != "" {
		args = append(args, "-F", r.ConfigFile)
	}
	args = append(args, "--", alias)
	cmd := exec.CommandContext(ctx, bin, args...)
	// ssh -G must not read from the terminal the console is drawing on.
	cmd.Stdin = nil
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("ssh -G %s: %v: %s", alias, err, strings.TrimSpace(stderr.String()))
	}
	return parseSSHG(out, alias, env)
}

// parseSSHG reads `ssh -G` output: one "key value" per line, keys in
// lower case, repeated keys (identityfile) on separate lines.
func parseSSHG(out []byte, alias string, env tokenEnv) (*HostConfig, error) {
	h := &HostConfig{Alias: alias, Source: "ssh -G", ServerAliveCountMax: 3, StrictHostKeyChecking: "ask"}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		key, val, _ := strings.Cut(strings.TrimSpace(sc.Text()), " ")
		val = strings.TrimSpace(val)
		if err := h.set(key, val, env); err != nil {
			return nil, err
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return h.finish(env)
}

// set applies one setting. ssh -G prints some values in an internal form
// (true/false for yes/no, "none" for unset).
func (h *HostConfig) set(key, val string, env tokenEnv) error {
	var err error
	switch strings.ToLower(key) {
	case "hostname":
		h.HostName = val
	case "user":
		h.User = val
	case "port":
		h.Port, err = strconv.Atoi(val)
		if err == nil && (h.Port < 1 || h.Port > 65535) {
			err = errors.New("out of range")
		}
	case "identityfile":
		h.IdentityFiles = append(h.IdentityFiles, val)
	case "identitiesonly":
		h.IdentitiesOnly = isYes(val)
	case "certificatefile":
		h.CertificateFiles = append(h.CertificateFiles, val)
	case "proxyjump":
		h.ProxyJump = noneEmpty(val)
	case "proxycommand":
		h.ProxyCommand = noneEmpty(val)
	case "userknownhostsfile":
		h.UserKnownHostsFiles = append(h.UserKnownHostsFiles, strings.Fields(val)...)
	case "globalknownhostsfile":
		h.GlobalKnownHostsFiles = append(h.GlobalKnownHostsFiles, strings.Fields(val)...)
	case "stricthostkeychecking":
		h.StrictHostKeyChecking = normStrict(val)
	case "connecttimeout":
		h.ConnectTimeout, err = seconds(val)
	case "serveraliveinterval":
		h.ServerAliveInterval, err = seconds(val)
	case "serveralivecountmax":
		h.ServerAliveCountMax, err = strconv.Atoi(val)
	}
	if err != nil {
		return fmt.Errorf("ssh_config %s %q for %s: %v", key, val, h.Alias, err)
	}
	return nil
}

// finish fills defaults and expands ~ and %-tokens the way ssh does when
// it uses a setting (ssh -G prints identity files unexpanded).
func (h *HostConfig) finish(env tokenEnv) (*HostConfig, error) {
	if h.HostName == "" {
		h.HostName = h.Alias
	}
	if h.Port == 0 {
		h.Port = 22
	}
	if h.User == "" {
		h.User = env.localUser
	}
	env.alias, env.host, env.port, env.user = h.Alias, h.HostName, strconv.Itoa(h.Port), h.User
	var err error
	for _, list := range []*[]string{&h.IdentityFiles, &h.CertificateFiles, &h.UserKnownHostsFiles, &h.GlobalKnownHostsFiles} {
		for i, f := range *list {
			if (*list)[i], err = env.expandPath(f); err != nil {
				return nil, err
			}
		}
	}
	if h.ProxyCommand != "" {
		if h.ProxyCommand, err = env.expand(h.ProxyCommand); err != nil {
			return nil, err
		}
	}
	return h, nil
}

func isYes(v string) bool {
	v = strings.ToLower(v)
	return v == "yes" || v == "true"
}

func noneEmpty(v string) string {
	if strings.EqualFold(v, "none") {
		return ""
	}
	return v
}

func normStrict(v string) string {
	switch strings.ToLower(v) {
	case "yes", "true":
		return "yes"
	case "no", "false", "off":
		return "no"
	case "accept-new":
		return "accept-new"
	}
	return "ask"
}

// seconds parses an ssh_config time: plain seconds or 1h2m3s units.
func seconds(v string) (time.Duration, error) {
	if v == "" || strings.EqualFold(v, "none") {
		return 0, nil
	}
	if n, err := strconv.Atoi(v); err == nil {
		if n < 0 {
			return 0, errors.New("negative")
		}
		return time.Duration(n) * time.Second, nil
	}
	d, err := time.ParseDuration(strings.ToLower(v))
	if err != nil || d < 0 {
		return 0, errors.New("not a time")
	}
	return d, nil
}

func joinHostPort(host string, port int) string {
	return net.JoinHostPort(host, strconv.Itoa(port))
}

// env collects what %-tokens and ~ need about the local side.
func (r *Resolver) env() (tokenEnv, error) {
	home := r.Home
	if home == "" {
		var err error
		if home, err = os.UserHomeDir(); err != nil {
			return tokenEnv{}, fmt.Errorf("home directory: %w", err)
		}
	}
	return tokenEnv{home: home, localUser: currentUser()}, nil
}
