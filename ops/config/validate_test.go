package config

import (
	"path/filepath"
	"strings"
	"testing"
)

// Every error names the file, the line and the key.
func TestValidationErrors(t *testing.T) {
	tests := []struct {
		name, src string
		want      string // the error with the file's path as F
	}{
		{"syntax", "[defaults]\nsudo = \n", `F:2: defaults.sudo: expected value but found '\n' instead`},
		{"unknown top-level", "[defaults]\nsudo = true\n\n[defualts]\nsudo = true\n",
			`F:4: defualts: unknown key (the file has [defaults] and [hosts."ALIAS"] sections)`},
		{"unknown key", "[defaults]\n  sudoo = true\n", "F:2: defaults.sudoo: unknown key"},
		{"wrong case", "[hosts.nas]\nSudo = true\n", "F:2: hosts.nas.Sudo: unknown key (did you mean sudo?)"},
		{"theme per host", "[hosts.nas]\n\ntheme = \"dark\"\n", "F:3: hosts.nas.theme: unknown key (theme is global: set it under [defaults])"},
		{"unknown service", "[hosts.\"a.b\".services]\nprometheus = \"http://x:1\"\ngrafana = \"http://x:3000\"\n",
			`F:3: hosts."a.b".services.grafana: unknown key (known services: alertmanager, node_exporter, prometheus)`},
		{"unknown in inline table", "[hosts.nas]\nservices = { loki = \"http://x\" }\n",
			"F:2: hosts.nas.services.loki: unknown key (known services: alertmanager, node_exporter, prometheus)"},
		{"too deep", "[hosts.nas.sudo.x]\ny = 1\n", "F:1: hosts.nas.sudo: want true or false, got a table"},
		{"wrong type bool", "[defaults]\nread_only = \"yes\"\n", `F:2: defaults.read_only: want true or false, got the string "yes"`},
		{"wrong type int", "[defaults]\nscrub_warn_days = 3.5\n", "F:2: defaults.scrub_warn_days: want a whole number, got the number 3.5"},
		{"huge int", "[defaults]\nscrub_warn_days = 99999999999\n", "F:2: defaults.scrub_warn_days: 99999999999 is out of range"},
		{"wrong type string", "[defaults]\noutput = 1\n", "F:2: defaults.output: want a string, got the number 1"},
		{"duration without unit", "[hosts.nas]\nrefresh = 5\n", `F:2: hosts.nas.refresh: want a duration with a unit such as "5s", got the number 5`},
		{"bad duration", "[defaults]\nrefresh = \"soon\"\n", `F:2: defaults.refresh: "soon" is not a duration (write e.g. "5s", "1m30s")`},
		{"duration range", "[defaults]\nrefresh = \"100ms\"\n", "F:2: defaults.refresh: 100ms is outside 1s…1h"},
		{"duration range host", "[hosts.nas]\nrefresh = \"2h\"\n", "F:2: hosts.nas.refresh: 2h0m0s is outside 1s…1h"},
		{"enum output", "[defaults]\noutput = \"JSON\"\n", `F:2: defaults.output: "JSON" is not one of auto, json, text`},
		{"enum theme", "[defaults]\ntheme = \"solarized\"\n", `F:2: defaults.theme: "solarized" is not one of auto, dark, light, high-contrast`},
		{"days range", "[hosts.nas]\nscrub_warn_days = 0\n", "F:2: hosts.nas.scrub_warn_days: 0 is outside 1…3650"},
		{"percent range", "[defaults]\ncapacity_warn_percent = 101\n", "F:2: defaults.capacity_warn_percent: 101 is outside 1…100"},
		{"warn above crit", "[defaults]\ncapacity_warn_percent = 95\n",
			"F:2: defaults.capacity_warn_percent: capacity_warn_percent (95) must be below capacity_crit_percent (90)"},
		{"host crit below inherited warn", "[defaults]\ncapacity_warn_percent = 70\n[hosts.nas]\n# tight\ncapacity_crit_percent = 60\n",
			"F:5: hosts.nas.capacity_crit_percent: capacity_warn_percent (70) must be below capacity_crit_percent (60)"},
		{"bad url", "[defaults.services]\nprometheus = \"127.0.0.1:9090\"\n",
			`F:2: defaults.services.prometheus: "127.0.0.1:9090" is not an http:// or https:// URL`},
		{"table expected", "hosts = 5\n", "F:1: hosts: must be a table, like [hosts]"},
		{"table expected by decoder", "defaults = 5\n", "F:1: defaults: must be a table, like [defaults]"},
		{"host must be table", "[hosts]\nnas = true\n", "F:2: hosts.nas: must be a table, like [hosts.nas]"},
		{"services must be table", "[hosts.nas]\nservices = \"x\"\n", "F:2: hosts.nas.services: must be a table, like [hosts.nas.services]"},
		{"array of tables", "[[hosts]]\nsudo = true\n", "F:1: hosts: must be a table, like [hosts]"},
		{"empty alias", "[hosts.\"\"]\nsudo = true\n", `F:1: hosts."": empty host alias`},
		{"duplicate key", "[defaults]\nsudo = true\nsudo = false\n", `F:3: defaults.sudo: Key 'defaults.sudo' has already been defined.`},
		{"multi-line string does not confuse lines",
			"[defaults]\noutput = \"auto\"\n[hosts.nas]\n# a note\nreadonly = '''\nsudo = true\n'''\nbogus = 1\n",
			"F:5: hosts.nas.readonly: unknown key (did you mean read_only?)\nF:8: hosts.nas.bogus: unknown key"},
		{"several at once", "[defaults]\noutput = \"x\"\ntheme = \"y\"\n", `F:2: defaults.output: "x" is not one of auto, json, text` + "\n" +
			`F:3: defaults.theme: "y" is not one of auto, dark, light, high-contrast`},
	}
	for _, tt := range tests {
		path := write(t, tt.src)
		_, err := Load(path)
		if err == nil {
			t.Errorf("%s: no error", tt.name)
			continue
		}
		want := strings.ReplaceAll(tt.want, "F:", path+":")
		if err.Error() != want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, strings.ReplaceAll(err.Error(), filepath.Dir(path), "…"), tt.want)
		}
	}
}

