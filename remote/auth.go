package remote

import (
	"bytes"
	"errors"
	"net"
	"os"
	"sync"

	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/agent"
)

// maxPassphraseTries is how often a wrong passphrase is asked again, as
// ssh does.
const maxPassphraseTries = 3

// authenticator builds the auth methods for one host in OpenSSH's order:
// public keys (agent first, then identity files, certificates before
// plain keys), then keyboard-interactive, then password. Keys decrypted
// with a passphrase are kept for reconnects, so the operator is asked once
// per session, not once per dropped connection.
type authenticator struct {
	host      *HostConfig
	prompter  Prompter
	agentSock string

	mu   sync.Mutex
	keys map[string]ssh.Signer // identity file -> decrypted signer
}

func newAuthenticator(h *HostConfig, p Prompter, agentSock string) *authenticator {
	return &authenticator{host: h, prompter: p, agentSock: agentSock, keys: map[string]ssh.Signer{}}
}

// methods returns the auth methods and a function that closes the agent
// connection they may use; call it once the handshake is over.
func (a *authenticator) methods() ([]ssh.AuthMethod, func()) {
	var agentConn net.Conn
	var once sync.Once
	closeAgent := func() {
		once.Do(func() {
			if agentConn != nil {
				agentConn.Close()
			}
		})
	}
	signers := func() ([]ssh.Signer, error) {
		var fromAgent []ssh.Signer
		if a.agentSock != "" {
			// An unreachable agent is not fatal: ssh goes on with files.
			if c, err := net.Dial("unix", a.agentSock); err == nil {
				agentConn = c
				fromAgent, _ = agent.NewClient(c).Signers()
			}
		}
		return a.signers(fromAgent), nil
	}
	methods := []ssh.AuthMethod{ssh.PublicKeysCallback(signers)}
	if a.prompter != nil {
		user, host := a.host.User, a.host.Alias
		methods = append(methods,
			ssh.KeyboardInteractive(func(_, instruction string, questions []string, echos []bool) ([]string, error) {
				// Servers end a challenge round with an empty one; it
				// needs no answer and must not bother the operator.
				if len(questions) == 0 {
					return nil, nil
				}
				return a.prompter.KeyboardInteractive(user, instruction, questions, echos)
			}),
			ssh.RetryableAuthMethod(ssh.PasswordCallback(func() (string, error) {
				return a.prompter.Password(user, host)
			}), 3))
	}
	return methods, closeAgent
}

// signers orders the agent's keys and the identity files, drops files
// whose key the agent already holds (no pointless passphrase prompt), and
// applies IdentitiesOnly and certificates.
func (a *authenticator) signers(fromAgent []ssh.Signer) []ssh.Signer {
	type fileKey struct {
		file string
		pub  ssh.PublicKey // nil if unknown before decryption
	}
	var files []fileKey
	for _, f := range a.host.IdentityFiles {
		if pub := identityPublicKey(f); pub != nil {
			files = append(files, fileKey{f, pub})
		} else if _, err := os.Stat(f); err == nil {
			files = append(files, fileKey{f, nil})
		}
	}
	var out []ssh.Signer
	for _, s := range fromAgent {
		if !a.host.IdentitiesOnly {
			out = append(out, s)
			continue
		}
		for _, fk := range files {
			if fk.pub != nil && samePub(fk.pub, s.PublicKey()) {
				out = append(out, s)
				break
			}
		}
	}
	for _, fk := range files {
		if fk.pub != nil && containsPub(out, fk.pub) {
			continue
		}
		if s := a.loadKey(fk.file); s != nil && !containsPub(out, s.PublicKey()) {
			out = append(out, s)
		}
	}
	return append(a.certSigners(out), out...)
}

// certSigners pairs every certificate (CertificateFile, and the
// "<identity>-cert.pub" files ssh also picks up) with the signer of its key.
func (a *authenticator) certSigners(plain []ssh.Signer) []ssh.Signer {
	certFiles := append([]string(nil), a.host.CertificateFiles...)
	for _, f := range a.host.IdentityFiles {
		certFiles = append(certFiles, f+"-cert.pub")
	}
	var out []ssh.Signer
	for _, f := range certFiles {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		pub, _, _, _, err := ssh.ParseAuthorizedKey(data)
		cert, ok := pub.(*ssh.Certificate)
		if err != nil || !ok {
			continue
		}
		for _, s := range plain {
			if samePub(s.PublicKey(), cert.Key) {
				if cs, err := ssh.NewCertSigner(cert, s); err == nil {
					out = append(out, cs)
				}
				break
			}
		}
	}
	return out
}

// loadKey reads one private key, asking for its passphrase when it is
// encrypted. It returns nil for a key that cannot be used; ssh skips
// those too and tries the next.
func (a *authenticator) loadKey(file string) ssh.Signer {
	a.mu.Lock()
	defer a.mu.Unlock()
	if s, ok := a.keys[file]; ok {
		return s
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil
	}
	s, err := ssh.ParsePrivateKey(data)
	var missing *ssh.PassphraseMissingError
	if errors.As(err, &missing) && a.prompter != nil {
		for try := 0; try < maxPassphraseTries; try++ {
			pass, perr := a.prompter.Passphrase(file)
			if perr != nil {
				return nil
			}
			s, err = ssh.ParsePrivateKeyWithPassphrase(data, []byte(pass))
			if err == nil {
				break
			}
		}
	}
	if err != nil {
		return nil
	}
	a.keys[file] = s
	return s
}

// identityPublicKey finds an identity's public key without decrypting
// it: from "<file>.pub", or from the unencrypted header of an OpenSSH
// format key.
func identityPublicKey(file string) ssh.PublicKey {
	if data, err := os.ReadFile(file + ".pub"); err == nil {
		if pub, _, _, _, err := ssh.ParseAuthorizedKey(data); err == nil {
			return pub
		}
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil
	}
	s, err := ssh.ParsePrivateKey(data)
	if err == nil {
		return s.PublicKey()
	}
	var missing *ssh.PassphraseMissingError
	if errors.As(err, &missing) {
		return missing.PublicKey
	}
	return nil
}

func samePub(a, b ssh.PublicKey) bool {
	return bytes.Equal(a.Marshal(), b.Marshal())
}

func containsPub(list []ssh.Signer, pub ssh.PublicKey) bool {
	for _, s := range list {
		if samePub(s.PublicKey(), pub) {
			return true
		}
	}
	return false
}
