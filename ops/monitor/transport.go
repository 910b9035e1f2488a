// Package monitor reads the host's monitoring stack — Prometheus,
// Alertmanager and node_exporter — through the SSH connection: every HTTP
// request travels over a direct-tcpip channel of the host's Runner, so
// nothing needs a port exposed beyond the server's loopback.
package monitor

import (
	"context"
	"net"
	"net/http"
	"time"

	"github.com/opsdeck/opsdeck/remote"
)

// DefaultTimeout bounds one HTTP request to a monitoring service.
const DefaultTimeout = 10 * time.Second

// HTTPClient is an http.Client whose connections are opened from the far
// side of r (remote.Runner.Dial), so "http://127.0.0.1:9090" means the
// host's own loopback. Proxies from this machine's environment are never
// used: the request must not leave through anything but the connection.
func HTTPClient(r remote.Runner, timeout time.Duration) *http.Client {
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	tr := &http.Transport{
		Proxy: nil,
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			return r.Dial(ctx, network, addr)
		},
		ForceAttemptHTTP2:     false,
		MaxIdleConnsPerHost:   2,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   timeout,
		ResponseHeaderTimeout: timeout,
	}
	return &http.Client{Transport: tr, Timeout: timeout}
}
