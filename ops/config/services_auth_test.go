package config

import (
	"reflect"
	"strings"
	"testing"
)

func TestServicesAuthMergesBlockByBlock(t *testing.T) {
	c, err := Load(write(t, `
[defaults.services_auth.prometheus]
bearer_token_command = ["pass", "show", "prom-token"]

[hosts.nas.services]
prometheus = "https://127.0.0.1:9090/prom"
[hosts.nas.services_auth.prometheus]
basic_user = "ops"
basic_password_command = ["pass", "show", "prom-basic"]
[hosts.nas.services_auth.alertmanager]
bearer_token_command = ["/usr/local/bin/am-token"]
`))
	if err != nil {
		t.Fatal(err)
	}
	nas := c.ForHost("nas")
	want := map[string]ServiceAuth{
		"prometheus":   {BasicUser: "ops", BasicPasswordCommand: []string{"pass", "show", "prom-basic"}},
		"alertmanager": {BearerTokenCommand: []string{"/usr/local/bin/am-token"}},
	}
	if !reflect.DeepEqual(nas.ServicesAuth, want) {
		t.Errorf("nas:\n got %+v\nwant %+v", nas.ServicesAuth, want)
	}
	if nas.Services["prometheus"] != "https://127.0.0.1:9090/prom" {
		t.Errorf("prefixed URL %q", nas.Services["prometheus"])
	}
	other := c.ForHost("other").ServicesAuth["prometheus"]
	if other.Method() != "bearer" || !reflect.DeepEqual(other.Command(), []string{"pass", "show", "prom-token"}) {
		t.Errorf("inherited %+v", other)
	}
	if got := nas.ServicesAuth["prometheus"]; got.Method() != "basic" || got.Command()[2] != "prom-basic" {
		t.Errorf("basic %+v", got)
	}
	if len(Default().ForHost("x").ServicesAuth) != 0 {
		t.Error("credentials without a file")
	}
}

func TestServicesAuthValidation(t *testing.T) {
	const sec = "[hosts.nas.services_auth.prometheus]\n"
	tests := []struct{ src, want string }{
		{sec + "bearer_token_command = [\"a\"]\nbasic_user = \"u\"\n",
			"F:2: hosts.nas.services_auth.prometheus.bearer_token_command: give either bearer_token_command or basic_user + basic_password_command, not both"},
		{sec + "basic_user = \"u\"\n", "F:1: hosts.nas.services_auth.prometheus: basic auth needs basic_password_command"},
		{sec + "basic_password_command = [\"p\"]\n", "F:1: hosts.nas.services_auth.prometheus.basic_user: basic auth needs a non-empty basic_user"},
		{sec + "basic_user = \"a:b\"\nbasic_password_command = [\"p\"]\n",
			`F:2: hosts.nas.services_auth.prometheus.basic_user: "a:b" contains a colon, which basic auth cannot carry`},
		{sec + "bearer_token_command = []\n",
			`F:2: hosts.nas.services_auth.prometheus.bearer_token_command: must be a command as an array, like ["pass", "show", "prom-token"]`},
		{sec + "bearer_token_command = [\"\"]\n",
			`F:2: hosts.nas.services_auth.prometheus.bearer_token_command: must be a command as an array, like ["pass", "show", "prom-token"]`},
		{sec + "bearer_token_command = \"pass show x\"\n",
			"F:2: hosts.nas.services_auth.prometheus.bearer_token_command: incompatible types: TOML value has type string; destination has type slice"},
		{sec + "bearer_token_command = [\"a\"]\ntoken = \"s3cret\"\n", "F:3: hosts.nas.services_auth.prometheus.token: unknown key"},
		{"[defaults.services_auth.grafana]\nbasic_user = \"u\"\n",
			"F:1: defaults.services_auth.grafana: unknown key (known services: alertmanager, node_exporter, prometheus)"},
		{"[defaults]\nservices_auth = 1\n", "F:2: defaults.services_auth: must be a table, like [defaults.services_auth]"},
		{"[defaults.services_auth]\nprometheus = 1\n", "F:2: defaults.services_auth.prometheus: must be a table, like [defaults.services_auth.prometheus]"},
	}
	for _, tt := range tests {
		path := write(t, tt.src)
		_, err := Load(path)
		if err == nil {
			t.Errorf("%q loaded", tt.src)
			continue
		}
		if got := strings.ReplaceAll(err.Error(), path, "F"); got != tt.want {
			t.Errorf("%q:\n got %s\nwant %s", tt.src, got, tt.want)
		}
	}
	// An empty block is also a mistake, not "no credentials".
	path := write(t, "[hosts.nas.services_auth.prometheus]\n")
	if _, err := Load(path); err == nil || !strings.Contains(err.Error(), "needs bearer_token_command") {
		t.Errorf("empty block: %v", err)
	}
}

func TestServiceURLsMayHaveAPathPrefix(t *testing.T) {
	for _, u := range []string{"http://127.0.0.1:9090/prometheus", "https://mon.example.com/am/", "http://[::1]:9100/node/metrics"} {
		if _, err := Load(write(t, "[defaults.services]\nprometheus = \""+u+"\"\n")); err != nil {
			t.Errorf("%s: %v", u, err)
		}
	}
}
