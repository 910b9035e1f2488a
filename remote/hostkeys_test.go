package remote

import (
	"crypto/rand"
	"crypto/rsa"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/knownhosts"

	"github.com/opsdeck/opsdeck/remote/sshtest"
)

func TestHostKeyAlgorithmsFromKnownHosts(t *testing.T) {
	dir := t.TempDir()
	ed, err := sshtest.NewKey(filepath.Join(dir, "ed"), "")
	if err != nil {
		t.Fatal(err)
	}
	rk, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	rsaPub, _ := ssh.NewPublicKey(&rk.PublicKey)
	kh := filepath.Join(dir, "known_hosts")
	content := knownhosts.Line([]string{"[nas]:2222"}, rsaPub) + "\n" +
		// A hashed entry, as HashKnownHosts writes them.
		knownhosts.Line([]string{knownhosts.HashHostname("[nas]:2222")}, ed.PublicKey()) + "\n" +
		knownhosts.Line([]string{"other"}, ed.PublicKey()) + "\n"
	if err := os.WriteFile(kh, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	p := &hostKeyPolicy{user: []string{kh, filepath.Join(dir, "missing")}}
	got, err := p.algorithms("nas:2222")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{ssh.KeyAlgoRSASHA512, ssh.KeyAlgoRSASHA256, ssh.KeyAlgoRSA, ssh.KeyAlgoED25519}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("algorithms = %q, want %q", got, want)
	}
	if got, _ := p.algorithms("unknown:22"); !reflect.DeepEqual(got, opensshHostKeyOrder) {
		t.Errorf("unknown host algorithms = %q", got)
	}
}

func TestRememberKeepsLinesApart(t *testing.T) {
	dir := t.TempDir()
	kh := filepath.Join(dir, "known_hosts")
	// An existing file whose last line has no newline.
	os.WriteFile(kh, []byte("# hand-edited"), 0o600)
	key, _ := sshtest.NewKey(filepath.Join(dir, "k"), "")
	p := &hostKeyPolicy{user: []string{kh}, strict: "accept-new"}
	if err := p.callback("nas:22")("nas:22", placeholderAddr, key.PublicKey()); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(kh)
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	if len(lines) != 2 || lines[1] != knownhosts.Line([]string{"nas"}, key.PublicKey()) {
		t.Errorf("known_hosts:\n%s", data)
	}
	// Now known: accepted without asking anyone.
	p2 := &hostKeyPolicy{user: []string{kh}, strict: "yes"}
	if err := p2.callback("nas:22")("nas:22", placeholderAddr, key.PublicKey()); err != nil {
		t.Errorf("known key refused: %v", err)
	}
}
