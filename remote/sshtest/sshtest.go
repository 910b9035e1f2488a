// Package sshtest starts real OpenSSH sshd daemons on 127.0.0.1 for
// integration tests: each with a fresh host key, an authorized client
// key, a known_hosts file and an ssh_config alias, stopped when the test
// ends. It needs /usr/sbin/sshd (Debian package openssh-server) and skips
// the test when that is missing.
package sshtest

import (
	"bytes"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/knownhosts"
)

// SSHD is the daemon started.
const SSHD = "/usr/sbin/sshd"

// Server is one running sshd.
type Server struct {
	Alias      string        // ssh_config alias of this server, in ConfigFile
	ConfigFile string        // ssh_config holding HostBlock()
	KnownHosts string        // known_hosts holding this server's host key
	KeyFile    string        // unencrypted client private key the server accepts
	ClientKey  ssh.Signer    // the same key, parsed
	Port       int           // on 127.0.0.1
	HostKey    ssh.PublicKey // the server's ED25519 host key, in KnownHosts
	// OtherHostKey is an ECDSA host key the server also offers but which
	// KnownHosts does not list: a client must not let it cause a false
	// "changed key" (clients that prefer ECDSA would pick it).
	OtherHostKey ssh.PublicKey
	User         string // the login user (the one running the test)
	Dir          string // temp directory with everything above
	// BinDir comes first on the PATH of every remote command: put fake
	// zpool/zfs scripts here.
	BinDir string

	cmd    *exec.Cmd
	exited chan struct{} // closed once sshd was reaped
	logs   *syncBuffer
	once   sync.Once
}

