package demo

import "time"

// Host is everything the simulated server knows: its identity, its pools
// and datasets, the ARC and the scrub schedule. Encoders turn it into the
// exact text and JSON OpenZFS 2.3.2 prints.
type Host struct {
	Hostname string
	// Kernel is what `uname -sr` prints, e.g. "Linux 6.1.0-56-amd64".
	Kernel string
	// OSRelease is the content of /etc/os-release.
	OSRelease string
	// ZFSUserland and ZFSKmod are the two lines of `zfs version`.
	ZFSUserland, ZFSKmod string
	// Tools are the absolute paths `command -v` finds, in probe order.
	Tools []string
	// CronFile is /etc/cron.d/zfsutils-linux; empty means absent.
	CronFile string
	// Timers is what `systemctl list-timers … zfs-scrub*` prints.
	Timers string

	Pools    []*Pool
	Datasets []*Dataset
	ARC      ARC
	// Net is the network the Network pane reads; nil answers none of
	// its commands.
	Net *Network
	// Snapshots are the ZFS snapshots (snap_model.go); nil answers none
	// of the snapshot commands.
	Snapshots *Snapshots
	// Loc is the server's time zone for ctime(3) dates.
	Loc *time.Location
}

// Pool is one imported pool, modelled on what libzfs hands `zpool status`.
type Pool struct {
	Name  string
	GUID  uint64
	TXG   uint64
	State string // ONLINE, DEGRADED, FAULTED, ...
	// Status and Action are the explanatory paragraphs exactly as zpool
	// prints them (continuation lines start with a tab, text ends in a
	// newline); MsgID is e.g. "ZFS-8000-9P". Empty when healthy.
	Status, Action, MsgID string
	// Fragmentation is a percentage; negative prints "-".
	Fragmentation int
	DedupRatio    string // "1.00"
	Scan          Scan
	Root          *Vdev
	// ErrorCount is the persistent error log size; ErrorFiles the paths
	// `zpool status -v` lists for it.
	ErrorCount uint64
	ErrorFiles []string
}

// Scan functions and states, as pool_scan_func_str/pool_scan_state_str.
const (
	FuncScrub    = "SCRUB"
	FuncResilver = "RESILVER"

	StateScanning = "SCANNING"
	StateFinished = "FINISHED"
	StateCanceled = "CANCELED"
)

// Scan mirrors pool_scan_stat_t, the figures behind both the `scan:` text
// and the JSON scan_stats. A zero Func means no scan ever ran.
type Scan struct {
	Func, State         string
	StartTime, EndTime  uint64 // Unix seconds
	ToExamine, Examined uint64
	Skipped, Processed  uint64
	Errors              uint64
	PassExam            uint64 // bytes_per_scan: examined this pass
	PassStart           uint64
	PauseTime           uint64 // scrub_pause: when paused, 0 if running
	SpentPaused         uint64 // seconds
	PassIssued, Issued  uint64
}

// Vdev classes for top-level vdevs.
const (
	ClassNormal  = "normal"
	ClassSpecial = "special"
	ClassDedup   = "dedup"
	ClassLog     = "logs"
)

// Vdev is one node of the vdev tree with its vdev_stat_t figures.
type Vdev struct {
	Name  string // as zpool prints it: tank, raidz2-0, mirror-1, sda
	Type  string // vdev_type: root, raidz, mirror, disk, file
	GUID  uint64
	Path  string // leaf device path, e.g. /dev/disk/by-id/…-part1
	Class string
	State string

	Alloc, Space, DSpace   uint64 // alloc_space, total_space, def_space
	RSize, SelfHealed      uint64 // rep_dev_size, self_healed
	PSpace                 uint64 // phys_space
	ReadErrors, WriteErrs  uint64
	ChecksumErrors         uint64
	ScanProcessed, SlowIOs uint64
	// Note is printed after the counters, e.g. "(resilvering)".
	Note string
	// IO holds the per-second averages `zpool iostat -v` prints.
	IO       IOStat
	Children []*Vdev
}

// IOStat is one row of `zpool iostat -vHp`.
type IOStat struct {
	ReadOps, WriteOps, ReadBytes, WriteBytes uint64
}

// Dataset is a filesystem, volume or snapshot with its properties.
type Dataset struct {
	Name      string
	Type      string // filesystem, volume, snapshot
	CreateTXG uint64
	// Props are keyed by the canonical property name.
	Props map[string]Prop
}

// Property sources as zprop_source_t spells them in JSON.
const (
	SrcNone      = "NONE"
	SrcDefault   = "DEFAULT"
	SrcLocal     = "LOCAL"
	SrcInherited = "INHERITED"
	SrcTemporary = "TEMPORARY"
	SrcReceived  = "RECEIVED"
)

// Prop is one property value as `zfs get -p` would print it.
type Prop struct {
	Value  string
	Source string // one of the Src constants
	From   string // the ancestor an inherited value comes from
}

// ARC holds the arcstats figures the console reads; every other kstat
// keeps the value of the real capture it is templated from.
type ARC struct {
	Hits, Misses        uint64
	Size, C, CMin, CMax uint64
	DataSize, MetaSize  uint64
	MRUSize, MFUSize    uint64
}

// walk visits v and its descendants depth first.
func (v *Vdev) walk(fn func(*Vdev)) {
	fn(v)
	for _, c := range v.Children {
		c.walk(fn)
	}
}

// pool returns the pool called name, or nil.
func (h *Host) pool(name string) *Pool {
	for _, p := range h.Pools {
		if p.Name == name {
			return p
		}
	}
	return nil
}
