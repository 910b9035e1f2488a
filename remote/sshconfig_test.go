package remote

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestParseSSHG(t *testing.T) {
	out := `host nas
user ops
hostname nas.example.org
port 2222
identitiesonly yes
stricthostkeychecking true
connecttimeout none
serveraliveinterval 20
serveralivecountmax 4
identityfile ~/.ssh/k1
identityfile /keys/%r-%h
certificatefile ~/.ssh/k1-cert.pub
userknownhostsfile /home/ops/.ssh/kh1 /tmp/kh2
globalknownhostsfile /etc/ssh/ssh_known_hosts
proxyjump bastion,ops@10.0.0.1:2200
proxycommand none
`
	h, err := parseSSHG([]byte(out), "nas", tokenEnv{home: "/home/ops", localUser: "me"})
	if err != nil {
		t.Fatal(err)
	}
	want := &HostConfig{
		Alias: "nas", HostName: "nas.example.org", User: "ops", Port: 2222,
		IdentityFiles:         []string{"/home/ops/.ssh/k1", "/keys/ops-nas.example.org"},
		IdentitiesOnly:        true,
		CertificateFiles:      []string{"/home/ops/.ssh/k1-cert.pub"},
		ProxyJump:             "bastion,ops@10.0.0.1:2200",
		UserKnownHostsFiles:   []string{"/home/ops/.ssh/kh1", "/tmp/kh2"},
		GlobalKnownHostsFiles: []string{"/etc/ssh/ssh_known_hosts"},
		StrictHostKeyChecking: "yes",
		ServerAliveInterval:   20 * time.Second,
		ServerAliveCountMax:   4,
		Source:                "ssh -G",
	}
	if !reflect.DeepEqual(h, want) {
		t.Errorf("got  %+v\nwant %+v", h, want)
	}
	if h.Address() != "nas.example.org:2222" {
		t.Errorf("Address = %q", h.Address())
	}
	if _, err := parseSSHG([]byte("port 99999\n"), "x", tokenEnv{}); err == nil {
		t.Error("port out of range accepted")
	}
}

const agreeConfig = `
Host nas
  HostName %h.lan
  User ops
  Port 2222
  IdentityFile ~/.ssh/nas_key
  IdentityFile /keys/%r@%h
  IdentitiesOnly yes
  ProxyJump bastion
  ServerAliveInterval 20
  ConnectTimeout 7
  UserKnownHostsFile ~/kh1 /tmp/kh2
  StrictHostKeyChecking accept-new

Host bastion
  HostName 192.0.2.1
  ProxyCommand ssh -W %h:%p gate

Host *
  User fallback
  StrictHostKeyChecking yes
  ServerAliveInterval 60
`

// TestResolversAgree: the built-in parser gives what `ssh -G` gives for
// the settings opsdeck uses.
func TestResolversAgree(t *testing.T) {
	ssh, err := exec.LookPath("ssh")
	if err != nil {
		t.Skip("no OpenSSH client to compare with")
	}
	home := t.TempDir()
	cfg := filepath.Join(home, "config")
	if err := os.WriteFile(cfg, []byte(agreeConfig), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, alias := range []string{"nas", "bastion", "other.example"} {
		a, err := (&Resolver{ConfigFile: cfg, SSHBinary: ssh, Home: home}).Resolve(context.Background(), alias)
		if err != nil {
			t.Fatal(err)
		}
		b, err := (&Resolver{ConfigFile: cfg, NoOpenSSH: true, Home: home}).Resolve(context.Background(), alias)
		if err != nil {
			t.Fatal(err)
		}
		if a.Source != "ssh -G" || b.Source != "ssh_config parser" {
			t.Fatalf("sources %q, %q", a.Source, b.Source)
		}
		// ssh -G lists more default identities; compare explicit ones.
		if alias != "nas" {
			a.IdentityFiles, b.IdentityFiles = nil, nil
		}
		// ssh expands ~ in known-hosts files with the real $HOME.
		a.UserKnownHostsFiles, b.UserKnownHostsFiles = nil, nil
		a.Source, b.Source = "", ""
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s:\nssh -G %+v\nparser %+v", alias, a, b)
		}
	}
}

