package sshtest

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/pem"
	"os"

	"golang.org/x/crypto/ssh"
)

// writeKey generates an ed25519 key and writes it in OpenSSH format,
// encrypted when passphrase is not empty, with its .pub next to it.
func writeKey(path, passphrase string, mode os.FileMode) (ssh.Signer, error) {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	return writePrivate(path, passphrase, mode, priv)
}

// writeECDSAKey is writeKey for an ECDSA P-256 key.
func writeECDSAKey(path string) (ssh.Signer, error) {
	priv, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, err
	}
	return writePrivate(path, "", 0o600, priv)
}

func writePrivate(path, passphrase string, mode os.FileMode, priv crypto.Signer) (ssh.Signer, error) {
	var err error
	var block *pem.Block
	if passphrase == "" {
		block, err = ssh.MarshalPrivateKey(priv, "sshtest")
	} else {
		block, err = ssh.MarshalPrivateKeyWithPassphrase(priv, "sshtest", []byte(passphrase))
	}
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(path, pem.EncodeToMemory(block), mode); err != nil {
		return nil, err
	}
	signer, err := ssh.NewSignerFromKey(priv)
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(path+".pub", ssh.MarshalAuthorizedKey(signer.PublicKey()), 0o644); err != nil {
		return nil, err
	}
	return signer, nil
}

// NewKey writes a fresh ed25519 key pair to path and path.pub (encrypted
// with passphrase unless it is empty) and returns the key.
func NewKey(path, passphrase string) (ssh.Signer, error) {
	return writeKey(path, passphrase, 0o600)
}

// Authorize adds pub to the keys the server accepts.
func (s *Server) Authorize(pub ssh.PublicKey) error {
	f, err := os.OpenFile(s.Dir+"/authorized_keys", os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = f.Write(ssh.MarshalAuthorizedKey(pub))
	return err
}

// TrustUserCA makes the server accept user certificates signed by ca.
func (s *Server) TrustUserCA(ca ssh.PublicKey) error {
	return os.WriteFile(s.Dir+"/user_ca.pub", ssh.MarshalAuthorizedKey(ca), 0o600)
}

// SignUserCert issues a user certificate for pub, valid for principals,
// signed by ca, and writes it to path in authorized_keys format (the
// "-cert.pub" file ssh reads).
func SignUserCert(ca ssh.Signer, pub ssh.PublicKey, path string, principals ...string) error {
	cert := &ssh.Certificate{
		Key:             pub,
		CertType:        ssh.UserCert,
		KeyId:           "sshtest",
		ValidPrincipals: principals,
		ValidBefore:     ssh.CertTimeInfinity,
	}
	if err := cert.SignCert(rand.Reader, ca); err != nil {
		return err
	}
	return os.WriteFile(path, ssh.MarshalAuthorizedKey(cert), 0o644)
}
