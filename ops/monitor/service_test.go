package monitor

import (
	"context"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// TestCheckServiceReasons: each kind of failure is worded as the pane
// shows it. Requests go straight to loopback here; the SSH path is in the
// integration test.
func TestCheckServiceReasons(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + ln.Addr().String()
	ln.Close()

	ok := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer ok.Close()
	unavailable := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusServiceUnavailable)
	}))
	defer unavailable.Close()
	block := make(chan struct{})
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-block:
		case <-r.Context().Done():
		}
	}))
	defer slow.Close()
	defer close(block)
	tlsSrv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	// The refused handshake is the point; its server-side log line is noise.
	tlsSrv.Config.ErrorLog = log.New(io.Discard, "", 0)
	tlsSrv.StartTLS()
	defer tlsSrv.Close()

	cases := []struct {
		name, url, want string
		reachable       bool
	}{
		{"ok", ok.URL, "", true},
		{"refused", closed, ReasonRefused, false},
		{"status", unavailable.URL, "HTTP 503 Service Unavailable", false},
		{"timeout", slow.URL, ReasonTimeout, false},
		{"tls unknown authority", tlsSrv.URL, ReasonTLS + ": ", false},
		{"plain http to https", strings.Replace(ok.URL, "http:", "https:", 1), ReasonTLS + ": server does not speak TLS", false},
	}
	c := &http.Client{Timeout: 300 * time.Millisecond}
	for _, tc := range cases {
		st := CheckService(context.Background(), c, "svc", tc.url, "/")
		if st.Reachable != tc.reachable || !strings.HasPrefix(st.Reason, tc.want) || (tc.want == "" && st.Reason != "") {
			t.Errorf("%s: reachable %v reason %q, want %v %q", tc.name, st.Reachable, st.Reason, tc.reachable, tc.want)
		}
	}
}

// TestClassifyErrorNil: no error, no reason.
func TestClassifyErrorNil(t *testing.T) {
	if ClassifyError(nil) != "" {
		t.Fatal("reason for nil error")
	}
}
