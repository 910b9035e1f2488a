package demo

import (
	"strings"
	"testing"

	"github.com/opsdeck/opsdeck/ops"
)

// Every read in ops/commands.go must get a real answer from the demo
// host, directly and through `sudo -n --`; this is what keeps the two in
// step when a read is added.
func TestAnswersEveryConsoleCommand(t *testing.T) {
	reads := map[string][]string{
		"os-release": ops.ArgvOSRelease(), "uname": ops.ArgvUname(), "zfs version": ops.ArgvZFSVersion(),
		"tools": ops.ArgvTools(), "status json": ops.ArgvPoolStatusJSON(), "status text": ops.ArgvPoolStatusText(),
		"list json": ops.ArgvPoolListJSON(), "list text": ops.ArgvPoolListText(),
		"datasets json": ops.ArgvDatasetsJSON(), "datasets text": ops.ArgvDatasetsText(),
		"arc": ops.ArgvARC(), "iostat": ops.ArgvIOStat(), "iostat basic": ops.ArgvIOStatBasic(), "cron": ops.ArgvScrubCron(),
		"ip addr": ops.ArgvIPAddr(), "link speeds": ops.ArgvLinkSpeeds(), "qdisc json": ops.ArgvQdiscJSON(),
		"qdisc text": ops.ArgvQdiscText(), "sysctl tcp": ops.ArgvSysctlTCP(), "wg dump": ops.ArgvWGDump(),
		"ping peer": ops.ArgvPing(DemoNetworkConfig().Peers[0].Address),
	}
	s, _ := newDemoSim()
	for name, argv := range reads {
		for _, a := range [][]string{argv, append([]string{"sudo", "-n", "--"}, argv...)} {
			out := s.Run(a)
			if out.Code != 0 || out.Stderr != "" || out.Stdout == "" {
				t.Errorf("%s %q: %+v", name, a, out)
			}
		}
	}
	// No zfs-scrub timers on Debian: an empty listing, exit 0.
	if out := s.Run(ops.ArgvScrubTimers()); out != (Output{}) {
		t.Errorf("timers: %+v", out)
	}
	tools := s.Run(ops.ArgvTools()).Stdout
	if !strings.HasPrefix(tools, "/usr/sbin/zpool\n/usr/sbin/zfs\n/usr/bin/sudo\n") || !strings.Contains(tools, "/usr/bin/wg\n") {
		t.Errorf("tools: %q", tools)
	}
	for _, argv := range [][]string{ops.ArgvScrub("tank"), ops.ArgvScrubPause("tank"), ops.ArgvScrub("tank"), ops.ArgvScrubCancel("tank")} {
		if out := s.Run(argv); out.Code != 0 {
			t.Errorf("%q: %+v", argv, out)
		}
	}
}

// The demo's JSON and text must describe the same pool: both reads of
// the demo host are generated from one model.
func TestDemoJSONMatchesText(t *testing.T) {
	s, _ := newDemoSim()
	text := s.Run(ops.ArgvPoolListText()).Stdout
	js := s.Run(ops.ArgvPoolListJSON()).Stdout
	f := strings.Split(strings.TrimSpace(text), "\t")
	if len(f) != 8 {
		t.Fatalf("list text: %q", text)
	}
	for _, want := range []string{`"size":{"value":` + f[1] + `,`, `"allocated":{"value":` + f[2] + `,`,
		`"free":{"value":` + f[3] + `,`, `"capacity":{"value":` + f[5] + `,`, `"health":{"value":"ONLINE"`} {
		if !strings.Contains(js, want) {
			t.Errorf("list JSON lacks %s: %s", want, js)
		}
	}
	ds := s.Run(ops.ArgvDatasetsText()).Stdout
	if !strings.Contains(ds, "tank/vm/win11\tvolume\t") || !strings.Contains(ds, "\t16384\t/tank/nix\n") {
		t.Errorf("datasets text:\n%s", ds)
	}
}

func TestDemoVersionMatchesLab(t *testing.T) {
	s, _ := newDemoSim()
	diffBytes(t, "zfs version", s.Run(ops.ArgvZFSVersion()).Stdout, readCapture(t, "zfs_version.txt"))
	if out := s.Run(ops.ArgvUname()).Stdout; out != "Linux 6.1.0-56-amd64\n" {
		t.Errorf("uname -sr: %q", out)
	}
}
