package remote

import (
	"errors"
	"fmt"
	"strings"

	"golang.org/x/crypto/ssh/knownhosts"
)

// ErrHostKeyUnknown matches (errors.Is) a *HostKeyUnknownError.
var ErrHostKeyUnknown = errors.New("host key is not known")

// HostKeyUnknownError: the host is not in known_hosts and its key was not
// accepted (StrictHostKeyChecking=yes, the operator said no, or nobody
// could be asked).
type HostKeyUnknownError struct {
	Alias       string
	Host        string // as written in known_hosts, e.g. "[10.0.0.5]:2222"
	KeyType     string // "ED25519"
	Fingerprint string // "SHA256:..."
	Reason      string
}

// Error says which host, which key, and why it was not accepted.
func (e *HostKeyUnknownError) Error() string {
	return fmt.Sprintf("host key of %s is not known (%s key fingerprint %s) and was not accepted: %s",
		e.Host, e.KeyType, e.Fingerprint, e.Reason)
}

// Is matches ErrHostKeyUnknown.
func (e *HostKeyUnknownError) Is(target error) bool { return target == ErrHostKeyUnknown }

// HostKeyChangedError: known_hosts has a different key for this host.
// The connection is refused; there is no override.
type HostKeyChangedError struct {
	Host           string // host:port that was checked
	KnownHostsName string // the name as known_hosts writes it
	KeyType        string // type of the key the server sent
	Fingerprint    string // fingerprint of the key the server sent
	File           string // the UserKnownHostsFile to fix
	Known          []knownhosts.KnownKey
}

// Error is the warning OpenSSH prints, multi-line, so an operator sees
// the same words they know.
func (e *HostKeyChangedError) Error() string {
	var b strings.Builder
	b.WriteString("@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\n")
	b.WriteString("@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\n")
	b.WriteString("@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\n")
	b.WriteString("IT IS POSSIBLE THAT SOMEONE IS DOING SOMETHING NASTY!\n")
	b.WriteString("Someone could be eavesdropping on you right now (man-in-the-middle attack)!\n")
	b.WriteString("It is also possible that a host key has just been changed.\n")
	fmt.Fprintf(&b, "The fingerprint for the %s key sent by the remote host is\n%s.\n", e.KeyType, e.Fingerprint)
	b.WriteString("Please contact your system administrator.\n")
	if e.File != "" {
		fmt.Fprintf(&b, "Add correct host key in %s to get rid of this message.\n", e.File)
	}
	for _, k := range e.Known {
		fmt.Fprintf(&b, "Offending %s key in %s:%d\n", keyTypeName(k.Key), k.Filename, k.Line)
	}
	fmt.Fprintf(&b, "Host key for %s has changed and you have requested strict checking.\n", e.KnownHostsName)
	b.WriteString("Host key verification failed.")
	return b.String()
}
