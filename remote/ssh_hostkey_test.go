package remote

import (
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/knownhosts"

	"github.com/opsdeck/opsdeck/remote/sshtest"
)

// testPrompter answers from fields and records what it was asked.
type testPrompter struct {
	mu          sync.Mutex
	accept      bool
	passphrases []string // answered in order
	asked       []string
}

func (p *testPrompter) record(s string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.asked = append(p.asked, s)
}

func (p *testPrompter) questions() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.asked...)
}

func (p *testPrompter) ConfirmHostKey(host, keyType, fp string) (bool, error) {
	p.record(fmt.Sprintf("hostkey %s %s %s", host, keyType, fp))
	return p.accept, nil
}

func (p *testPrompter) Passphrase(file string) (string, error) {
	p.record("passphrase " + file)
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.passphrases) == 0 {
		return "", ErrPromptDenied
	}
	pass := p.passphrases[0]
	p.passphrases = p.passphrases[1:]
	return pass, nil
}

func (p *testPrompter) Password(user, host string) (string, error) {
	p.record("password " + user + "@" + host)
	return "", ErrPromptDenied
}

func (p *testPrompter) KeyboardInteractive(user, _ string, q []string, _ []bool) ([]string, error) {
	p.record("kbd " + user)
	return nil, ErrPromptDenied
}