func TestFallbackValues(t *testing.T) {
	home := t.TempDir()
	cfg := filepath.Join(home, "config")
	os.WriteFile(cfg, []byte(agreeConfig), 0o600)
	h, err := (&Resolver{ConfigFile: cfg, NoOpenSSH: true, Home: home}).Resolve(context.Background(), "nas")
	if err != nil {
		t.Fatal(err)
	}
	if h.HostName != "nas.lan" || h.User != "ops" || h.Port != 2222 || h.ProxyJump != "bastion" ||
		h.StrictHostKeyChecking != "accept-new" || h.ConnectTimeout != 7*time.Second || h.ServerAliveInterval != 20*time.Second {
		t.Errorf("%+v", h)
	}
	if want := []string{home + "/.ssh/nas_key", "/keys/ops@nas.lan"}; !reflect.DeepEqual(h.IdentityFiles, want) {
		t.Errorf("IdentityFiles = %q, want %q", h.IdentityFiles, want)
	}
	if want := []string{home + "/kh1", "/tmp/kh2"}; !reflect.DeepEqual(h.UserKnownHostsFiles, want) {
		t.Errorf("UserKnownHostsFiles = %q", h.UserKnownHostsFiles)
	}
	b, _ := (&Resolver{ConfigFile: cfg, NoOpenSSH: true, Home: home}).Resolve(context.Background(), "bastion")
	if b.ProxyCommand != "ssh -W 192.0.2.1:22 gate" {
		t.Errorf("ProxyCommand = %q", b.ProxyCommand)
	}
}

func TestFallbackRejectsMatchClearly(t *testing.T) {
	home := t.TempDir()
	cfg := filepath.Join(home, "config")
	os.WriteFile(cfg, []byte("Match exec \"test -e /tmp/x\"\n  User x\nHost nas\n  Port 2\n"), 0o600)
	_, err := (&Resolver{ConfigFile: cfg, NoOpenSSH: true, Home: home}).Resolve(context.Background(), "nas")
	if err == nil {
		t.Fatal("Match exec silently accepted")
	}
	for _, want := range []string{cfg, "cannot evaluate this Match form", "install openssh-client"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	// Match host is understood.
	os.WriteFile(cfg, []byte("Match host nas\n  Port 2022\n"), 0o600)
	h, err := (&Resolver{ConfigFile: cfg, NoOpenSSH: true, Home: home}).Resolve(context.Background(), "nas")
	if err != nil || h.Port != 2022 {
		t.Errorf("Match host: %v %+v", err, h)
	}
}

func TestResolveRejectsBadAlias(t *testing.T) {
	for _, alias := range []string{"", "-oProxyCommand=touch /tmp/x", "a b", "a;b", "$(x)"} {
		if _, err := (&Resolver{NoOpenSSH: true}).Resolve(context.Background(), alias); err == nil {
			t.Errorf("alias %q accepted", alias)
		}
	}
}

func TestTokenErrors(t *testing.T) {
	env := tokenEnv{home: "/h", host: "h", port: "22", user: "u", alias: "a", localUser: "l"}
	if got, err := env.expandPath("~/%n/%h:%p/%r/%u/%%"); err != nil || got != "/h/a/h:22/u/l/%" {
		t.Errorf("expand = %q, %v", got, err)
	}
	for _, bad := range []string{"%z", "trailing%"} {
		if _, err := env.expand(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	for in, want := range map[string]time.Duration{"30": 30 * time.Second, "1m30s": 90 * time.Second, "none": 0} {
		if got, err := seconds(in); err != nil || got != want {
			t.Errorf("seconds(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := seconds("-3"); err == nil {
		t.Error("negative time accepted")
	}
}

func TestListAliases(t *testing.T) {
	home := t.TempDir()
	os.MkdirAll(filepath.Join(home, ".ssh", "conf.d"), 0o700)
	os.WriteFile(filepath.Join(home, ".ssh", "config"), []byte(`# main
Include conf.d/*.conf
Host nas backup-*  !bad nas2
  HostName 10.0.0.1
Host=eq-host
Host "quoted host" *
Match host other
Host nas
Include ~/extra
`), 0o600)
	os.WriteFile(filepath.Join(home, ".ssh", "conf.d", "a.conf"), []byte("Host lab1 lab?\nInclude ~/.ssh/config\n"), 0o600)
	os.WriteFile(filepath.Join(home, "extra"), []byte("host extra1\n"), 0o600)
	got, err := listAliases("", home)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"lab1", "nas", "nas2", "eq-host", "quoted host", "extra1"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("aliases %q, want %q", got, want)
	}
	if got, err := listAliases(filepath.Join(home, "missing"), home); err != nil || got != nil {
		t.Errorf("missing file: %q, %v", got, err)
	}
}
