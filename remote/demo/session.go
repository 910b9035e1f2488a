package demo

import (
	"fmt"

	"golang.org/x/crypto/ssh"
)

// session serves one "session" channel: a single exec request runs a
// command on the Sim; there is no shell, no pty and no environment.
func (s *Server) session(nch ssh.NewChannel) {
	ch, reqs, err := nch.Accept()
	if err != nil {
		return
	}
	defer ch.Close()
	for req := range reqs {
		switch req.Type {
		case "exec":
			var payload struct{ Command string }
			if err := ssh.Unmarshal(req.Payload, &payload); err != nil {
				req.Reply(false, nil)
				continue
			}
			req.Reply(true, nil)
			go ssh.DiscardRequests(reqs)
			s.exec(ch, payload.Command)
			return
		case "shell":
			req.Reply(true, nil)
			go ssh.DiscardRequests(reqs)
			finish(ch, Output{Stderr: "opsdeck demo: this server runs single commands only; there is no shell\n", Code: 1})
			return
		default:
			// env, pty-req, subsystem, x11-req…: refused, as sshd refuses
			// what its configuration does not allow.
			if req.WantReply {
				req.Reply(false, nil)
			}
		}
	}
}

// exec runs one command line. The client quoted argv for a POSIX shell;
// Unquote reverses exactly that and refuses anything that would need a
// real shell to mean what it says.
func (s *Server) exec(ch ssh.Channel, line string) {
	argv, err := Unquote(line)
	if err != nil {
		finish(ch, Output{Stderr: fmt.Sprintf("opsdeck demo: cannot run %q: %v\n", line, err), Code: 127})
		return
	}
	finish(ch, s.sim.Run(argv))
}

// finish writes a command's output and exit status and ends the channel.
func finish(ch ssh.Channel, out Output) {
	ch.Write([]byte(out.Stdout))
	ch.Stderr().Write([]byte(out.Stderr))
	ch.SendRequest("exit-status", false, ssh.Marshal(struct{ Status uint32 }{uint32(out.Code)}))
	ch.CloseWrite()
}
