package monitor

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ops/action"
	"github.com/opsdeck/opsdeck/ops/config"
	"github.com/opsdeck/opsdeck/remote"
)

const testSecret = "s3cret-T0ken-never-shown"

// secretFile holds the secret the test command prints, so the command's
// argv (which errors may name) does not contain it.
func secretFile(t *testing.T, secret string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "secret")
	if err := os.WriteFile(path, []byte(secret+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// authServer answers 200 on /prefix/... only to the expected header.
func authServer(t *testing.T, want func(r *http.Request) bool, hits *atomic.Int32) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if !strings.HasPrefix(r.URL.Path, "/prefix/") {
			http.NotFound(w, r)
			return
		}
		if !want(r) {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		fmt.Fprint(w, "ok")
	}))
	t.Cleanup(srv.Close)
	return srv
}

func get(t *testing.T, c *http.Client, url string) (int, error) {
	t.Helper()
	resp, err := c.Get(url)
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}

func TestBearerAndBasicThroughRunner(t *testing.T) {
	r := remote.NewLocal()
	var hits atomic.Int32
	bearer := authServer(t, func(r *http.Request) bool { return r.Header.Get("Authorization") == "Bearer "+testSecret }, &hits)
	basic := authServer(t, func(r *http.Request) bool { u, p, ok := r.BasicAuth(); return ok && u == "ops" && p == testSecret }, &hits)
	file := secretFile(t, testSecret)
	tests := []struct {
		name  string
		url   string
		creds *Credentials
	}{
		{"bearer", bearer.URL, &Credentials{Method: AuthBearer, Command: []string{"cat", file}}},
		{"basic", basic.URL, &Credentials{Method: AuthBasic, User: "ops", Command: []string{"cat", file}}},
	}
	for _, tt := range tests {
		if code, err := get(t, HTTPClient(r, time.Second), tt.url+"/prefix/api"); err != nil || code != http.StatusUnauthorized {
			t.Errorf("%s without credentials: %d %v", tt.name, code, err)
		}
		if code, err := get(t, HTTPClientWith(r, time.Second, tt.creds), tt.url+"/prefix/api"); err != nil || code != http.StatusOK {
			t.Errorf("%s with credentials: %d %v", tt.name, code, err)
		}
		// The status check the readers use, under a path prefix.
		st := CheckService(WithCredentials(context.Background(), tt.creds), clientFor(WithCredentials(context.Background(), tt.creds), r),
			tt.name, tt.url+"/prefix/", "/api/v1/status/buildinfo")
		if !st.Reachable {
			t.Errorf("%s CheckService under a prefix: %+v", tt.name, st)
		}
		for _, s := range []string{fmt.Sprint(tt.creds), fmt.Sprintf("%+v", tt.creds), fmt.Sprintf("%#v", tt.creds)} {
			if strings.Contains(s, testSecret) {
				t.Errorf("%s: fmt shows the secret: %s", tt.name, s)
			}
		}
	}
}

func TestSecretIsCachedAndRefreshedOnceOn401(t *testing.T) {
	var hits atomic.Int32
	var current atomic.Value
	current.Store("old-token")
	srv := authServer(t, func(r *http.Request) bool { return r.Header.Get("Authorization") == "Bearer "+current.Load().(string) }, &hits)
	dir := t.TempDir()
	file := secretFile(t, "old-token")
	count := filepath.Join(dir, "runs")
	// The command counts its runs, to show the cache works.
	cmd := []string{"sh", "-c", `echo x >> "$1"; cat "$2"`, "sh", count, file}
	creds := &Credentials{Method: AuthBearer, Command: cmd}
	c := HTTPClientWith(remote.NewLocal(), time.Second, creds)
	for range 3 {
		if code, err := get(t, c, srv.URL+"/prefix/x"); err != nil || code != http.StatusOK {
			t.Fatalf("%d %v", code, err)
		}
	}
	runs := func() int { b, _ := os.ReadFile(count); return strings.Count(string(b), "x") }
	if runs() != 1 {
		t.Errorf("command ran %d times for 3 requests", runs())
	}
	// Rotation: the server wants a new token, the command now prints it.
	current.Store("new-token")
	if err := os.WriteFile(file, []byte("new-token\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	before := hits.Load()
	if code, err := get(t, c, srv.URL+"/prefix/x"); err != nil || code != http.StatusOK {
		t.Fatalf("after rotation: %d %v", code, err)
	}
	if runs() != 2 || hits.Load()-before != 2 {
		t.Errorf("rotation: %d runs, %d requests", runs(), hits.Load()-before)
	}
	// A secret the server keeps refusing: one retry at most, then the 401.
	current.Store("unobtainable")
	before = hits.Load()
	if code, err := get(t, c, srv.URL+"/prefix/x"); err != nil || code != http.StatusUnauthorized {
		t.Fatalf("refused: %d %v", code, err)
	}
	if n := hits.Load() - before; n != 1 {
		t.Errorf("%d requests for an unchanged secret, want 1", n)
	}
}

func TestSecretCommandFailures(t *testing.T) {
	var hits atomic.Int32
	srv := authServer(t, func(*http.Request) bool { return true }, &hits)
	tests := []struct {
		cmd  []string
		want string
	}{
		{[]string{"sh", "-c", "echo " + testSecret + "; echo " + testSecret + " >&2; exit 3"}, "exited with status 3"},
		{[]string{"sh", "-c", "true"}, "printed nothing"},
		{[]string{filepath.Join(t.TempDir(), "no-such-helper")}, "no such file"},
		{[]string{"sleep", "5"}, "did not finish within 200ms"},
	}
	for _, tt := range tests {
		creds := &Credentials{Method: AuthBearer, Command: tt.cmd, Timeout: 200 * time.Millisecond}
		_, err := get(t, HTTPClientWith(remote.NewLocal(), 2*time.Second, creds), srv.URL+"/prefix/x")
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), fmt.Sprintf("%q", tt.cmd[0])) {
			t.Errorf("%q: %v, want %q naming the command", tt.cmd, err, tt.want)
		}
		if err != nil && strings.Count(err.Error(), testSecret) > strings.Count(fmt.Sprintf("%q", tt.cmd), testSecret) {
			t.Errorf("%q: the command's output leaked into %v", tt.cmd, err)
		}
	}
	if hits.Load() != 0 {
		t.Errorf("%d requests went out without credentials", hits.Load())
	}
}

