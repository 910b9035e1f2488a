package ops

import "strings"

// The exact argv of every read the console issues. The demo server
// answers these and nothing else, so a read added here must be taught to
// it too (remote/demo).

// datasetProps are the columns the Pool pane's dataset table shows, in
// the order the text parser expects them.
var datasetProps = []string{
	"name", "type", "used", "avail", "refer", "compressratio", "recordsize",
	"compression", "atime", "xattr", "special_small_blocks", "mountpoint",
}

// poolListProps are the `zpool list` columns read for each pool.
var poolListProps = []string{
	"name", "size", "allocated", "free", "fragmentation", "capacity", "dedupratio", "health",
}

// ToolsProbed are the programs whose presence the probe records.
var ToolsProbed = []string{
	"zpool", "zfs", "sudo", "systemctl", "iperf3", "wg", "tc", "ip", "restic", "curl",
}

// ArgvOSRelease reads the distribution name.
func ArgvOSRelease() []string { return []string{"cat", "/etc/os-release"} }

// ArgvUname reads the kernel.
func ArgvUname() []string { return []string{"uname", "-sr"} }

// ArgvUTCOffset reads the host's current offset from UTC.
func ArgvUTCOffset() []string { return []string{"date", "+%z"} }

// ArgvZFSVersion reads the userland and kernel module versions.
func ArgvZFSVersion() []string { return []string{"zfs", "version"} }

// ArgvTools lists which of ToolsProbed exist: `command -v` needs a shell,
// so this is the one fixed script the probe runs. It prints one path per
// tool found.
func ArgvTools() []string {
	script := "for t in"
	for _, t := range ToolsProbed {
		script += " " + t
	}
	script += "; do command -v \"$t\"; done; exit 0"
	return []string{"sh", "-c", script}
}

// ArgvPoolStatusJSON reads every pool's status, vdev tree, scan and error
// files as JSON with exact integers (OpenZFS >= 2.3).
func ArgvPoolStatusJSON() []string {
	return []string{"zpool", "status", "-v", "-j", "--json-int"}
}

// ArgvPoolStatusText reads the same as text with exact counters.
func ArgvPoolStatusText() []string { return []string{"zpool", "status", "-v", "-p"} }

// ArgvPoolListJSON reads pool capacity figures as JSON.
func ArgvPoolListJSON() []string {
	return []string{"zpool", "list", "-j", "--json-int", "-o", join(poolListProps)}
}

// ArgvPoolListText reads pool capacity figures as a tab-separated table.
func ArgvPoolListText() []string {
	return []string{"zpool", "list", "-Hp", "-o", join(poolListProps)}
}

// ArgvDatasetsJSON lists filesystems and volumes with their properties.
func ArgvDatasetsJSON() []string {
	return []string{"zfs", "list", "-j", "--json-int", "-t", "filesystem,volume", "-o", join(datasetProps)}
}

// ArgvDatasetsText lists the same as a tab-separated table.
func ArgvDatasetsText() []string {
	return []string{"zfs", "list", "-Hp", "-t", "filesystem,volume", "-o", join(datasetProps)}
}

// ArgvARC reads the ARC kstats.
func ArgvARC() []string { return []string{"cat", "/proc/spl/kstat/zfs/arcstats"} }

// ArgvIOStat reads per-vdev I/O averaged since import, with average
// latencies (-l, OpenZFS >= 0.7). IOStatArgv picks it or ArgvIOStatBasic
// from the host's version.
func ArgvIOStat() []string { return []string{"zpool", "iostat", "-vlHp"} }

// ArgvIOStatBasic reads the same without latencies, for hosts whose
// version the probe could not tell.
func ArgvIOStatBasic() []string { return []string{"zpool", "iostat", "-vHp"} }

// ArgvScrubTimers lists systemd timers that scrub pools.
func ArgvScrubTimers() []string {
	return []string{"systemctl", "list-timers", "--all", "--no-pager", "--no-legend", "zfs-scrub*"}
}

// ArgvScrubCron reads Debian's cron file for scrubs and trims.
func ArgvScrubCron() []string { return []string{"cat", "/etc/cron.d/zfsutils-linux"} }

// ArgvScrub starts (or resumes) a scrub of pool.
func ArgvScrub(pool string) []string { return []string{"zpool", "scrub", pool} }

// ArgvScrubPause pauses a running scrub of pool.
func ArgvScrubPause(pool string) []string { return []string{"zpool", "scrub", "-p", pool} }

// ArgvScrubCancel stops a scrub of pool.
func ArgvScrubCancel(pool string) []string { return []string{"zpool", "scrub", "-s", pool} }

func join(cols []string) string { return strings.Join(cols, ",") }
