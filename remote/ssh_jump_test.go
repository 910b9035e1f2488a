package remote

import (
	"fmt"
	"os/exec"
	"strings"
	"testing"

	"github.com/opsdeck/opsdeck/remote/sshtest"
)

func TestSSHProxyJump(t *testing.T) {
	t.Parallel()
	jump := sshtest.Start(t)
	target := sshtest.Start(t)
	// The jump host is itself an alias defined in the same file.
	cfg := writeConfig(t, jump.HostBlock(), target.HostBlock("ProxyJump "+jump.Alias))
	for _, noOpenSSH := range []bool{false, true} {
		t.Run(fmt.Sprintf("noOpenSSH=%v", noOpenSSH), func(t *testing.T) {
			r, err := dialTest(t, target, nil, func(o *SSHOptions) { o.ConfigFile = cfg; o.NoOpenSSHResolve = noOpenSSH })
			if err != nil {
				t.Fatal(err)
			}
			res, err := r.Run(testCtx(t), []string{"sh", "-c", "echo $SSH_CONNECTION"})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(res.Stdout), fmt.Sprint(target.Port)) {
				t.Errorf("ran on %q, want the target", res.Stdout)
			}
		})
	}
	// The hop really went through the jump host: it authenticated us and
	// opened a direct-tcpip channel to the target.
	if !strings.Contains(jump.Logs(), "Accepted publickey") {
		t.Errorf("jump host never authenticated us:\n%s", jump.Logs())
	}
}

func TestSSHProxyJumpChain(t *testing.T) {
	t.Parallel()
	j1, j2, target := sshtest.Start(t), sshtest.Start(t), sshtest.Start(t)
	cfg := writeConfig(t, j1.HostBlock(), j2.HostBlock(), target.HostBlock("ProxyJump "+j1.Alias+","+j2.Alias))
	r, err := dialTest(t, target, nil, func(o *SSHOptions) { o.ConfigFile = cfg })
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Run(testCtx(t), []string{"true"}); err != nil {
		t.Fatal(err)
	}
	for _, s := range []*sshtest.Server{j1, j2} {
		if !strings.Contains(s.Logs(), "Accepted publickey") {
			t.Errorf("%s not used as a hop", s.Alias)
		}
	}
}

func TestSSHProxyCommand(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("ssh"); err != nil {
		t.Skip("needs the OpenSSH client as the proxy")
	}
	jump := sshtest.Start(t)
	target := sshtest.Start(t)
	cfg := writeConfig(t, jump.HostBlock(),
		target.HostBlock(fmt.Sprintf("ProxyCommand ssh -F %s -W %%h:%%p %s", jump.ConfigFile, jump.Alias)))
	r, err := dialTest(t, target, nil, func(o *SSHOptions) { o.ConfigFile = cfg })
	if err != nil {
		t.Fatal(err)
	}
	if res, err := r.Run(testCtx(t), []string{"echo", "via proxy"}); err != nil || string(res.Stdout) != "via proxy\n" {
		t.Fatalf("run: %q %v", res.Stdout, err)
	}
	if !strings.Contains(jump.Logs(), "Accepted publickey") {
		t.Errorf("proxy command did not go through the jump host")
	}
}
