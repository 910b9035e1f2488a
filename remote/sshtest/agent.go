package sshtest

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// StartAgent runs a real ssh-agent for t, loads the given private key
// files into it with ssh-add, and returns its socket path (the value for
// SSH_AUTH_SOCK). The agent is killed when t ends. It skips the test when
// ssh-agent is missing (Debian package openssh-client).
func StartAgent(t testing.TB, keyFiles ...string) string {
	t.Helper()
	bin, err := exec.LookPath("ssh-agent")
	if err != nil {
		t.Skip("sshtest: ssh-agent not installed (apt-get install openssh-client)")
	}
	sock := filepath.Join(t.TempDir(), "agent.sock")
	cmd := exec.Command(bin, "-D", "-a", sock)
	if err := cmd.Start(); err != nil {
		t.Fatalf("sshtest: ssh-agent: %v", err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	for i := 0; i < 100; i++ {
		if _, err := os.Stat(sock); err == nil {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	for _, k := range keyFiles {
		add := exec.Command("ssh-add", k)
		add.Env = append(os.Environ(), "SSH_AUTH_SOCK="+sock)
		if out, err := add.CombinedOutput(); err != nil {
			t.Fatalf("sshtest: ssh-add %s: %v: %s", k, err, out)
		}
	}
	return sock
}
