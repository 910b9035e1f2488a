package remote

import (
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/knownhosts"
)

// hostKeyPolicy verifies server keys against known_hosts the way OpenSSH
// does for one resolved host. known_hosts is re-read on every check, so a
// key accepted on one connection is known on the next.
type hostKeyPolicy struct {
	alias    string
	user     []string // UserKnownHostsFile; new keys go to the first
	global   []string // GlobalKnownHostsFile
	strict   string   // yes, no, ask, accept-new
	prompter Prompter
}

func newHostKeyPolicy(h *HostConfig, p Prompter) *hostKeyPolicy {
	return &hostKeyPolicy{alias: h.Alias, user: h.UserKnownHostsFiles, global: h.GlobalKnownHostsFiles,
		strict: h.StrictHostKeyChecking, prompter: p}
}

// db builds a knownhosts callback from the files that exist; a missing
// file is an empty one, as in OpenSSH.
func (p *hostKeyPolicy) db() (ssh.HostKeyCallback, error) {
	var files []string
	for _, f := range append(append([]string(nil), p.user...), p.global...) {
		if _, err := os.Stat(f); err == nil {
			files = append(files, f)
		}
	}
	return knownhosts.New(files...)
}

// algorithms lists the host key algorithms to offer for address: those of
// the keys known_hosts has for it, so a server that prefers another type
// cannot produce a false "changed key". For an unknown host it is
// OpenSSH's default order, so the operator is shown the same key type
// (usually ED25519) that `ssh` would show.
func (p *hostKeyPolicy) algorithms(address string) ([]string, error) {
	cb, err := p.db()
	if err != nil {
		return nil, err
	}
	// Probe with a throw-away key: the mismatch error lists every key
	// known_hosts holds for this address.
	pub, _, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	probe, err := ssh.NewPublicKey(pub)
	if err != nil {
		return nil, err
	}
	var ke *knownhosts.KeyError
	if !errors.As(cb(address, placeholderAddr, probe), &ke) || len(ke.Want) == 0 {
		return opensshHostKeyOrder, nil
	}
	var algos []string
	seen := map[string]bool{}
	for _, k := range ke.Want {
		for _, a := range algorithmsFor(k.Key.Type()) {
			if !seen[a] {
				seen[a] = true
				algos = append(algos, a)
			}
		}
	}
	return algos, nil
}

// placeholderAddr stands in for the remote address: the check prefers
// the host name we pass, which is what OpenSSH looks up (CheckHostIP is
// off by default), and a ProxyCommand connection has no real address.
var placeholderAddr = &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 22}

// opensshHostKeyOrder is OpenSSH 9's default HostKeyAlgorithms without
// certificate types (known_hosts trust for those is not implemented here).
var opensshHostKeyOrder = []string{
	ssh.KeyAlgoED25519,
	ssh.KeyAlgoECDSA256, ssh.KeyAlgoECDSA384, ssh.KeyAlgoECDSA521,
	ssh.KeyAlgoSKED25519, ssh.KeyAlgoSKECDSA256,
	ssh.KeyAlgoRSASHA512, ssh.KeyAlgoRSASHA256,
}

func algorithmsFor(keyType string) []string {
	if keyType == ssh.KeyAlgoRSA {
		return []string{ssh.KeyAlgoRSASHA512, ssh.KeyAlgoRSASHA256, ssh.KeyAlgoRSA}
	}
	return []string{keyType}
}

// callback is the ssh.HostKeyCallback for one connection attempt.
func (p *hostKeyPolicy) callback(address string) ssh.HostKeyCallback {
	return func(_ string, _ net.Addr, key ssh.PublicKey) error {
		cb, err := p.db()
		if err != nil {
			return err
		}
		err = cb(address, placeholderAddr, key)
		var ke *knownhosts.KeyError
		var re *knownhosts.RevokedError
		switch {
		case err == nil:
			return nil
		case errors.As(err, &re):
			return fmt.Errorf("host key for %s is marked as revoked in %s:%d; refusing to connect",
				address, re.Revoked.Filename, re.Revoked.Line)
		case errors.As(err, &ke) && len(ke.Want) > 0:
			return p.changed(address, key, ke.Want)
		case errors.As(err, &ke):
			return p.unknown(address, key)
		}
		return err
	}
}

func (p *hostKeyPolicy) unknown(address string, key ssh.PublicKey) error {
	name := knownhosts.Normalize(address)
	uerr := &HostKeyUnknownError{Alias: p.alias, Host: name, KeyType: keyTypeName(key), Fingerprint: ssh.FingerprintSHA256(key)}
	switch p.strict {
	case "yes":
		uerr.Reason = "StrictHostKeyChecking is yes"
		return uerr
	case "no", "accept-new":
		return p.remember(name, key)
	}
	if p.prompter == nil {
		uerr.Reason = "no one to ask"
		return uerr
	}
	ok, err := p.prompter.ConfirmHostKey(name, uerr.KeyType, uerr.Fingerprint)
	if err != nil {
		uerr.Reason = err.Error()
		return uerr
	}
	if !ok {
		uerr.Reason = "not accepted"
		return uerr
	}
	return p.remember(name, key)
}

// remember appends the key to the first UserKnownHostsFile, creating it
// (and ~/.ssh) with OpenSSH's permissions if needed.
func (p *hostKeyPolicy) remember(name string, key ssh.PublicKey) error {
	if len(p.user) == 0 {
		return errors.New("no UserKnownHostsFile to record the host key in")
	}
	file := p.user[0]
	if err := os.MkdirAll(filepath.Dir(file), 0o700); err != nil {
		return err
	}
	f, err := os.OpenFile(file, os.O_RDWR|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return err
	}
	defer f.Close()
	line := knownhosts.Line([]string{name}, key) + "\n"
	// Never glue our line onto a last line that lacks its newline.
	if st, err := f.Stat(); err == nil && st.Size() > 0 {
		last := make([]byte, 1)
		if _, err := f.ReadAt(last, st.Size()-1); err == nil && last[0] != '\n' {
			line = "\n" + line
		}
	}
	if _, err := f.WriteString(line); err != nil {
		return err
	}
	return f.Sync()
}

func (p *hostKeyPolicy) changed(address string, key ssh.PublicKey, want []knownhosts.KnownKey) error {
	e := &HostKeyChangedError{
		Host:           address,
		KnownHostsName: knownhosts.Normalize(address),
		KeyType:        keyTypeName(key),
		Fingerprint:    ssh.FingerprintSHA256(key),
		Known:          want,
	}
	if len(p.user) > 0 {
		e.File = p.user[0]
	}
	return e
}

// keyTypeName is OpenSSH's display name for a key type.
func keyTypeName(key ssh.PublicKey) string {
	t := key.Type()
	t = strings.TrimSuffix(t, "-cert-v01@openssh.com")
	switch {
	case t == ssh.KeyAlgoED25519:
		return "ED25519"
	case strings.HasPrefix(t, "ecdsa-"):
		return "ECDSA"
	case t == ssh.KeyAlgoRSA:
		return "RSA"
	case t == ssh.KeyAlgoDSA:
		return "DSA"
	case strings.HasPrefix(t, "sk-ssh-ed25519"):
		return "ED25519-SK"
	case strings.HasPrefix(t, "sk-ecdsa"):
		return "ECDSA-SK"
	}
	return strings.ToUpper(t)
}
