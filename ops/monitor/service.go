package monitor

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"syscall"

	"golang.org/x/crypto/ssh"
)

// ServiceStatus says whether one monitoring service answered and, when it
// did not, why — the "monitoring of the monitoring" line of the pane.
type ServiceStatus struct {
	// Name is the service's display name ("Prometheus", "node_exporter").
	Name string
	// URL is the base URL that was tried, as seen from the host.
	URL string
	// Reachable is true when the service answered with a 2xx status.
	Reachable bool
	// Reason is empty when reachable, else one of the classes returned by
	// ClassifyError or "HTTP <code> <text>".
	Reason string
}

// Reasons a service is not reachable, as ClassifyError words them.
const (
	ReasonRefused = "connection refused"
	ReasonTimeout = "timeout"
	ReasonTLS     = "TLS"
)

// ClassifyError turns a request error into the short reason the pane shows:
// "connection refused", "timeout", "TLS: <detail>", or the error text for
// anything else. A refusal seen through SSH arrives as an OpenChannelError
// from sshd ("Connection refused"), not as ECONNREFUSED, so both are read.
func ClassifyError(err error) string {
	if err == nil {
		return ""
	}
	if errors.Is(err, syscall.ECONNREFUSED) {
		return ReasonRefused
	}
	var oce *ssh.OpenChannelError
	if errors.As(err, &oce) {
		if strings.Contains(strings.ToLower(oce.Message), "refused") {
			return ReasonRefused
		}
		return "ssh channel: " + oce.Message
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return ReasonTimeout
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return ReasonTimeout
	}
	if tlsDetail(err) != "" {
		return ReasonTLS + ": " + tlsDetail(err)
	}
	return err.Error()
}

// tlsDetail names the TLS failure in err, "" when err is not one.
func tlsDetail(err error) string {
	var rh tls.RecordHeaderError
	// net/http reports a plain-HTTP answer to an https URL only as text.
	if errors.As(err, &rh) || strings.Contains(err.Error(), "server gave HTTP response to HTTPS client") {
		return "server does not speak TLS"
	}
	var cv *tls.CertificateVerificationError
	if errors.As(err, &cv) {
		return cv.Err.Error()
	}
	var ua x509.UnknownAuthorityError
	if errors.As(err, &ua) {
		return ua.Error()
	}
	var hn x509.HostnameError
	if errors.As(err, &hn) {
		return hn.Error()
	}
	var ci x509.CertificateInvalidError
	if errors.As(err, &ci) {
		return ci.Error()
	}
	if strings.Contains(err.Error(), "tls: ") {
		return err.Error()
	}
	return ""
}

// StatusReason words a non-2xx HTTP answer, "" for a 2xx one.
func StatusReason(code int) string {
	if code >= 200 && code < 300 {
		return ""
	}
	return fmt.Sprintf("HTTP %d %s", code, http.StatusText(code))
}

// CheckService sends one GET to baseURL+path with c and says whether the
// service answered. The body is not read beyond what closing needs.
func CheckService(ctx context.Context, c *http.Client, name, baseURL, path string) ServiceStatus {
	st := ServiceStatus{Name: name, URL: baseURL}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimRight(baseURL, "/")+path, nil)
	if err != nil {
		st.Reason = "bad URL: " + err.Error()
		return st
	}
	resp, err := c.Do(req)
	if err != nil {
		st.Reason = ClassifyError(err)
		return st
	}
	resp.Body.Close()
	st.Reason = StatusReason(resp.StatusCode)
	st.Reachable = st.Reason == ""
	return st
}
