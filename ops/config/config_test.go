package config

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

func write(t *testing.T, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLoadMissingFileGivesDefaults(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nope", "config.toml")
	c, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if c.Found || c.Path != path || c.Theme != "auto" {
		t.Errorf("config %+v", c)
	}
	want := HostConfig{Alias: "any", Refresh: 5 * time.Second, Output: OutputAuto, ScrubWarnDays: 35,
		CapacityWarnPercent: 80, CapacityCritPercent: 90, Services: map[string]string{},
		Network: NetworkConfig{IPerf3Port: DefaultIPerf3Port}, Backup: defaultBackup()}
	if got := c.ForHost("any"); !reflect.DeepEqual(got, want) {
		t.Errorf("ForHost\n got %+v\nwant %+v", got, want)
	}
	if len(c.Hosts()) != 0 {
		t.Errorf("hosts %v", c.Hosts())
	}
}

func TestLoadUnreadableIsAnError(t *testing.T) {
	if _, err := Load(t.TempDir()); err == nil {
		t.Error("a directory loaded as a config file")
	}
}

func TestForHostMerges(t *testing.T) {
	c, err := Load(write(t, `
[defaults]
sudo = true
refresh = "10s"
theme = "light"
[defaults.services]
prometheus = "http://127.0.0.1:9090"
alertmanager = "http://127.0.0.1:9093"

[hosts.nas]
sudo = false
scrub_warn_days = 7
services.alertmanager = "https://am.internal:9443"

[hosts."db.example.com"]
read_only = true
output = "text"
capacity_crit_percent = 99
`))
	if err != nil {
		t.Fatal(err)
	}
	if !c.Found || c.Theme != "light" {
		t.Errorf("config %+v", c)
	}
	if got, want := c.Hosts(), []string{"db.example.com", "nas"}; !slices.Equal(got, want) {
		t.Errorf("hosts %v, want %v", got, want)
	}
	nas := c.ForHost("nas")
	want := HostConfig{Alias: "nas", Refresh: 10 * time.Second, Sudo: false, Output: OutputAuto, ScrubWarnDays: 7,
		CapacityWarnPercent: 80, CapacityCritPercent: 90,
		Services: map[string]string{"prometheus": "http://127.0.0.1:9090", "alertmanager": "https://am.internal:9443"},
		Network:  NetworkConfig{IPerf3Port: DefaultIPerf3Port}, Backup: defaultBackup()}
	if !reflect.DeepEqual(nas, want) {
		t.Errorf("nas\n got %+v\nwant %+v", nas, want)
	}
	db := c.ForHost("db.example.com")
	if !db.ReadOnly || !db.Sudo || db.Output != OutputText || db.CapacityCritPercent != 99 || db.ScrubWarnDays != 35 ||
		db.Services["alertmanager"] != "http://127.0.0.1:9093" {
		t.Errorf("db %+v", db)
	}
	// A host's overrides must not leak into the defaults or other hosts.
	if other := c.ForHost("other"); other.Sudo != true || other.Services["alertmanager"] != "http://127.0.0.1:9093" {
		t.Errorf("other %+v", other)
	}
	nas.Services["x"] = "mutated"
	if _, ok := c.ForHost("nas").Services["x"]; ok {
		t.Error("ForHost returned a shared map")
	}
}

func TestDefaultPath(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", "/xdg/conf")
	if p, err := DefaultPath(); err != nil || p != "/xdg/conf/opsdeck/config.toml" {
		t.Errorf("with XDG_CONFIG_HOME: %q %v", p, err)
	}
	for _, v := range []string{"", "rel"} {
		t.Setenv("XDG_CONFIG_HOME", v)
		t.Setenv("HOME", "/home/bob")
		if p, err := DefaultPath(); err != nil || p != "/home/bob/.config/opsdeck/config.toml" {
			t.Errorf("XDG_CONFIG_HOME=%q: %q %v", v, p, err)
		}
	}
}

func TestExampleFileLoadsCleanly(t *testing.T) {
	path := filepath.Join("..", "..", "docs", "opsdeck.example.toml")
	c, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if !c.Found {
		t.Fatal("example file not found")
	}
	// The example documents the built-in defaults: they must agree.
	d := c.Defaults
	d.Services = nil
	b := builtin()
	b.Services = nil
	if !reflect.DeepEqual(d, b) || c.Theme != Default().Theme {
		t.Errorf("example [defaults] %+v (theme %q) differ from built-ins %+v", d, c.Theme, b)
	}
	if nas := c.ForHost("nas"); !nas.Sudo || len(nas.Services) != 3 {
		t.Errorf("nas %+v", nas)
	}
	// Every key the schema knows appears in the example, documented.
	data, _ := os.ReadFile(path)
	keys := append(append(append(slices.Clone(layerKeys), "theme"), knownServices...), "link_mbps", "rtt_ms", "iperf3_port", "name", "address")
	keys = append(append(append(keys, backupKeys...), resticKeys...), authKeys...)
	for _, k := range keys {
		if !strings.Contains(string(data), "\n"+k+" = ") && k != "services" && k != "network" && k != "peers" && k != "backup" && k != "restic" && k != "services_auth" {
			t.Errorf("example does not show %s", k)
		}
	}
	lines := strings.Split(string(data), "\n")
	for i, line := range lines {
		if line != "" && line[0] != '#' && (i == 0 || !strings.HasPrefix(lines[i-1], "#")) {
			t.Errorf("line %d %q has no comment above it", i+1, line)
		}
	}
}

func TestErrorsAreSortedAndUnwrap(t *testing.T) {
	_, err := Load(write(t, "[defaults]\nsudo = 1\n"))
	var e *Error
	if !errors.As(err, &e) || e.Key != "defaults.sudo" || e.Line != 2 {
		t.Fatalf("err %#v", err)
	}
	_, err = Load(write(t, "[defaults]\nscrub_warn_days = 0\nrefresh = \"0s\"\n[hosts.a]\nbogus = 1\n"))
	var es Errors
	if !errors.As(err, &es) || len(es) != 3 {
		t.Fatalf("err %v", err)
	}
	for i, want := range []int{2, 3, 5} {
		if es[i].Line != want {
			t.Errorf("error %d on line %d, want %d", i, es[i].Line, want)
		}
	}
	if !errors.As(err, &e) {
		t.Error("errors.As cannot find an *Error in Errors")
	}
}
