package monitor

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/opsdeck/opsdeck/remote"
	"github.com/opsdeck/opsdeck/remote/sshtest"
)

// TestHTTPClientGoesThroughSSH: a request to the server's loopback address
// is carried by a direct-tcpip channel of a real sshd connection.
func TestHTTPClientGoesThroughSSH(t *testing.T) {
	web := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "ok "+r.URL.Path)
	}))
	defer web.Close()
	srv := sshtest.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	r, err := remote.DialSSH(ctx, remote.SSHOptions{Alias: srv.Alias, ConfigFile: srv.ConfigFile, NoAgent: true, Home: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	counted := &dialCounter{Runner: r}
	resp, err := HTTPClient(counted, 5*time.Second).Get(web.URL + "/api/v1/status/flags")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if string(body) != "ok /api/v1/status/flags" {
		t.Fatalf("body %q", body)
	}
	if counted.n == 0 {
		t.Fatal("the request did not go through the SSH connection's Dial")
	}
}

// dialCounter counts the connections opened through the runner.
type dialCounter struct {
	remote.Runner
	n int
}

func (d *dialCounter) Dial(ctx context.Context, network, addr string) (net.Conn, error) {
	d.n++
	return d.Runner.Dial(ctx, network, addr)
}
