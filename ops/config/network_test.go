package config

import (
	"reflect"
	"strings"
	"testing"
)

func TestNetworkBlockMerges(t *testing.T) {
	c, err := Load(write(t, `
[defaults.network]
rtt_ms = 12
iperf3_port = 5301
[[defaults.network.peers]]
name = "minnesota"
address = "10.0.0.2"

[hosts.nas.network]
link_mbps = 1000
rtt_ms = 35.5

[hosts.lab]
network = { peers = [{ name = "self", address = "127.0.0.1" }, { name = "gw", address = "gw.example.com" }] }
`))
	if err != nil {
		t.Fatal(err)
	}
	tests := map[string]NetworkConfig{
		"nas":   {LinkMbps: 1000, RTTms: 35.5, IPerf3Port: 5301, Peers: []NetworkPeer{{"minnesota", "10.0.0.2"}}},
		"lab":   {RTTms: 12, IPerf3Port: 5301, Peers: []NetworkPeer{{"self", "127.0.0.1"}, {"gw", "gw.example.com"}}},
		"other": {RTTms: 12, IPerf3Port: 5301, Peers: []NetworkPeer{{"minnesota", "10.0.0.2"}}},
	}
	for alias, want := range tests {
		if got := c.ForHost(alias).Network; !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\n got %+v\nwant %+v", alias, got, want)
		}
	}
	if got := Default().ForHost("x").Network; got.IPerf3Port != DefaultIPerf3Port || got.Peers != nil {
		t.Errorf("default network %+v", got)
	}
}

func TestNetworkValidation(t *testing.T) {
	tests := []struct{ src, want string }{
		{"[defaults.network]\nlink_mbps = 0\n", "F:2: defaults.network.link_mbps: 0 is outside 1…100000000"},
		{"[hosts.nas.network]\nrtt_ms = -1\n", "F:2: hosts.nas.network.rtt_ms: -1 is outside 0…10000 ms (exclusive of 0)"},
		{"[hosts.nas.network]\nrtt_ms = \"12ms\"\n", `F:2: hosts.nas.network.rtt_ms: want a number, got the string "12ms"`},
		{"[defaults.network]\niperf3_port = 70000\n", "F:2: defaults.network.iperf3_port: 70000 is outside 1…65535"},
		{"[defaults.network]\nlink_mpbs = 10\n", "F:2: defaults.network.link_mpbs: unknown key"},
		{"[defaults]\nnetwork = 5\n", "F:2: defaults.network: must be a table, like [defaults.network]"},
		{"[defaults.network]\npeers = 5\n", "F:2: defaults.network.peers: incompatible types: TOML value has type int64; destination has type slice"},
		{"[[defaults.network.peers]]\nname = \"a\"\nport = 1\n", "F:1: defaults.network.peers: peer \"a\" has no address\nF:3: defaults.network.peers.port: unknown key"},
		{"[[defaults.network.peers]]\naddress = \"10.0.0.1\"\n", "F:1: defaults.network.peers: every peer needs a name"},
		{"[[hosts.nas.network.peers]]\nname = \"a\"\n", "F:1: hosts.nas.network.peers: peer \"a\" has no address"},
		{"[[hosts.nas.network.peers]]\nname = \"a\"\naddress = \"-f\"\n",
			`F:3: hosts.nas.network.peers.address: peer "a": "-f" is not an IP address or host name`},
		{"[[hosts.nas.network.peers]]\nname = \"a\"\naddress = \"::1\"\n[[hosts.nas.network.peers]]\nname = \"a\"\naddress = \"h\"\n",
			`F:2: hosts.nas.network.peers.name: peer "a" is listed twice`},
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
}

func TestValidPeerAddress(t *testing.T) {
	for s, want := range map[string]bool{"10.0.0.2": true, "fd00::1": true, "minnesota-server": true, "a.b.example.": true,
		"-c": false, "": false, "a b": false, "host;rm": false, "-1.example": false} {
		if got := ValidPeerAddress(s); got != want {
			t.Errorf("ValidPeerAddress(%q) = %v", s, got)
		}
	}
}
