package remote

import (
	"errors"
	"fmt"
	"path"
	"strings"
)

// Hint turns an error from this package into one line an operator can act
// on, or "" when there is nothing better to say than the error itself.
func Hint(err error) string {
	if err == nil {
		return ""
	}
	var changed *HostKeyChangedError
	if errors.As(err, &changed) {
		return fmt.Sprintf("the host key of %s changed: confirm the new key with its administrator; only if the change is expected, remove the old one with: ssh-keygen -R %s",
			changed.Host, Quote([]string{changed.KnownHostsName}))
	}
	var unknown *HostKeyUnknownError
	if errors.As(err, &unknown) {
		return fmt.Sprintf("%s is not in known_hosts: check its fingerprint (%s) and accept it interactively, or connect once with: ssh %s",
			unknown.Host, unknown.Fingerprint, Quote([]string{unknown.Alias}))
	}
	var ee *ExitError
	if errors.As(err, &ee) {
		return exitHint(ee)
	}
	var ce *ConnError
	if errors.As(err, &ce) {
		msg := ce.Err.Error()
		switch {
		case errors.Is(ce, ErrDisconnected):
			return fmt.Sprintf("connection to %s is down; reconnecting, data shown is stale", ce.Host)
		case errors.Is(ce, ErrPromptDenied):
			return fmt.Sprintf("logging in to %s needs a passphrase or password that cannot be asked here: load the key into ssh-agent (ssh-add) or run interactively", ce.Host)
		case strings.Contains(msg, "unable to authenticate"):
			return fmt.Sprintf("%s refused every key and password offered: check User and IdentityFile for it in ssh_config, the agent (ssh-add -l) and the server's authorized_keys", ce.Host)
		case strings.Contains(msg, "no common algorithm for host key"):
			return fmt.Sprintf("%s offers no host key of the types known_hosts has for it: its key may have changed; check with: ssh %s", ce.Host, Quote([]string{ce.Host}))
		}
		return fmt.Sprintf("cannot reach %s: check the network, the host and its ssh_config entry", ce.Host)
	}
	return ""
}

func exitHint(e *ExitError) string {
	host := e.Host
	if host == "" {
		host = "the host"
	}
	user := e.User
	if user == "" {
		user = "USER"
	}
	prog, viaSudo, cmd := e.program()
	switch e.kind() {
	case ErrNotInstalled:
		return fmt.Sprintf("%s is not installed on %s", path.Base(prog), host)
	case ErrSudoPassword:
		return fmt.Sprintf("sudo on %s needs a password for this command: add a sudoers line (visudo): %s ALL=(root) NOPASSWD: %s",
			host, user, sudoersCommand(prog, cmd))
	case ErrPermissionDenied:
		base := path.Base(prog)
		if viaSudo {
			return fmt.Sprintf("%s was denied on %s even through sudo: check the sudoers rule and the device permissions", base, host)
		}
		if base == "zfs" || base == "zpool" {
			return fmt.Sprintf("permission denied on %s: delegate with `zfs allow %s <permissions> <dataset>`, or enable sudo for this host and add a sudoers line: %s ALL=(root) NOPASSWD: %s",
				host, user, user, sudoersCommand(prog, cmd))
		}
		return fmt.Sprintf("permission denied on %s: enable sudo for this host and add a sudoers line: %s ALL=(root) NOPASSWD: %s",
			host, user, sudoersCommand(prog, cmd))
	}
	return ""
}

// sudoersCommand is the exact command for a sudoers rule. sudoers needs
// an absolute path, which only the host knows, so a bare name says where
// to find it.
func sudoersCommand(prog string, cmd []string) string {
	if len(cmd) == 0 {
		return "<command>"
	}
	line := Quote(cmd)
	if !strings.HasPrefix(prog, "/") {
		line = "/path/to/" + line + fmt.Sprintf(" (path from `command -v %s`)", path.Base(prog))
	}
	return line
}
