package iperf

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestParseVersion(t *testing.T) {
	v, err := ParseVersion(fixture(t, "version_3.12.txt"))
	if err != nil || v.Major != 3 || v.Minor != 12 || v.Raw != "iperf 3.12 (cJSON 1.7.15)" || v.HasJSONStream() {
		t.Errorf("3.12 capture: %+v %v", v, err)
	}
	for in, want := range map[string]string{
		"iperf 3.17.1 (cJSON 1.7.15)\nLinux x\n": "3.17.1",
		"iperf 3.9\n":                            "3.9",
		"\niperf 3.1.3\n":                        "3.1.3",
	} {
		v, err := ParseVersion(in)
		if err != nil || v.String() != want {
			t.Errorf("%q: %v %v, want %s", in, v, err, want)
		}
	}
	if v, _ := ParseVersion("iperf 3.17.1"); !v.HasJSONStream() {
		t.Error("3.17 must have --json-stream")
	}
	for _, bad := range []string{"", "iperf version 2.1.8", "bash: iperf3: command not found", "iperf 99999.1"} {
		if _, err := ParseVersion(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestNewPlan(t *testing.T) {
	v312 := Version{Major: 3, Minor: 12, Raw: "iperf 3.12"}
	v317 := Version{Major: 3, Minor: 17, Patch: 1}
	p, err := NewPlan(Spec{Target: "10.0.0.2", TargetName: "peer-b", Parallel: 4, Reverse: true, Congestion: "bbr", Version: v312}, "abc123")
	if err != nil {
		t.Fatal(err)
	}
	wantClient := []string{"timeout", "-k", "5", "40", "iperf3", "-c", "10.0.0.2", "-p", "5201", "-t", "10", "-P", "4", "-R", "-C", "bbr",
		"--connect-timeout", "5000", "-i", "1", "--forceflush", "-f", "k", "-V", "--extra-data", "opsdeck-abc123"}
	if !reflect.DeepEqual(p.Client, wantClient) || p.Format != FormatText {
		t.Errorf("3.12 client %q (format %v)", p.Client, p.Format)
	}
	wantStop := []string{"pkill", "-x", "-f", `iperf3 -c 10\.0\.0\.2 -p 5201 -t 10 -P 4 -R -C bbr --connect-timeout 5000 -i 1 --forceflush -f k -V --extra-data opsdeck-abc123`}
	if !reflect.DeepEqual(p.StopClient, wantStop) {
		t.Errorf("stop client %q", p.StopClient)
	}
	if p.Server != nil || p.StopServer != nil {
		t.Errorf("no server asked for, got %q", p.Server)
	}

	p, err = NewPlan(Spec{Target: "127.0.0.1", Port: 5999, Duration: 2 * time.Second, ServerOnHost: true, Version: v317}, "tok1")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(p.Client, " "); got != "timeout -k 5 32 iperf3 -c 127.0.0.1 -p 5999 -t 2 -P 1 --connect-timeout 5000 --json-stream --forceflush --extra-data opsdeck-tok1" || p.Format != FormatJSONStream {
		t.Errorf("3.17 client %q", got)
	}
	if got := strings.Join(p.Server, " "); got != "timeout -k 5 62 iperf3 -s -1 -p 5999 --forceflush -I /tmp/opsdeck-iperf3-tok1.pid" {
		t.Errorf("server %q", got)
	}
	if got := p.StopServer[3]; got != `iperf3 -s -1 -p 5999 --forceflush -I /tmp/opsdeck-iperf3-tok1\.pid` {
		t.Errorf("stop server pattern %q", got)
	}
	// The zero Version stands for 3.12: text output.
	if p, _ := NewPlan(Spec{Target: "h"}, "tok1"); p.Format != FormatText {
		t.Errorf("zero version format %v", p.Format)
	}
}

func TestNewPlanRejects(t *testing.T) {
	for name, s := range map[string]Spec{
		"empty target":    {},
		"option target":   {Target: "-s"},
		"space in target": {Target: "a b"},
		"shell in target": {Target: "a;reboot"},
		"port":            {Target: "h", Port: 70000},
		"negative port":   {Target: "h", Port: -1},
		"duration":        {Target: "h", Duration: time.Hour},
		"short duration":  {Target: "h", Duration: 100 * time.Millisecond},
		"parallel":        {Target: "h", Parallel: 1000},
		"congestion":      {Target: "h", Congestion: "bbr; rm"},
	} {
		if _, err := NewPlan(s, "tok1"); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	if _, err := NewPlan(Spec{Target: "h"}, "BAD TOKEN"); err == nil {
		t.Error("bad token accepted")
	}
	if _, err := NewPlan(Spec{Target: "fe80::1%wg0"}, "tok1"); err != nil {
		t.Errorf("IPv6 with zone: %v", err)
	}
}
