package demo

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"sync"

	"golang.org/x/crypto/ssh"
)

// Server is the demo SSH server: a real SSH endpoint on 127.0.0.1 backed
// by a Sim instead of a shell.
type Server struct {
	sim   *Sim
	ln    net.Listener
	cfg   *ssh.ServerConfig
	files clientFiles

	mu     sync.Mutex
	conns  map[net.Conn]struct{}
	closed bool
	done   chan struct{} // closed by Close
	wg     sync.WaitGroup
}

// Start runs the demo scenario (DemoHost) behind an SSH server on a free
// loopback port, and writes into dir the client key (0600), a known_hosts
// pinning the fresh host key, and an ssh_config defining Host
// opsdeck-demo. The server stops when ctx is done or Close is called.
func Start(ctx context.Context, dir string, clk Clock) (*Server, error) {
	return StartSim(ctx, dir, NewSim(DemoHost(clk.Now()), clk))
}

// StartSim is Start with a simulator of the caller's choosing.
func StartSim(ctx context.Context, dir string, sim *Sim) (*Server, error) {
	hostSigner, _, err := newSigner()
	if err != nil {
		return nil, err
	}
	clientSigner, clientKey, err := newSigner()
	if err != nil {
		return nil, err
	}
	allowed := clientSigner.PublicKey().Marshal()
	cfg := &ssh.ServerConfig{
		ServerVersion: "SSH-2.0-opsdeck-demo",
		PublicKeyCallback: func(c ssh.ConnMetadata, key ssh.PublicKey) (*ssh.Permissions, error) {
			if c.User() == demoUser && bytes.Equal(key.Marshal(), allowed) {
				return &ssh.Permissions{}, nil
			}
			return nil, fmt.Errorf("unknown key for user %q", c.User())
		},
	}
	cfg.AddHostKey(hostSigner)

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	files, err := writeClientFiles(dir, ln.Addr().String(), clientKey, hostSigner.PublicKey())
	if err != nil {
		ln.Close()
		return nil, err
	}
	s := &Server{sim: sim, ln: ln, cfg: cfg, files: files, conns: map[net.Conn]struct{}{},
		done: make(chan struct{})}
	s.wg.Add(1)
	go s.acceptLoop()
	go func() {
		select {
		case <-ctx.Done():
			s.Close()
		case <-s.done:
		}
	}()
	return s, nil
}

// Alias is the ssh_config Host to connect to: "opsdeck-demo".
func (s *Server) Alias() string { return Alias }

// ConfigFile is the ssh_config that defines Alias.
func (s *Server) ConfigFile() string { return s.files.config }

// KnownHostsFile is the known_hosts pinning the server's host key.
func (s *Server) KnownHostsFile() string { return s.files.knownHosts }

// IdentityFile is the client's private key.
func (s *Server) IdentityFile() string { return s.files.identity }

// Addr is the listening address, 127.0.0.1:PORT.
func (s *Server) Addr() string { return s.ln.Addr().String() }

// Sim is the simulated host behind the server.
func (s *Server) Sim() *Sim { return s.sim }

// Close stops accepting, drops every connection and waits for the
// handlers to return. It may be called more than once.
func (s *Server) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	close(s.done)
	err := s.ln.Close()
	for c := range s.conns {
		c.Close()
	}
	s.mu.Unlock()
	s.wg.Wait()
	return err
}

func (s *Server) acceptLoop() {
	defer s.wg.Done()
	for {
		nc, err := s.ln.Accept()
		if err != nil {
			return // the listener was closed
		}
		s.mu.Lock()
		if s.closed {
			s.mu.Unlock()
			nc.Close()
			return
		}
		s.conns[nc] = struct{}{}
		s.wg.Add(1)
		s.mu.Unlock()
		go s.serveConn(nc)
	}
}

func (s *Server) serveConn(nc net.Conn) {
	defer s.wg.Done()
	defer func() {
		s.mu.Lock()
		delete(s.conns, nc)
		s.mu.Unlock()
		nc.Close()
	}()
	sconn, chans, reqs, err := ssh.NewServerConn(nc, s.cfg)
	if err != nil {
		return // handshake or authentication failed
	}
	defer sconn.Close()
	go globalRequests(reqs)
	var sessions sync.WaitGroup
	defer sessions.Wait()
	for nch := range chans {
		switch nch.ChannelType() {
		case "session":
			sessions.Add(1)
			go func() {
				defer sessions.Done()
				s.session(nch)
			}()
		case "direct-tcpip":
			nch.Reject(ssh.Prohibited, "the opsdeck demo server forwards no connections")
		default:
			nch.Reject(ssh.UnknownChannelType, "unsupported channel type")
		}
	}
}

// globalRequests answers connection-level requests as OpenSSH's sshd
// does for ones it does not implement: with a failure reply. A
// keepalive@openssh.com only wants some reply to prove the link is up.
func globalRequests(reqs <-chan *ssh.Request) {
	for r := range reqs {
		if r.WantReply {
			r.Reply(false, nil)
		}
	}
}
