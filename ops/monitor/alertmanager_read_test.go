package monitor

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/remote"
)

// TestReadAlertmanagerReasons: each way of not answering is worded for
// the pane, and a failed read after the status is a problem, not a
// verdict of unreachable.
func TestReadAlertmanagerReasons(t *testing.T) {
	release := make(chan struct{})
	web := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case strings.HasPrefix(r.URL.Path, "/slow/"):
			select {
			case <-release:
			case <-r.Context().Done():
			}
		case strings.HasPrefix(r.URL.Path, "/broken/"):
			http.Error(w, "boom", http.StatusInternalServerError)
		case strings.HasPrefix(r.URL.Path, "/html/"):
			io.WriteString(w, "<html>not alertmanager</html>")
		case r.URL.Path == "/partial/api/v2/status":
			w.Write(amFixture(t, "alertmanager_v2_status.json"))
		case r.URL.Path == "/partial/api/v2/alerts":
			w.Write(amFixture(t, "alertmanager_v2_alerts.json"))
		default:
			http.NotFound(w, r)
		}
	}))
	defer web.Close()
	defer close(release)
	h := &ops.Host{Name: "local", Runner: remote.NewLocal()}

	st := ReadAlertmanager(context.Background(), h, web.URL+"/broken", time.Now())
	if st.Service.Reachable || st.Service.Reason != "HTTP 500 Internal Server Error" {
		t.Errorf("broken: %+v", st.Service)
	}
	st = ReadAlertmanager(context.Background(), h, web.URL+"/html", time.Now())
	if st.Service.Reachable || !strings.Contains(st.Service.Reason, "alertmanager status") {
		t.Errorf("html: %+v", st.Service)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	begin := time.Now()
	st = ReadAlertmanager(ctx, h, web.URL+"/slow", time.Now())
	if st.Service.Reachable || st.Service.Reason != ReasonTimeout || time.Since(begin) > 5*time.Second {
		t.Errorf("slow: %+v after %s", st.Service, time.Since(begin))
	}
	st = ReadAlertmanager(context.Background(), h, web.URL+"/partial", time.Now())
	if !st.Service.Reachable || len(st.Groups) != 2 || len(st.Problems) != 2 ||
		!strings.Contains(st.Problems[0], "/api/v2/silences: HTTP 404") {
		t.Errorf("partial: %+v", st)
	}
}
