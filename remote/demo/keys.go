package demo

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/knownhosts"
)

// Alias is the ssh_config Host the demo server's config file defines.
const Alias = "opsdeck-demo"

// demoUser is the only user the server lets in.
const demoUser = "demo"

// newSigner generates a fresh ed25519 key.
func newSigner() (ssh.Signer, ed25519.PrivateKey, error) {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, nil, err
	}
	signer, err := ssh.NewSignerFromKey(priv)
	if err != nil {
		return nil, nil, err
	}
	return signer, priv, nil
}

// clientFiles are what Start writes for the client side.
type clientFiles struct {
	identity, knownHosts, config string
}

// writeClientFiles writes the client's private key, a known_hosts that
// pins hostKey for addr, and an ssh_config whose Host opsdeck-demo uses
// both, so any OpenSSH-compatible client connects with strict host key
// checking and nothing from the user's own ~/.ssh.
func writeClientFiles(dir, addr string, clientKey ed25519.PrivateKey, hostKey ssh.PublicKey) (clientFiles, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return clientFiles{}, err
	}
	f := clientFiles{
		identity:   filepath.Join(dir, "id_ed25519"),
		knownHosts: filepath.Join(dir, "known_hosts"),
		config:     filepath.Join(dir, "ssh_config"),
	}
	block, err := ssh.MarshalPrivateKey(clientKey, "opsdeck demo client")
	if err != nil {
		return clientFiles{}, err
	}
	pub, err := ssh.NewPublicKey(clientKey.Public())
	if err != nil {
		return clientFiles{}, err
	}
	host, port, ok := strings.Cut(addr, ":")
	if !ok {
		return clientFiles{}, fmt.Errorf("listener address %q has no port", addr)
	}
	config := fmt.Sprintf("# Written by opsdeck demo; the server and its keys live only as long as it runs.\n"+
		"Host %s\n\tHostName %s\n\tPort %s\n\tUser %s\n\tIdentityFile %s\n\tIdentitiesOnly yes\n"+
		"\tUserKnownHostsFile %s\n\tStrictHostKeyChecking yes\n",
		Alias, host, port, demoUser, configPath(f.identity), configPath(f.knownHosts))
	for _, w := range []struct {
		path string
		data []byte
	}{
		{f.identity, pem.EncodeToMemory(block)},
		{f.identity + ".pub", ssh.MarshalAuthorizedKey(pub)},
		{f.knownHosts, []byte(knownhosts.Line([]string{knownhosts.Normalize(addr)}, hostKey) + "\n")},
		{f.config, []byte(config)},
	} {
		if err := os.WriteFile(w.path, w.data, 0o600); err != nil {
			return clientFiles{}, err
		}
	}
	return f, nil
}

// configPath quotes a path for ssh_config when it holds blanks.
func configPath(p string) string {
	if strings.ContainsAny(p, " \t") {
		return `"` + p + `"`
	}
	return p
}