func TestIndexLines(t *testing.T) {
	src := `# c
[defaults]
a = 1
"quoted.key" = 2
x.y . z = 3

[ hosts . "nas.lan" ]
s = """
b = 4
"""
'lit' = 5
arr = [
  "c = 6",
  { d = 7 },
]
[[list]]
e = 8
`
	idx := indexLines([]byte(src))
	for key, want := range map[string]int{
		"defaults": 2, "defaults.a": 3, `defaults."quoted.key"`: 4, "defaults.x": 5, "defaults.x.y.z": 5,
		"hosts": 7, `hosts."nas.lan"`: 7, `hosts."nas.lan".s`: 8, `hosts."nas.lan".lit`: 11, `hosts."nas.lan".arr`: 12,
		"list": 16, "list.e": 17,
	} {
		if got := idx[key]; got != want {
			t.Errorf("%s: line %d, want %d", key, got, want)
		}
	}
	for _, key := range []string{`hosts."nas.lan".b`, "c", `hosts."nas.lan".c = 6`} {
		if _, ok := idx[key]; ok {
			t.Errorf("%s indexed from inside a string", key)
		}
	}
	if got := idx.lineOf([]string{"hosts", "nas.lan", "arr", "d"}); got != 12 {
		t.Errorf("nested key falls back to line %d, want 12", got)
	}
	if got := idx.lineOf([]string{"nowhere"}); got != 0 {
		t.Errorf("unknown key on line %d", got)
	}
}

func FuzzLoad(f *testing.F) {
	f.Add("[defaults]\nsudo = true\n[hosts.\"a\".services]\nprometheus = \"http://x\"\n")
	f.Add("[hosts.x]\nrefresh = \"5s\"\ncapacity_warn_percent = 100\n")
	f.Add("a = '''\n[x]\n")
	f.Fuzz(func(t *testing.T, src string) {
		idx := indexLines([]byte(src))
		_ = idx.lineOf([]string{"a", "b"})
		c, err := parse("fuzz.toml", []byte(src))
		if err == nil {
			_ = c.ForHost("x")
		}
	})
}
