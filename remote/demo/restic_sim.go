package demo

import (
	"fmt"
	"strings"
	"time"

	"github.com/opsdeck/opsdeck/ops/config"
)

// The demo host backs up to one restic repository (restic 0.14, as in
// Debian 12): /tank/data was backed up two hours ago, but the /etc
// backup stopped three days ago (the visible problem), the check unit
// last ran nine days ago and passed, and nothing holds a lock. Any
// repository string and password source is accepted: the demo has no
// secrets to check.

// resticVersion is Debian 12's restic.
const resticVersion = "restic 0.14.0 compiled with go1.19.8 on linux/amd64\n"

// drillDir is what the demo's mktemp prints for a restore drill.
const drillDir = "/tmp/opsdeck-drill.Demo0a1b2c"

// resticFiles are the regular files of the latest snapshot (/tank/data)
// with their sizes; a restored copy always matches the live one.
var resticFiles = []struct {
	path string
	size int
}{
	{"/tank/data/projects/report-2026.pdf", 482113},
	{"/tank/data/projects/notes.md", 2210},
	{`/tank/data/projects/it's "quoted" ünï.txt`, 31},
	{"/tank/data/home/alice/.bashrc", 3526},
}

// resticCommand answers the restic reads and actions and the helper
// commands the restore drill and unlock run.
func (s *Sim) resticCommand(argv []string, now time.Time) (Output, bool) {
	args := strings.Join(argv[1:], " ")
	switch {
	case argv[0] == "env":
		return s.resticEnv(argv[1:], now), true
	case argv[0] == "restic" && args == "version":
		return Output{Stdout: resticVersion}, true
	case argv[0] == "systemctl" && len(argv) == 5 && argv[1] == "show" && argv[2] == "-p" && strings.HasPrefix(argv[3], "ExecMainStatus,"):
		return Output{Stdout: checkUnitShow(now.Add(-9*24*time.Hour - 3*time.Hour))}, true
	case argv[0] == "pgrep" && args == "-x restic":
		return Output{Code: 1}, true
	case argv[0] == "uname" && args == "-n":
		return Output{Stdout: "zlab\n"}, true
	case argv[0] == "mktemp" && args == "-d -t opsdeck-drill.XXXXXXXXXX":
		return Output{Stdout: drillDir + "\n"}, true
	case argv[0] == "sha256sum" && len(argv) == 3 && argv[1] == "--":
		return demoFileAnswer(argv[2], func(p string) string { return fmt.Sprintf("%064x  %s\n", len(p), p) }), true
	case argv[0] == "stat" && len(argv) == 5 && strings.HasPrefix(args, "-c %Y -- "):
		snap := now.Add(-2 * time.Hour).Add(-30 * time.Minute)
		return demoFileAnswer(argv[4], func(string) string { return fmt.Sprintf("%d\n", snap.Unix()) }), true
	case argv[0] == "rm" && len(argv) == 4 && argv[1] == "-rf" && argv[2] == "--" && argv[3] == drillDir:
		return Output{}, true
	}
	return Output{}, false
}

// demoFileAnswer answers for a known live file or its restored copy; the
// checksum ignores the drill directory, so the copy always matches.
func demoFileAnswer(path string, answer func(live string) string) Output {
	live := strings.TrimPrefix(path, drillDir)
	for _, f := range resticFiles {
		if f.path == live {
			out := answer(live)
			return Output{Stdout: strings.Replace(out, live, path, 1)}
		}
	}
	return Output{Stderr: fmt.Sprintf("%s: No such file or directory\n", path), Code: 1}
}

func checkUnitShow(exited time.Time) string {
	return "ExecMainStatus=0\nExecMainExitTimestamp=" + exited.UTC().Format("Mon 2006-01-02 15:04:05 UTC") +
		"\nActiveState=inactive\nLoadState=loaded\n"
}

// resticEnv runs `env RESTIC_REPOSITORY=… [RESTIC_PASSWORD_FILE=…]
// restic [--password-command CMD] SUBCOMMAND…`.
func (s *Sim) resticEnv(args []string, now time.Time) Output {
	repo := ""
	for len(args) > 0 && strings.Contains(args[0], "=") {
		if v, ok := strings.CutPrefix(args[0], "RESTIC_REPOSITORY="); ok {
			repo = v
		}
		args = args[1:]
	}
	if len(args) == 0 || args[0] != "restic" || repo == "" {
		return notSimulated(append([]string{"env"}, args...))
	}
	args = args[1:]
	if len(args) >= 2 && args[0] == "--password-command" {
		args = args[2:]
	}
	switch sub := strings.Join(args, " "); {
	case sub == "snapshots --json --no-lock":
		return Output{Stdout: resticSnapshotsJSON(now)}
	case sub == "list locks --no-lock":
		return Output{}
	case sub == "check" || strings.HasPrefix(sub, "check --read-data-subset "):
		return Output{Stdout: resticCheckText(sub)}
	case sub == "ls --json latest":
		return Output{Stdout: resticLsJSON(now)}
	case len(args) == 6 && args[0] == "restore" && args[1] == "latest" && args[2] == "--target" && args[4] == "--include":
		return Output{Stdout: fmt.Sprintf("restoring <Snapshot 5e1f0c2a of [/tank/data] at %s by root@zlab> to %s\n",
			now.Add(-2*time.Hour).UTC().Format("2006-01-02 15:04:05.000000000 -0700 MST"), args[3])}
	case sub == "unlock":
		return Output{Stdout: "successfully removed locks\n"}
	}
	return notSimulated(append([]string{"restic"}, args...))
}

// DemoResticRepos is the [[backup.restic]] list that goes with the demo
// host when the operator's file has none for it: the repository the
// simulation answers for, with its weekly check unit.
func DemoResticRepos() []config.ResticRepo {
	return []config.ResticRepo{{Name: "offsite", Repository: "/tank/backup/restic",
		PasswordFile: "/root/.restic-pass", CheckUnit: "restic-check.service"}}
}
