package sshtest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/knownhosts"
)

func dial(t *testing.T, s *Server) *ssh.Client {
	t.Helper()
	cb, err := knownhosts.New(s.KnownHosts)
	if err != nil {
		t.Fatal(err)
	}
	c, err := ssh.Dial("tcp", s.Addr(), &ssh.ClientConfig{
		User:              s.User,
		Auth:              []ssh.AuthMethod{ssh.PublicKeys(s.ClientKey)},
		HostKeyCallback:   cb,
		HostKeyAlgorithms: []string{ssh.KeyAlgoED25519},
		Timeout:           10 * time.Second,
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

func TestFakeToolFirstOnPATH(t *testing.T) {
	t.Parallel()
	s := Start(t)
	script := "#!/bin/sh\necho \"fake zpool $*\"\n"
	if err := os.WriteFile(filepath.Join(s.BinDir, "zpool"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	sess, err := dial(t, s).NewSession()
	if err != nil {
		t.Fatal(err)
	}
	out, err := sess.Output("zpool status -p")
	if err != nil || string(out) != "fake zpool status -p\n" {
		t.Fatalf("output %q, %v", out, err)
	}
}

func TestKillConnectionsKeepsListening(t *testing.T) {
	t.Parallel()
	s := Start(t)
	c := dial(t, s)
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- sess.Run("sleep 30") }()
	time.Sleep(300 * time.Millisecond)
	s.KillConnections()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("session survived KillConnections")
	}
	// A new connection works.
	sess2, err := dial(t, s).NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if out, err := sess2.Output("echo again"); err != nil || strings.TrimSpace(string(out)) != "again" {
		t.Fatalf("after kill: %q %v", out, err)
	}
	s.Stop()
	s.Stop() // idempotent
	s.KillConnections()
}