// Start starts an sshd for t and stops it when t ends. It is safe to call
// from parallel tests.
func Start(t testing.TB) *Server {
	t.Helper()
	if _, err := os.Stat(SSHD); err != nil {
		t.Skipf("sshtest: %s not installed (apt-get install openssh-server)", SSHD)
	}
	u, err := user.Current()
	if err != nil {
		t.Fatalf("sshtest: current user: %v", err)
	}
	s := &Server{Dir: t.TempDir(), User: u.Username}
	s.BinDir = filepath.Join(s.Dir, "bin")
	s.KeyFile = filepath.Join(s.Dir, "id_ed25519")
	s.KnownHosts = filepath.Join(s.Dir, "known_hosts")
	s.ConfigFile = filepath.Join(s.Dir, "ssh_config")
	if err := os.Mkdir(s.BinDir, 0o755); err != nil {
		t.Fatal(err)
	}
	hostKey, err := writeKey(filepath.Join(s.Dir, "host_ed25519"), "", 0o600)
	if err != nil {
		t.Fatal(err)
	}
	s.HostKey = hostKey.PublicKey()
	ecKey, err := writeECDSAKey(filepath.Join(s.Dir, "host_ecdsa"))
	if err != nil {
		t.Fatal(err)
	}
	s.OtherHostKey = ecKey.PublicKey()
	if s.ClientKey, err = writeKey(s.KeyFile, "", 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(s.Dir, "authorized_keys"), ssh.MarshalAuthorizedKey(s.ClientKey.PublicKey()), 0o600); err != nil {
		t.Fatal(err)
	}
	// sshd reads this at every login, so TrustUserCA works on a running server.
	if err := os.WriteFile(filepath.Join(s.Dir, "user_ca.pub"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	// Privilege separation needs this directory when sshd runs as root.
	if os.Geteuid() == 0 {
		_ = os.MkdirAll("/run/sshd", 0o755)
	}
	var lastErr error
	for try := 0; try < 5; try++ {
		if lastErr = s.start(); lastErr == nil {
			break
		}
	}
	if lastErr != nil {
		t.Fatalf("sshtest: %v", lastErr)
	}
	t.Cleanup(func() {
		s.Stop()
		if t.Failed() {
			t.Logf("sshd %s log:\n%s", s.Alias, s.logs.String())
		}
	})
	s.Alias = fmt.Sprintf("sshtest%d", s.Port)
	if err := os.WriteFile(s.KnownHosts, []byte(s.KnownHostsLine()+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(s.ConfigFile, []byte(s.HostBlock()), 0o600); err != nil {
		t.Fatal(err)
	}
	return s
}

// Addr is "127.0.0.1:PORT".
func (s *Server) Addr() string { return fmt.Sprintf("127.0.0.1:%d", s.Port) }

// KnownHostsLine is this server's line for a known_hosts file.
func (s *Server) KnownHostsLine() string {
	return knownhosts.Line([]string{knownhosts.Normalize(s.Addr())}, s.HostKey)
}

// HostBlock is the ssh_config block for Alias. extra lines come first in
// the block, so they win over the defaults (ssh takes the first value):
// e.g. "ProxyJump other", "UserKnownHostsFile /tmp/x".
func (s *Server) HostBlock(extra ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Host %s\n", s.Alias)
	for _, l := range extra {
		fmt.Fprintf(&b, "  %s\n", l)
	}
	fmt.Fprintf(&b, "  HostName 127.0.0.1\n  Port %d\n  User %s\n  IdentityFile %s\n  IdentitiesOnly yes\n  UserKnownHostsFile %s\n  StrictHostKeyChecking yes\n  ConnectTimeout 10\n",
		s.Port, s.User, s.KeyFile, s.KnownHosts)
	return b.String()
}

// start picks a free port and starts sshd on it; it fails when another
// process took the port in between, and Start tries again.
func (s *Server) start() error {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	s.Port = ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	cfg := filepath.Join(s.Dir, "sshd_config")
	if err := os.WriteFile(cfg, []byte(s.sshdConfig()), 0o600); err != nil {
		return err
	}
	s.logs = &syncBuffer{}
	s.cmd = exec.Command(SSHD, "-D", "-e", "-f", cfg)
	s.cmd.Stdout, s.cmd.Stderr = s.logs, s.logs
	if err := s.cmd.Start(); err != nil {
		return err
	}
	exited := make(chan struct{})
	s.exited = exited
	go func() { s.cmd.Wait(); close(exited) }()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case <-exited:
			return fmt.Errorf("sshd exited at start:\n%s", s.logs.String())
		default:
		}
		if c, err := net.DialTimeout("tcp", s.Addr(), time.Second); err == nil {
			c.SetReadDeadline(time.Now().Add(2 * time.Second))
			banner := make([]byte, 4)
			_, rerr := c.Read(banner)
			c.Close()
			if rerr == nil && string(banner) == "SSH-" {
				return nil
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	killTree(s.cmd.Process.Pid, true)
	<-exited
	return fmt.Errorf("sshd did not answer on %s:\n%s", s.Addr(), s.logs.String())
}

// sshdConfig is the daemon's configuration. SHLVL=1 keeps the login
// shell from sourcing ~/.bashrc (bash does that for sshd-started shells
// at level 1 only): a developer's rc file, such as one running `pyenv
// rehash` behind a lock, must not be able to stall every remote command.
func (s *Server) sshdConfig() string {
	path := s.BinDir + ":/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
	return fmt.Sprintf(`Port %d
ListenAddress 127.0.0.1
HostKey %s
HostKey %s
PidFile %s
AuthorizedKeysFile %s
TrustedUserCAKeys %s
StrictModes no
UsePAM no
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
AllowTcpForwarding yes
MaxStartups 100
LogLevel VERBOSE
SetEnv PATH=%s SHLVL=1
`, s.Port, filepath.Join(s.Dir, "host_ecdsa"), filepath.Join(s.Dir, "host_ed25519"), filepath.Join(s.Dir, "sshd.pid"),
		filepath.Join(s.Dir, "authorized_keys"), filepath.Join(s.Dir, "user_ca.pub"), path)
}

// Stop ends sshd and every connection it serves. Called on cleanup.
// It is safe to call more than once: only the first call signals, so a
// recycled process id is never hit.
func (s *Server) Stop() {
	s.once.Do(func() {
		if s.cmd == nil || s.cmd.Process == nil {
			return
		}
		killTree(s.cmd.Process.Pid, true)
		<-s.exited
	})
}

// KillConnections cuts every live connection (kills sshd's per-connection
// processes and the commands they run) while the server keeps listening.
func (s *Server) KillConnections() {
	select {
	case <-s.exited:
		return // stopped: its pid may belong to someone else now
	default:
	}
	killTree(s.cmd.Process.Pid, false)
}

// Logs is what sshd wrote so far (it runs with -e, LogLevel VERBOSE).
func (s *Server) Logs() string { return s.logs.String() }

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
