package monitor

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ops/action"
	"github.com/opsdeck/opsdeck/remote"
)

var amPoolAlert = Alert{Name: "PoolDegraded", Labels: map[string]string{
	"alertname": "PoolDegraded", "instance": "nas1:9100", "pool": "tank", "severity": "critical", "job": "node"}}

func TestSilenceMatchers(t *testing.T) {
	var got []string
	for _, m := range SilenceMatchers(amPoolAlert) {
		got = append(got, m.String())
	}
	want := []string{`alertname="PoolDegraded"`, `instance="nas1:9100"`, `job="node"`, `pool="tank"`, `severity="critical"`}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("matchers %v, want %v", got, want)
	}
}

func TestSilenceActionValidation(t *testing.T) {
	h := &ops.Host{Name: "nas1", Runner: remote.NewLocal()}
	a := SilenceAction(h, "", amPoolAlert, 0, "", "  ")
	if err := a.Validate(); err == nil || !strings.Contains(err.Error(), "comment is required") {
		t.Errorf("empty comment: %v", err)
	}
	a = SilenceAction(h, "", amPoolAlert, 0, "", "disk swap")
	if err := a.Validate(); err != nil {
		t.Fatal(err)
	}
	if a.Danger != action.Change || !strings.Contains(a.Target, "PoolDegraded") || !strings.Contains(a.Title, "for 2h {") {
		t.Errorf("action %+v", a)
	}
	if got := a.Commands()[0].Argv; !reflect.DeepEqual(got, []string{"POST", "http://127.0.0.1:9093/api/v2/silences"}) {
		t.Errorf("argv %v", got)
	}
	if !strings.Contains(DefaultSilenceAuthor(), action.LocalUser()) {
		t.Errorf("author %q", DefaultSilenceAuthor())
	}
	for d, want := range map[time.Duration]string{90 * time.Minute: "1h30m", 30 * time.Minute: "30m", 45 * time.Second: "45s"} {
		if got := shortDuration(d); got != want {
			t.Errorf("shortDuration(%s) = %q", d, got)
		}
	}
	for _, id := range []string{"", "../status", "abc"} {
		if err := ExpireSilenceAction(h, "", id).Validate(); err == nil {
			t.Errorf("expire %q validated", id)
		}
	}
}

// fakeAM records the silence posted and answers like Alertmanager 0.25.
type fakeAM struct {
	mu   sync.Mutex
	body silenceBody
	code int
}

func (f *fakeAM) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	switch {
	case r.Method == http.MethodPost && r.URL.Path == "/api/v2/silences":
		data, _ := io.ReadAll(r.Body)
		if err := json.Unmarshal(data, &f.body); err != nil || r.Header.Get("Content-Type") != "application/json" {
			http.Error(w, "bad body", http.StatusBadRequest)
			return
		}
		if f.code != 0 {
			http.Error(w, `{"code":400,"message":"nope"}`, f.code)
			return
		}
		io.WriteString(w, `{"silenceID":"cdcedf5b-f50b-4916-a72c-5019aa0be222"}`)
	case r.URL.Path == "/api/v2/alerts":
		io.WriteString(w, `[{"labels":{"alertname":"PoolDegraded","instance":"nas1:9100","pool":"tank","severity":"critical","job":"node"},
			"status":{"state":"suppressed","silencedBy":["cdcedf5b-f50b-4916-a72c-5019aa0be222"],"inhibitedBy":[]}}]`)
	default:
		http.NotFound(w, r)
	}
}

func TestSilenceActionPosts(t *testing.T) {
	am := &fakeAM{}
	web := httptest.NewServer(am)
	defer web.Close()
	h := &ops.Host{Name: "nas1", Runner: remote.NewLocal()}
	exec := &action.Executor{Audit: amOpenAudit(t), User: "tester", Host: "nas1"}
	before := time.Now().UTC()
	res := exec.Run(context.Background(), SilenceAction(h, web.URL, amPoolAlert, 30*time.Minute, "ann@desk", "disk swap"), nil)
	if res.Err != nil || res.VerifyErr != nil {
		t.Fatalf("run: %v, verify: %v", res.Err, res.VerifyErr)
	}
	if data, err := os.ReadFile(exec.Audit.Path()); err != nil || !strings.Contains(string(data), "/api/v2/silences") {
		t.Errorf("audit log %q, %v", data, err)
	}
	if !strings.Contains(res.VerifyText, "silenced by cdcedf5b") {
		t.Errorf("verify %q", res.VerifyText)
	}
	am.mu.Lock()
	b := am.body
	am.mu.Unlock()
	if b.CreatedBy != "ann@desk" || b.Comment != "disk swap" || len(b.Matchers) != 5 || b.EndsAt.Sub(b.StartsAt) != 30*time.Minute || b.StartsAt.Before(before.Add(-time.Second)) {
		t.Errorf("posted %+v", b)
	}
	am.mu.Lock()
	am.code = http.StatusBadRequest
	am.mu.Unlock()
	res = exec.Run(context.Background(), SilenceAction(h, web.URL, amPoolAlert, 0, "", "x"), nil)
	if res.Err == nil || !strings.Contains(res.Err.Error(), "HTTP 400") {
		t.Errorf("rejected silence: %v", res.Err)
	}
}

func amOpenAudit(t *testing.T) *action.AuditLog {
	t.Helper()
	log, err := action.OpenAuditLog(t.TempDir() + "/audit/audit.log")
	if err != nil {
		t.Fatal(err)
	}
	return log
}
