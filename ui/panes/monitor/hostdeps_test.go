package monitor

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ops/monitor"
	"github.com/opsdeck/opsdeck/remote"
)

// A node_exporter behind a prefix and a bearer token is read with the
// host's credentials and refused without them.
func TestHostDepsPassCredentials(t *testing.T) {
	const token = "tok-9f2"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/node/metrics" {
			http.NotFound(w, r)
			return
		}
		if r.Header.Get("Authorization") != "Bearer "+token {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		fmt.Fprintln(w, "# TYPE node_scrape_collector_success gauge")
		fmt.Fprintln(w, `node_scrape_collector_success{collector="zfs"} 1`)
	}))
	defer srv.Close()
	file := filepath.Join(t.TempDir(), "tok")
	if err := os.WriteFile(file, []byte(token+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	services := map[string]string{"node_exporter": srv.URL + "/node", "prometheus": "http://127.0.0.1:1", "alertmanager": "http://127.0.0.1:1"}
	auth := map[string]*monitor.Credentials{"node_exporter": {Method: monitor.AuthBearer, Command: []string{"cat", file}}}
	h := &ops.Host{Name: "t", Runner: remote.NewLocal()}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()

	st := HostDepsWithAuth(services, auth).Read(ctx, h, time.Now())
	if !st.NodeExporter.Service.Reachable || !st.NodeExporter.ZFS.CollectorRunning {
		t.Errorf("with credentials: %+v", st.NodeExporter)
	}
	st = HostDeps(services).Read(ctx, h, time.Now())
	if st.NodeExporter.Service.Reachable || !strings.Contains(st.NodeExporter.Service.Reason, "401") {
		t.Errorf("without credentials: %+v", st.NodeExporter)
	}
}
