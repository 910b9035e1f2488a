package remote

import (
	"errors"
	"fmt"
)

// Prompter asks the operator when connecting needs a decision or a
// secret. The SSH code calls its methods synchronously from the goroutine
// that is connecting (DialSSH's caller, or the background reconnect loop),
// never from the UI's goroutine: a UI implementation sends the question to
// its event loop and blocks on a channel until the answer comes back.
// Returning an error aborts that step; the connection attempt then fails
// or moves on to the next authentication method.
type Prompter interface {
	// ConfirmHostKey asks whether to trust an unknown host key. keyType
	// is the OpenSSH display name ("ED25519", "ECDSA", "RSA"), fingerprint
	// the "SHA256:..." form; HostKeyQuestion renders the OpenSSH text.
	ConfirmHostKey(host, keyType, fingerprint string) (bool, error)
	// Passphrase asks for the passphrase of an encrypted private key.
	Passphrase(keyFile string) (string, error)
	// Password asks for user's password on host.
	Password(user, host string) (string, error)
	// KeyboardInteractive answers a keyboard-interactive challenge; echos
	// says per question whether the answer may be shown while typed.
	KeyboardInteractive(user, instruction string, questions []string, echos []bool) ([]string, error)
}

// ErrPromptDenied is what DenyPrompter answers: nobody is there to ask.
var ErrPromptDenied = errors.New("cannot ask: not interactive")

// DenyPrompter refuses every question. It is the Prompter for `--json`,
// scripts and tests: unknown hosts are refused, encrypted keys not in the
// agent are skipped, and password logins fail.
type DenyPrompter struct{}

// ConfirmHostKey refuses.
func (DenyPrompter) ConfirmHostKey(string, string, string) (bool, error) {
	return false, ErrPromptDenied
}

// Passphrase refuses.
func (DenyPrompter) Passphrase(string) (string, error) { return "", ErrPromptDenied }

// Password refuses.
func (DenyPrompter) Password(string, string) (string, error) { return "", ErrPromptDenied }

// KeyboardInteractive refuses.
func (DenyPrompter) KeyboardInteractive(string, string, []string, []bool) ([]string, error) {
	return nil, ErrPromptDenied
}

// HostKeyQuestion is the text OpenSSH shows for an unknown host, for a
// UI to display in its confirmation dialog.
func HostKeyQuestion(host, keyType, fingerprint string) string {
	return fmt.Sprintf("The authenticity of host '%s' can't be established.\n"+
		"%s key fingerprint is %s.\n"+
		"This key is not known by any other names.\n"+
		"Are you sure you want to continue connecting (yes/no)?", host, keyType, fingerprint)
}
