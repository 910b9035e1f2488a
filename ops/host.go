// Package ops says what a host's data means: it runs reads through a
// remote.Runner, parses the outputs into typed values and defines the
// actions an operator may take. It imports no UI packages.
package ops

import "github.com/opsdeck/opsdeck/remote"

// OutputMode chooses how ZFS output is requested.
type OutputMode string

const (
	// OutputAuto uses JSON on OpenZFS >= 2.3 and text before that.
	OutputAuto OutputMode = "auto"
	// OutputJSON forces -j output.
	OutputJSON OutputMode = "json"
	// OutputText forces the -H/-p text parsers, whatever the version.
	OutputText OutputMode = "text"
)

// Host is one server the console talks to, with what the probe found.
type Host struct {
	// Name is the alias the operator typed (or "localhost").
	Name string
	// Runner runs unprivileged commands.
	Runner remote.Runner
	// Privileged runs commands that need root: the plain Runner when the
	// host's config says no sudo, or one that prefixes `sudo -n --`.
	Privileged remote.Runner
	// Local is true for --local: dataset reads go through go-zfs.
	Local bool
	// Output forces JSON or text parsing; OutputAuto by default.
	Output OutputMode
	// Platform is what the probe found; zero until Probe ran.
	Platform Platform
}

// Platform is what one probe of the host found.
type Platform struct {
	OS         string     `json:"os"`     // PRETTY_NAME from /etc/os-release
	Kernel     string     `json:"kernel"` // uname -sr
	ZFSVersion ZFSVersion `json:"zfs_version"`
	// Tools maps a tool name to whether it exists on the host's PATH.
	Tools map[string]bool `json:"tools"`
	// UTCOffset is the host's offset from UTC as `date +%z` prints it
	// ("+0100"), "" when unknown. zpool status text prints dates in the
	// host's local time and says nothing of the zone.
	UTCOffset string `json:"utc_offset,omitempty"`
}

// ZFSVersion is the userland version from `zfs version`.
type ZFSVersion struct {
	Major, Minor, Patch int
	Raw                 string // e.g. "zfs-2.3.2-2~bpo12+2"
}

// HasJSON reports whether this version has `-j` output (OpenZFS >= 2.3).
func (v ZFSVersion) HasJSON() bool {
	return v.Major > 2 || (v.Major == 2 && v.Minor >= 3)
}

// UseJSON reports whether reads on this host should ask for JSON.
func (h *Host) UseJSON() bool {
	switch h.Output {
	case OutputJSON:
		return true
	case OutputText:
		return false
	}
	return h.Platform.ZFSVersion.HasJSON()
}
