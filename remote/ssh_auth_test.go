package remote

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/opsdeck/opsdeck/remote/sshtest"
)

// bareBlock is an ssh_config block for srv without any IdentityFile, so
// only the agent or the given identity lines can authenticate.
func bareBlock(srv *sshtest.Server, lines ...string) string {
	return fmt.Sprintf("Host %s\n  HostName 127.0.0.1\n  Port %d\n  User %s\n  UserKnownHostsFile %s\n  StrictHostKeyChecking yes\n%s",
		srv.Alias, srv.Port, srv.User, srv.KnownHosts, "  "+strings.Join(lines, "\n  ")+"\n")
}

func TestSSHAgentAuth(t *testing.T) {
	t.Parallel()
	srv := sshtest.Start(t)
	keyFile := filepath.Join(t.TempDir(), "agent_key")
	key, err := sshtest.NewKey(keyFile, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Authorize(key.PublicKey()); err != nil {
		t.Fatal(err)
	}
	sock := sshtest.StartAgent(t, keyFile)
	// The key file itself is not named anywhere: only the agent has it.
	cfg := writeConfig(t, bareBlock(srv, "IdentitiesOnly no"))

	r, err := dialTest(t, srv, nil, func(o *SSHOptions) { o.ConfigFile = cfg; o.NoAgent = false; o.AgentSocket = sock })
	if err != nil {
		t.Fatalf("agent auth: %v", err)
	}
	if res, err := r.Run(testCtx(t), []string{"echo", "ok"}); err != nil || string(res.Stdout) != "ok\n" {
		t.Fatalf("run: %q %v", res.Stdout, err)
	}
	// Without the agent the same config cannot log in.
	if _, err := dialTest(t, srv, nil, func(o *SSHOptions) { o.ConfigFile = cfg }); err == nil {
		t.Fatal("logged in without the agent: the test proves nothing")
	}
}

func TestSSHEncryptedKeyPassphrase(t *testing.T) {
	t.Parallel()
	srv := sshtest.Start(t)
	keyFile := filepath.Join(t.TempDir(), "enc_key")
	key, err := sshtest.NewKey(keyFile, "s3cret words")
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Authorize(key.PublicKey()); err != nil {
		t.Fatal(err)
	}
	cfg := writeConfig(t, bareBlock(srv, "IdentityFile "+keyFile, "IdentitiesOnly yes"))

	p := &testPrompter{passphrases: []string{"wrong", "s3cret words"}}
	r, err := dialTest(t, srv, p, func(o *SSHOptions) { o.ConfigFile = cfg })
	if err != nil {
		t.Fatalf("dial: %v (asked %q)", err, p.questions())
	}
	want := []string{"passphrase " + keyFile, "passphrase " + keyFile}
	if q := p.questions(); strings.Join(q, ",") != strings.Join(want, ",") {
		t.Errorf("asked %q, want %q", q, want)
	}
	if _, err := r.Run(testCtx(t), []string{"true"}); err != nil {
		t.Fatal(err)
	}

	// Nobody to ask: the key is skipped and the login fails cleanly.
	_, err = dialTest(t, srv, DenyPrompter{}, func(o *SSHOptions) { o.ConfigFile = cfg })
	if err == nil {
		t.Fatal("logged in with an encrypted key and no passphrase")
	}
	if h := Hint(err); !strings.Contains(h, "refused every key") {
		t.Errorf("hint = %q for %v", h, err)
	}
}

func TestSSHCertificateAuth(t *testing.T) {
	t.Parallel()
	srv := sshtest.Start(t)
	dir := t.TempDir()
	ca, err := sshtest.NewKey(filepath.Join(dir, "ca"), "")
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.TrustUserCA(ca.PublicKey()); err != nil {
		t.Fatal(err)
	}
	// The user key is not in authorized_keys: only its certificate counts.
	keyFile := filepath.Join(dir, "user_key")
	key, err := sshtest.NewKey(keyFile, "")
	if err != nil {
		t.Fatal(err)
	}
	certFile := filepath.Join(dir, "user_cert.pub")
	if err := sshtest.SignUserCert(ca, key.PublicKey(), certFile, srv.User); err != nil {
		t.Fatal(err)
	}
	withCert := writeConfig(t, bareBlock(srv, "IdentityFile "+keyFile, "CertificateFile "+certFile, "IdentitiesOnly yes"))
	if _, err := dialTest(t, srv, nil, func(o *SSHOptions) { o.ConfigFile = withCert }); err != nil {
		t.Fatalf("certificate auth: %v", err)
	}
	withoutCert := writeConfig(t, bareBlock(srv, "IdentityFile "+keyFile, "IdentitiesOnly yes"))
	if _, err := dialTest(t, srv, nil, func(o *SSHOptions) { o.ConfigFile = withoutCert }); err == nil {
		t.Fatal("logged in without the certificate: the test proves nothing")
	}
}