func TestSilenceActionCarriesCredentialsNotSecrets(t *testing.T) {
	var hits atomic.Int32
	srv := authServer(t, func(r *http.Request) bool { return r.Header.Get("Authorization") == "Bearer "+testSecret }, &hits)
	creds := &Credentials{Method: AuthBearer, Command: []string{"cat", secretFile(t, testSecret)}}
	h := &ops.Host{Name: "t", Runner: remote.NewLocal()}
	a := ActionWithCredentials(ExpireSilenceAction(h, srv.URL+"/prefix", "0b1c6d33-5e2f-4a8e-9a47-3f1f3a1e2b7c"), creds)
	// Reading the secret first puts it in the cache: previews must still
	// not show it.
	if _, err := get(t, HTTPClientWith(h.Runner, time.Second, creds), srv.URL+"/prefix/x"); err != nil {
		t.Fatal(err)
	}
	preview := fmt.Sprintf("%v %+v", a.Title, a.Commands())
	for _, s := range a.Steps {
		if len(s.Argv) != 2 || !strings.HasPrefix(s.Argv[1], srv.URL+"/prefix/api/v2/silence/") {
			t.Errorf("step argv %q: want method and URL", s.Argv)
		}
	}
	if strings.Contains(preview, testSecret) {
		t.Errorf("preview shows the secret: %s", preview)
	}
	var out strings.Builder
	env := action.StepEnv{Runner: h.Runner, Out: func(s string) { out.WriteString(s) }}
	before := hits.Load()
	if err := a.Steps[0].Do(context.Background(), env); err != nil || hits.Load()-before != 1 {
		t.Errorf("the step, sent with credentials: %v (%d requests)", err, hits.Load()-before)
	}
	// Without the wrapper the same step is refused: the test can fail.
	plain := ExpireSilenceAction(h, srv.URL+"/prefix", "0b1c6d33-5e2f-4a8e-9a47-3f1f3a1e2b7c")
	if err := plain.Steps[0].Do(context.Background(), env); err == nil || !strings.Contains(err.Error(), "401") {
		t.Errorf("the step without credentials: %v", err)
	} else if strings.Contains(err.Error(), testSecret) {
		t.Errorf("error shows the secret: %v", err)
	}
	if ActionWithCredentials(a, nil).Steps == nil {
		t.Error("nil credentials dropped the steps")
	}
}

func TestMetricsURL(t *testing.T) {
	for in, want := range map[string]string{
		"http://127.0.0.1:9100":                "http://127.0.0.1:9100/metrics",
		"http://127.0.0.1:9100/metrics":        "http://127.0.0.1:9100/metrics",
		"https://mon.example.com/node/":        "https://mon.example.com/node/metrics",
		"https://mon.example.com/node/metrics": "https://mon.example.com/node/metrics",
	} {
		if got := MetricsURL(in); got != want {
			t.Errorf("MetricsURL(%q) = %q", in, want)
		}
	}
}

func TestCredentialsForConfig(t *testing.T) {
	got := CredentialsFor(map[string]config.ServiceAuth{
		"prometheus":   {BearerTokenCommand: []string{"pass", "show", "p"}},
		"alertmanager": {BasicUser: "ops", BasicPasswordCommand: []string{"pass", "show", "a"}},
	})
	p, a := got["prometheus"], got["alertmanager"]
	if len(got) != 2 || p.Method != AuthBearer || p.Command[2] != "p" || a.Method != AuthBasic || a.User != "ops" || a.Command[2] != "a" {
		t.Errorf("%v", got)
	}
	if len(CredentialsFor(nil)) != 0 {
		t.Error("credentials from nothing")
	}
}
