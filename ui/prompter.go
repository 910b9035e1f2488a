package ui

import (
	"errors"
	"sync"

	"github.com/opsdeck/opsdeck/remote"
)

// ErrPromptCancelled is returned to the SSH layer when the operator
// dismissed a prompt, or the console quit while it was open.
var ErrPromptCancelled = errors.New("prompt cancelled by the operator")

// Prompter implements remote.Prompter on top of the console: each
// question is sent into the program as a message and the calling
// goroutine (the SSH connect or reconnect loop, never the UI's) blocks
// until the operator answers in a modal.
type Prompter struct {
	reqs chan *promptReq
	done chan struct{}
	once sync.Once
}

var _ remote.Prompter = (*Prompter)(nil)

type promptKind int

const (
	promptHostKey promptKind = iota
	promptSecret
	promptQuestions
)

// promptReq is one question set on its way to the UI.
type promptReq struct {
	kind      promptKind
	title     string
	text      string
	questions []string
	echos     []bool
	reply     chan promptReply // buffered: answering never blocks the UI
}

type promptReply struct {
	answers []string
	err     error
}

// NewPrompter returns a Prompter to pass both to the SSH layer and, as
// Options.Prompter, to the console.
func NewPrompter() *Prompter {
	return &Prompter{reqs: make(chan *promptReq), done: make(chan struct{})}
}

// Close releases every caller waiting for an answer with
// ErrPromptCancelled; the console calls it when it quits.
func (p *Prompter) Close() { p.once.Do(func() { close(p.done) }) }

func (p *Prompter) ask(r *promptReq) ([]string, error) {
	r.reply = make(chan promptReply, 1)
	select {
	case p.reqs <- r:
	case <-p.done:
		return nil, ErrPromptCancelled
	}
	select {
	case rep := <-r.reply:
		return rep.answers, rep.err
	case <-p.done:
		return nil, ErrPromptCancelled
	}
}

// ConfirmHostKey asks whether to trust an unknown host key, with the
// OpenSSH wording; only a typed "yes" accepts.
func (p *Prompter) ConfirmHostKey(host, keyType, fingerprint string) (bool, error) {
	a, err := p.ask(&promptReq{kind: promptHostKey, title: "Unknown host key",
		text:      remote.HostKeyQuestion(host, keyType, fingerprint),
		questions: []string{"Type yes to trust it and add it to known_hosts:"}, echos: []bool{true}})
	if err != nil {
		return false, err
	}
	return len(a) == 1 && a[0] == "yes", nil
}

// Passphrase asks for the passphrase of an encrypted key file.
func (p *Prompter) Passphrase(keyFile string) (string, error) {
	a, err := p.ask(&promptReq{kind: promptSecret, title: "Key passphrase",
		text: "The key " + keyFile + " is encrypted.", questions: []string{"Passphrase:"}, echos: []bool{false}})
	if err != nil {
		return "", err
	}
	return a[0], nil
}

// Password asks for user's password on host.
func (p *Prompter) Password(user, host string) (string, error) {
	a, err := p.ask(&promptReq{kind: promptSecret, title: "Password",
		text: "Password login to " + user + "@" + host + ".", questions: []string{"Password:"}, echos: []bool{false}})
	if err != nil {
		return "", err
	}
	return a[0], nil
}

// KeyboardInteractive asks a keyboard-interactive challenge's questions
// one after another.
func (p *Prompter) KeyboardInteractive(user, instruction string, questions []string, echos []bool) ([]string, error) {
	if len(questions) == 0 {
		return nil, nil
	}
	if len(echos) != len(questions) {
		return nil, errors.New("keyboard-interactive: questions and echo flags differ in number")
	}
	return p.ask(&promptReq{kind: promptQuestions, title: "Login to " + user,
		text: instruction, questions: questions, echos: echos})
}
