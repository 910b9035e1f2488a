package ui

import (
	"errors"
	"strings"
	"testing"
	"time"
)

type answer struct {
	ok   bool
	s    string
	list []string
	err  error
}

// promptModel is a console with a Prompter, and a function that waits for
// the SSH layer's question to arrive in it.
func promptModel(t *testing.T) (*Model, *Prompter, func()) {
	p := NewPrompter()
	st, now := scenario(t, "healthy")
	m := newTestModel(t, &fakeSource{status: st}, now, 100, 30, func(o *Options) { o.Prompter = p })
	deliver := func() {
		t.Helper()
		msg := m.waitPrompt()()
		if _, ok := msg.(promptMsg); !ok {
			t.Fatalf("waitPrompt gave %T", msg)
		}
		m.Update(msg)
	}
	return m, p, deliver
}

func TestHostKeyPrompt(t *testing.T) {
	for _, c := range []struct {
		keys []string
		want bool
		err  bool
	}{
		{[]string{"y", "e", "s", "enter"}, true, false},
		{[]string{"y", "enter"}, false, false}, // OpenSSH wants the word
		{[]string{"n", "o", "enter"}, false, false},
		{[]string{"esc"}, false, true},
	} {
		m, p, deliver := promptModel(t)
		got := make(chan answer, 1)
		go func() {
			ok, err := p.ConfirmHostKey("lab", "ED25519", "SHA256:abc")
			got <- answer{ok: ok, err: err}
		}()
		deliver()
		v := m.View()
		if !strings.Contains(v, "SHA256:abc") || !strings.Contains(v, "ED25519") {
			t.Fatalf("prompt lacks the fingerprint:\n%s", v)
		}
		press(m, c.keys...)
		a := <-got
		if a.ok != c.want || (a.err != nil) != c.err {
			t.Errorf("%v: got %v, %v", c.keys, a.ok, a.err)
		}
		if m.prompt != nil {
			t.Errorf("%v: prompt still open", c.keys)
		}
	}
}

func TestSecretPromptsHideInput(t *testing.T) {
	m, p, deliver := promptModel(t)
	got := make(chan answer, 1)
	go func() {
		s, err := p.Password("alice", "lab")
		got <- answer{s: s, err: err}
	}()
	deliver()
	press(m, "h", "u", "n", "t", "e", "r", "2")
	if v := m.View(); strings.Contains(v, "hunter2") || !strings.Contains(v, "alice@lab") {
		t.Fatalf("password prompt:\n%s", v)
	}
	press(m, "enter")
	if a := <-got; a.s != "hunter2" || a.err != nil {
		t.Fatalf("password = %q, %v", a.s, a.err)
	}
}

func TestKeyboardInteractiveAsksEachQuestion(t *testing.T) {
	m, p, deliver := promptModel(t)
	got := make(chan answer, 1)
	go func() {
		l, err := p.KeyboardInteractive("alice", "2FA", []string{"Password:", "Code:"}, []bool{false, true})
		got <- answer{list: l, err: err}
	}()
	deliver()
	press(m, "p", "w", "enter")
	if v := m.View(); !strings.Contains(v, "Code:") {
		t.Fatalf("second question not shown:\n%s", v)
	}
	press(m, "4", "2", "enter")
	if a := <-got; a.err != nil || strings.Join(a.list, ",") != "pw,42" {
		t.Fatalf("answers = %v, %v", a.list, a.err)
	}
	if _, err := p.KeyboardInteractive("alice", "", []string{"a"}, nil); err == nil {
		t.Error("mismatched echo flags accepted")
	}
}

func TestPrompterCloseReleasesCallers(t *testing.T) {
	p := NewPrompter()
	got := make(chan error, 1)
	go func() {
		_, err := p.Passphrase("/home/alice/.ssh/id_ed25519")
		got <- err
	}()
	time.Sleep(10 * time.Millisecond)
	p.Close()
	select {
	case err := <-got:
		if !errors.Is(err, ErrPromptCancelled) {
			t.Fatalf("err = %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Close did not release the waiting caller")
	}
	if _, err := p.Password("a", "b"); !errors.Is(err, ErrPromptCancelled) {
		t.Fatalf("after Close: %v", err)
	}
}
