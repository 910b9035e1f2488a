//go:build e2e

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestE2EHostKeyChanged: the guest's host key replaced, the console refuses
// to connect, prints the OpenSSH-style warning with the new key's
// fingerprint, and prints no status.
func TestE2EHostKeyChanged(t *testing.T) {
	const key = "/etc/ssh/ssh_host_ed25519_key"
	guest(t, "rm -f /root/alt_host_key*; ssh-keygen -q -t ed25519 -N '' -C replaced -f /root/alt_host_key")
	altPub := strings.TrimSpace(guest(t, "cut -d' ' -f1-2 /root/alt_host_key.pub"))
	fp := strings.Fields(guest(t, "ssh-keygen -lf /root/alt_host_key.pub"))[1]

	// While the key is replaced the lab's known_hosts no longer opens the
	// guest; this one, naming the replacement key, brings the original back.
	hostPattern := strings.Fields(knownHostsLine(t))[0] // [127.0.0.1]:PORT
	altKnown := filepath.Join(t.TempDir(), "known_hosts")
	if err := os.WriteFile(altKnown, []byte(hostPattern+" "+altPub+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	restore := func() {
		argv := append(sshArgv(labAlias, "-o", "UserKnownHostsFile="+altKnown),
			"cp /root/orig_host_key "+key+" && cp /root/orig_host_key.pub "+key+".pub && systemctl reload ssh")
		execCmd(t, time.Minute, "", argv...)
	}
	guest(t, "cp "+key+" /root/orig_host_key && cp "+key+".pub /root/orig_host_key.pub && "+
		"cp /root/alt_host_key "+key+" && cp /root/alt_host_key.pub "+key+".pub && systemctl reload ssh")
	t.Cleanup(func() {
		restore()
		waitFor(t, "the original host key back", time.Minute, func() (bool, string) {
			r := guestAs(t, labAlias, "true")
			return r.Code == 0, r.Stderr
		})
	})
	// The system client, as a control: it must refuse too.
	waitFor(t, "the guest to serve the replaced key", time.Minute, func() (bool, string) {
		r := guestAs(t, labAlias, "true")
		return r.Code != 0 && strings.Contains(r.Stderr, "IDENTIFICATION HAS CHANGED"), r.Stderr
	})

	r := opsdeck(t, "status", labAlias, "--json")
	if r.Code == 0 {
		t.Fatalf("opsdeck connected despite a changed host key:\n%s", r.Stdout)
	}
	if strings.TrimSpace(r.Stdout) != "" {
		t.Errorf("printed a status despite the refusal:\n%s", r.Stdout)
	}
	for _, want := range []string{"REMOTE HOST IDENTIFICATION HAS CHANGED", fp} {
		if !strings.Contains(r.Stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.Stderr)
		}
	}
}

// knownHostsLine is the lab's known_hosts entry, "[127.0.0.1]:PORT type key".
func knownHostsLine(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(filepath.Dir(labSSHConfig()), "known_hosts"))
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(b))
}