// writeConfig writes an ssh_config made of blocks and returns its path.
func writeConfig(t *testing.T, blocks ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "ssh_config")
	if err := os.WriteFile(path, []byte(strings.Join(blocks, "\n")), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestSSHUnknownHostAccepted(t *testing.T) {
	t.Parallel()
	srv := sshtest.Start(t)
	kh := filepath.Join(t.TempDir(), "new", "known_hosts")
	cfg := writeConfig(t, srv.HostBlock("UserKnownHostsFile "+kh, "StrictHostKeyChecking ask"))
	p := &testPrompter{accept: true}
	_, err := dialTest(t, srv, p, func(o *SSHOptions) { o.ConfigFile = cfg })
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("hostkey [127.0.0.1]:%d ED25519 %s", srv.Port, ssh.FingerprintSHA256(srv.HostKey))
	if q := p.questions(); len(q) != 1 || q[0] != want {
		t.Fatalf("asked %q, want [%q]", q, want)
	}
	data, err := os.ReadFile(kh)
	if err != nil {
		t.Fatal(err)
	}
	if strings.TrimSpace(string(data)) != srv.KnownHostsLine() {
		t.Errorf("known_hosts = %q, want %q", data, srv.KnownHostsLine())
	}
	// Known now: the next connection asks nothing.
	p2 := &testPrompter{}
	if _, err := dialTest(t, srv, p2, func(o *SSHOptions) { o.ConfigFile = cfg }); err != nil {
		t.Fatal(err)
	}
	if q := p2.questions(); len(q) != 0 {
		t.Errorf("asked again: %q", q)
	}
}

func TestSSHUnknownHostRefused(t *testing.T) {
	t.Parallel()
	srv := sshtest.Start(t)
	kh := filepath.Join(t.TempDir(), "known_hosts")
	cfg := writeConfig(t, srv.HostBlock("UserKnownHostsFile "+kh, "StrictHostKeyChecking ask"))
	for name, p := range map[string]Prompter{"operator says no": &testPrompter{accept: false}, "deny prompter": DenyPrompter{}} {
		_, err := dialTest(t, srv, p, func(o *SSHOptions) { o.ConfigFile = cfg })
		if !errors.Is(err, ErrHostKeyUnknown) {
			t.Errorf("%s: err = %v, want ErrHostKeyUnknown", name, err)
		}
		var ce *ConnError
		if !errors.As(err, &ce) {
			t.Errorf("%s: err is not a *ConnError", name)
		}
		if _, err := os.Stat(kh); !os.IsNotExist(err) {
			t.Errorf("%s: known_hosts written after refusal", name)
		}
		if h := Hint(err); !strings.Contains(h, "not in known_hosts") {
			t.Errorf("%s: hint = %q", name, h)
		}
	}
}

func TestSSHStrictRefusesUnknownWithoutAsking(t *testing.T) {
	t.Parallel()
	srv := sshtest.Start(t)
	kh := filepath.Join(t.TempDir(), "known_hosts")
	cfg := writeConfig(t, srv.HostBlock("UserKnownHostsFile "+kh, "StrictHostKeyChecking yes"))
	p := &testPrompter{accept: true}
	_, err := dialTest(t, srv, p, func(o *SSHOptions) { o.ConfigFile = cfg })
	var ue *HostKeyUnknownError
	if !errors.As(err, &ue) || !strings.Contains(ue.Reason, "StrictHostKeyChecking") {
		t.Fatalf("err = %v", err)
	}
	if q := p.questions(); len(q) != 0 {
		t.Errorf("asked %q despite StrictHostKeyChecking yes", q)
	}
}

func TestSSHChangedHostKeyRefused(t *testing.T) {
	t.Parallel()
	srv := sshtest.Start(t)
	other, err := sshtest.NewKey(filepath.Join(t.TempDir(), "other"), "")
	if err != nil {
		t.Fatal(err)
	}
	kh := filepath.Join(t.TempDir(), "known_hosts")
	line := knownhosts.Line([]string{knownhosts.Normalize(srv.Addr())}, other.PublicKey())
	if err := os.WriteFile(kh, []byte("# comment\n"+line+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	// Even "no" (accept anything new) must not accept a changed key.
	for _, strict := range []string{"ask", "no", "accept-new"} {
		cfg := writeConfig(t, srv.HostBlock("UserKnownHostsFile "+kh, "StrictHostKeyChecking "+strict))
		p := &testPrompter{accept: true}
		_, err = dialTest(t, srv, p, func(o *SSHOptions) { o.ConfigFile = cfg })
		var ce *HostKeyChangedError
		if !errors.As(err, &ce) {
			t.Fatalf("%s: err = %v, want *HostKeyChangedError", strict, err)
		}
		msg := ce.Error()
		for _, want := range []string{
			"WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!",
			"The fingerprint for the ED25519 key sent by the remote host is\n" + ssh.FingerprintSHA256(srv.HostKey),
			fmt.Sprintf("Offending ED25519 key in %s:2", kh),
			"Host key verification failed.",
		} {
			if !strings.Contains(msg, want) {
				t.Errorf("%s: warning lacks %q:\n%s", strict, want, msg)
			}
		}
		if q := p.questions(); len(q) != 0 {
			t.Errorf("%s: asked %q about a changed key", strict, q)
		}
		if h := Hint(err); !strings.Contains(h, "ssh-keygen -R") {
			t.Errorf("hint = %q", h)
		}
	}
	data, _ := os.ReadFile(kh)
	if strings.Count(string(data), "\n") != 2 {
		t.Errorf("known_hosts modified:\n%s", data)
	}
}

// TestSSHOffersOnlyKnownAlgorithms: the server also has an ECDSA host
// key, which x/crypto prefers over ED25519. Without restricting the
// algorithms to what known_hosts has, the check reports a mismatch.
func TestSSHOffersOnlyKnownAlgorithms(t *testing.T) {
	t.Parallel()
	srv := sshtest.Start(t)
	// Precondition: a plain x/crypto client does hit the false mismatch,
	// otherwise this test would prove nothing.
	cb, err := knownhosts.New(srv.KnownHosts)
	if err != nil {
		t.Fatal(err)
	}
	var sawType string
	_, err = ssh.Dial("tcp", srv.Addr(), &ssh.ClientConfig{
		User: srv.User, Auth: []ssh.AuthMethod{ssh.PublicKeys(srv.ClientKey)},
		HostKeyCallback: func(h string, a net.Addr, k ssh.PublicKey) error { sawType = k.Type(); return cb(h, a, k) },
	})
	var ke *knownhosts.KeyError
	if !errors.As(err, &ke) || sawType != ssh.KeyAlgoECDSA256 {
		t.Fatalf("precondition: default client got %v with %s key, want an ECDSA mismatch", err, sawType)
	}
	if _, err := dialTest(t, srv, nil, nil); err != nil {
		t.Fatalf("DialSSH: %v", err)
	}
}
