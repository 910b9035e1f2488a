package app

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"golang.org/x/crypto/ssh/knownhosts"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ops/config"
	"github.com/opsdeck/opsdeck/remote/sshtest"
)

// slowLinkRTT is the round-trip time the first-frame benchmark adds.
const slowLinkRTT = 80 * time.Millisecond

// slowHost puts a delay proxy in front of a real sshd and writes an
// ssh_config alias "slow" that goes through it.
func slowHost(b *testing.B) (srv *sshtest.Server, cfgFile string) {
	srv = sshtest.Start(b)
	srv.InstallZFSReplay(b, "../../testdata/zfs/2.3")
	proxy, err := sshtest.NewDelayProxy(srv.Addr(), slowLinkRTT)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { proxy.Close() })
	dir := b.TempDir()
	kh := filepath.Join(dir, "known_hosts")
	line := knownhosts.Line([]string{knownhosts.Normalize(proxy.Addr())}, srv.HostKey)
	if err := os.WriteFile(kh, []byte(line+"\n"), 0o600); err != nil {
		b.Fatal(err)
	}
	cfgFile = filepath.Join(dir, "ssh_config")
	cfg := fmt.Sprintf("Host slow\n  HostName 127.0.0.1\n  Port %d\n  User %s\n  IdentityFile %s\n  IdentitiesOnly yes\n  UserKnownHostsFile %s\n  StrictHostKeyChecking yes\n  ControlMaster no\n  ControlPath none\n",
		proxy.Port(), srv.User, srv.KeyFile, kh)
	if err := os.WriteFile(cfgFile, []byte(cfg), 0o600); err != nil {
		b.Fatal(err)
	}
	return srv, cfgFile
}

// BenchmarkFirstFrame measures, over a link with 80 ms of round-trip
// time, opsdeck's way from nothing to every pane's first read done
// (resolve ssh_config, connect, authenticate, probe, read everything) side
// by side with one plain `ssh slow zpool status -p` by the OpenSSH client
// through the same proxy. The target is opsdeck/ssh <= 1.3: connect once,
// then issue every read concurrently on the one connection.
func BenchmarkFirstFrame(b *testing.B) {
	if _, err := exec.LookPath("ssh"); err != nil {
		b.Skip("needs the OpenSSH client")
	}
	_, cfgFile := slowHost(b)
	o := Options{Alias: "slow", SSHConfig: cfgFile}
	hc := config.Default().ForHost("slow")
	b.Setenv("SSH_AUTH_SOCK", "") // key file auth for both clients, no agent detour
	var deck, plain time.Duration
	for i := 0; i < b.N; i++ {
		start := time.Now()
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		h, err := connect(ctx, o, hc, nil, nil)
		if err != nil {
			b.Fatal(err)
		}
		st := ops.Collect(ctx, h, time.Now())
		deck += time.Since(start)
		cancel()
		h.Runner.Close()
		if len(st.Errors) > 0 || len(st.Pools) == 0 {
			b.Fatalf("first read incomplete: %v", st.Errors)
		}

		start = time.Now()
		out, err := exec.Command("ssh", "-F", cfgFile, "slow", "zpool", "status", "-v", "-p").CombinedOutput()
		if err != nil {
			b.Fatalf("ssh: %v\n%s", err, out)
		}
		plain += time.Since(start)
	}
	n := float64(b.N)
	b.ReportMetric(float64(deck.Milliseconds())/n, "opsdeck-ms")
	b.ReportMetric(float64(plain.Milliseconds())/n, "ssh-ms")
	b.ReportMetric(float64(deck)/float64(plain), "ratio")
}
