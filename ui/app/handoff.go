package app

import (
	"sync"

	"github.com/opsdeck/opsdeck/remote"
)

// handoffPrompter answers the SSH layer's questions on the terminal while
// the console is not on screen (the first connect, like OpenSSH), and
// through the console's own modal once it is: a reconnect that needs a
// password must not scribble over the full-screen view.
type handoffPrompter struct {
	mu  sync.Mutex
	cur remote.Prompter
}

func newHandoffPrompter(first remote.Prompter) *handoffPrompter {
	return &handoffPrompter{cur: first}
}

// use makes p answer from now on.
func (h *handoffPrompter) use(p remote.Prompter) {
	h.mu.Lock()
	h.cur = p
	h.mu.Unlock()
}

func (h *handoffPrompter) current() remote.Prompter {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.cur
}

// ConfirmHostKey implements remote.Prompter.
func (h *handoffPrompter) ConfirmHostKey(host, keyType, fingerprint string) (bool, error) {
	return h.current().ConfirmHostKey(host, keyType, fingerprint)
}

// Passphrase implements remote.Prompter.
func (h *handoffPrompter) Passphrase(keyFile string) (string, error) {
	return h.current().Passphrase(keyFile)
}

// Password implements remote.Prompter.
func (h *handoffPrompter) Password(user, host string) (string, error) {
	return h.current().Password(user, host)
}

// KeyboardInteractive implements remote.Prompter.
func (h *handoffPrompter) KeyboardInteractive(user, instruction string, questions []string, echos []bool) ([]string, error) {
	return h.current().KeyboardInteractive(user, instruction, questions, echos)
}
