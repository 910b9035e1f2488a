package app

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"

	"golang.org/x/term"
)

// TTYPrompter asks the operator on the controlling terminal, the way the
// OpenSSH client does, before the full-screen console takes the terminal
// over. It implements remote.Prompter.
type TTYPrompter struct {
	mu  sync.Mutex
	in  *os.File
	rd  *bufio.Reader // one reader, so typed-ahead input is not lost
	out io.Writer
}

// ErrNoTerminal is returned when a question needs an answer but there is
// no terminal to ask on (e.g. `status --json` in a pipeline).
var ErrNoTerminal = errors.New("no terminal to ask on")

// NewTTYPrompter opens /dev/tty; without one every question fails with
// ErrNoTerminal so non-interactive runs refuse instead of hanging.
func NewTTYPrompter() *TTYPrompter {
	tty, err := os.OpenFile("/dev/tty", os.O_RDWR, 0)
	if err != nil {
		return &TTYPrompter{out: os.Stderr}
	}
	return &TTYPrompter{in: tty, rd: bufio.NewReader(tty), out: tty}
}

// ConfirmHostKey asks OpenSSH's question about an unknown host key.
func (p *TTYPrompter) ConfirmHostKey(host, keyType, fingerprint string) (bool, error) {
	fmt.Fprintf(p.out, "The authenticity of host '%s' can't be established.\n%s key fingerprint is %s.\n", host, keyType, fingerprint)
	for {
		ans, err := p.line("Are you sure you want to continue connecting (yes/no)? ")
		if err != nil {
			return false, err
		}
		switch strings.ToLower(strings.TrimSpace(ans)) {
		case "yes":
			return true, nil
		case "no":
			return false, nil
		}
		fmt.Fprintln(p.out, "Please type 'yes' or 'no'.")
	}
}

// Passphrase asks for an encrypted key's passphrase without echo.
func (p *TTYPrompter) Passphrase(keyFile string) (string, error) {
	return p.secret(fmt.Sprintf("Enter passphrase for key '%s': ", keyFile))
}

// Password asks for the user's password without echo.
func (p *TTYPrompter) Password(user, host string) (string, error) {
	return p.secret(fmt.Sprintf("%s@%s's password: ", user, host))
}

// KeyboardInteractive answers each server question, echoing only where
// the server allows it.
func (p *TTYPrompter) KeyboardInteractive(user, instruction string, questions []string, echos []bool) ([]string, error) {
	if instruction != "" {
		fmt.Fprintln(p.out, instruction)
	}
	answers := make([]string, len(questions))
	for i, q := range questions {
		var err error
		if i < len(echos) && echos[i] {
			answers[i], err = p.line(q)
		} else {
			answers[i], err = p.secret(q)
		}
		if err != nil {
			return nil, err
		}
	}
	return answers, nil
}

func (p *TTYPrompter) line(prompt string) (string, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.in == nil {
		return "", ErrNoTerminal
	}
	fmt.Fprint(p.out, prompt)
	s, err := p.rd.ReadString('\n')
	if err != nil && s == "" {
		return "", err
	}
	return strings.TrimRight(s, "\r\n"), nil
}

func (p *TTYPrompter) secret(prompt string) (string, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.in == nil {
		return "", ErrNoTerminal
	}
	fmt.Fprint(p.out, prompt)
	b, err := term.ReadPassword(int(p.in.Fd()))
	fmt.Fprintln(p.out)
	return string(b), err
}
