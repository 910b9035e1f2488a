// Package monitortest starts the real monitoring services from Debian's
// packages (prometheus, prometheus-node-exporter) for tests: each on a free
// 127.0.0.1 port with a temp config and data dir, stopped when the test
// ends. A test whose binary is missing is skipped with the apt package to
// install.
package monitortest

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"sync"
	"testing"
	"time"
)

// Binaries from the Debian packages.
const (
	PrometheusBin   = "/usr/bin/prometheus"
	NodeExporterBin = "/usr/bin/prometheus-node-exporter"
)

// readyTimeout bounds how long a service may take to answer after start; a
// fresh Prometheus on a busy 2-core machine needs a few seconds.
const readyTimeout = 60 * time.Second

// Service is one running service.
type Service struct {
	// Addr is host:port on 127.0.0.1.
	Addr string
	// URL is "http://" + Addr.
	URL string
	// Dir is the service's temp directory (config, data).
	Dir string

	cmd  *exec.Cmd
	logs *syncBuffer
	done chan struct{}
	once sync.Once
}

// FreeAddr returns a 127.0.0.1 address with a port nothing listens on now.
// Another process could take it before it is used; tests accept that.
func FreeAddr(t testing.TB) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("monitortest: free port: %v", err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// start runs bin with args, stops it when t ends and waits until GET
// readyPath answers 200.
func start(t testing.TB, bin, pkg, addr, dir, readyPath string, args ...string) *Service {
	t.Helper()
	if _, err := os.Stat(bin); err != nil {
		t.Skipf("monitortest: %s not installed (apt-get install %s)", bin, pkg)
	}
	s := &Service{Addr: addr, URL: "http://" + addr, Dir: dir, logs: &syncBuffer{}, done: make(chan struct{})}
	s.cmd = exec.Command(bin, args...)
	s.cmd.Dir = dir
	s.cmd.Stdout = s.logs
	s.cmd.Stderr = s.logs
	if err := s.cmd.Start(); err != nil {
		t.Fatalf("monitortest: start %s: %v", bin, err)
	}
	go func() { s.cmd.Wait(); close(s.done) }()
	t.Cleanup(s.Stop)
	if err := s.waitReady(readyPath); err != nil {
		t.Fatalf("monitortest: %s not ready: %v\n%s", bin, err, s.logs.String())
	}
	return s
}

// waitReady polls readyPath until it answers 200, the process exits or
// readyTimeout passes.
func (s *Service) waitReady(path string) error {
	ctx, cancel := context.WithTimeout(context.Background(), readyTimeout)
	defer cancel()
	c := &http.Client{Timeout: 2 * time.Second}
	for {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, s.URL+path, nil)
		resp, err := c.Do(req)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
			err = fmt.Errorf("HTTP %d", resp.StatusCode)
		}
		select {
		case <-s.done:
			return fmt.Errorf("exited: %v", s.cmd.ProcessState)
		case <-ctx.Done():
			return fmt.Errorf("%v (last: %v)", ctx.Err(), err)
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// Stop kills the service and waits for it; safe to call more than once.
// Tests call it to make a service unreachable on purpose.
func (s *Service) Stop() {
	s.once.Do(func() {
		s.cmd.Process.Kill()
		<-s.done
	})
}

// Logs returns what the service printed, for failure messages.
func (s *Service) Logs() string { return s.logs.String() }

// syncBuffer is a bytes.Buffer safe for the process' writes and our reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}
