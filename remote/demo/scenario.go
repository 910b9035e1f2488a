package demo

import (
	_ "embed"
	"fmt"
	"time"
)

var (
	//go:embed templates/os-release
	debianOSRelease string
	//go:embed templates/zfsutils-linux.cron
	debianScrubCron string
)

const (
	gib = uint64(1) << 30
	// metaslab is the unit a large vdev's usable space is counted in.
	metaslab = uint64(16) << 30
)

// Disks of the demo pool, by their /dev/disk/by-id names.
var (
	demoDataDisks = []string{"ZL2A0KQH", "ZL2A0M7T", "ZL2A1B3C", "ZL2A1C9W", "ZL2A1F2E",
		"ZL2A2H8N", "ZL2A2J4R", "ZL2A3K1X", "ZL2A3L6P", "ZL2A4M0D", "ZL2A4N5Z",
		"ZL2A5P7G", "ZL2A5Q2V", "ZL2A6R9B"}
	demoSpecialDisks = []string{"S64GNE0R601137", "S64GNE0R601142"}
)

// DemoHost is the scenario `opsdeck demo` shows: host "demo", Debian 12
// with OpenZFS 2.3.2, pool tank as a 14 × 16 TB RAIDZ2 plus a special
// mirror of two 1.92 TB NVMe drives, datasets laid out like the seed
// server (media, backup, vm, home, nix, monitoring), a 100 GiB ARC and
// Debian's monthly scrub cron, whose last run finished six days before
// now; its network is DemoNetwork.
func DemoHost(now time.Time) *Host {
	h := &Host{
		Hostname:    "demo",
		Kernel:      "Linux 6.1.0-56-amd64",
		OSRelease:   debianOSRelease,
		ZFSUserland: "zfs-2.3.2-2~bpo12+2",
		ZFSKmod:     "zfs-kmod-2.3.2-2~bpo12+2",
		Tools: []string{"/usr/sbin/zpool", "/usr/sbin/zfs", "/usr/bin/sudo", "/usr/bin/systemctl",
			"/usr/bin/iperf3", "/usr/bin/wg", "/usr/sbin/tc", "/usr/sbin/ip", "/usr/bin/restic", "/usr/bin/curl"},
		CronFile: debianScrubCron,
		Loc:      time.UTC,
	}
	h.Pools = []*Pool{demoPool(now)}
	h.Datasets = demoDatasets(h.Pools[0])
	h.Net = DemoNetwork(now)
	h.Snapshots = demoSnapshots(now, h.Datasets)
	h.ARC = ARC{Hits: 1893315771, Misses: 41275390, Size: 99241279488, C: 103079215104,
		CMin: 8589934592, CMax: 107374182400, DataSize: 83751862272, MetaSize: 13112445952,
		MRUSize: 41003753472, MFUSize: 55860621312}
	return h
}

func demoPool(now time.Time) *Pool {
	const hdd, nvme = 16000900661248, 1920383410176 // bytes, as sold
	leaf := func(name, class string, size uint64, guid uint64, io IOStat) *Vdev {
		phys := size - 10<<20 // whole-disk partition 1 leaves 10 MiB aside
		return &Vdev{Name: name, Type: "disk", GUID: guid, Path: "/dev/disk/by-id/" + name + "-part1",
			Class: class, State: "ONLINE", RSize: phys - 9<<19, PSpace: phys, IO: io}
	}
	raidz := &Vdev{Name: "raidz2-0", Type: "raidz", GUID: 5160834122853318410, Class: ClassNormal, State: "ONLINE"}
	for i, serial := range demoDataDisks {
		io := IOStat{ReadOps: 41 + uint64(i%3), WriteOps: 18 + uint64(i%4),
			ReadBytes: 5833728 + uint64(i)*18432, WriteBytes: 2310144 + uint64(i%5)*8192}
		raidz.Children = append(raidz.Children, leaf("ata-ST16000NM001G-2KK103_"+serial, ClassNormal,
			hdd, 9113062519712406528+uint64(i)*7919371, io))
	}
	raidz.Space = (14*(hdd-10<<20) - 14*9<<19) / metaslab * metaslab
	raidz.RSize = raidz.Space
	raidz.DSpace = raidz.Space / 1000 * 846 // 12 data of 14 disks, less raidz padding
	raidz.Alloc = 259*gib + 417*1<<20

	mirror := &Vdev{Name: "mirror-1", Type: "mirror", GUID: 1244018457321770113, Class: ClassSpecial, State: "ONLINE"}
	for i, serial := range demoSpecialDisks {
		io := IOStat{ReadOps: 212, WriteOps: 96 + uint64(i), ReadBytes: 3487744, WriteBytes: 1630208 + uint64(i)*4096}
		mirror.Children = append(mirror.Children, leaf("nvme-SAMSUNG_MZQL21T9HCJR-00A07_"+serial, ClassSpecial,
			nvme, 3390761282630815744+uint64(i)*104729, io))
	}
	mirror.Space = (nvme - 10<<20 - 9<<19) / metaslab * metaslab
	mirror.RSize, mirror.DSpace = mirror.Space, mirror.Space
	mirror.Alloc = 6*gib + 311*1<<20

	sum := func(f func(*Vdev) uint64) uint64 { return f(raidz) + f(mirror) }
	root := &Vdev{Name: "tank", Type: "root", GUID: 12304599813570112473, Class: ClassNormal, State: "ONLINE",
		Alloc: sum(func(v *Vdev) uint64 { return v.Alloc }), Space: sum(func(v *Vdev) uint64 { return v.Space }),
		DSpace: sum(func(v *Vdev) uint64 { return v.DSpace }), Children: []*Vdev{raidz, mirror}}
	for _, v := range []*Vdev{raidz, mirror} {
		for _, c := range v.Children {
			v.IO.ReadOps += c.IO.ReadOps
			v.IO.WriteOps += c.IO.WriteOps
			v.IO.ReadBytes += c.IO.ReadBytes
			v.IO.WriteBytes += c.IO.WriteBytes
		}
		root.IO.ReadOps += v.IO.ReadOps
		root.IO.WriteOps += v.IO.WriteOps
		root.IO.ReadBytes += v.IO.ReadBytes
		root.IO.WriteBytes += v.IO.WriteBytes
	}

	// The last cron scrub: six days ago at 00:24, as long as a scrub
	// started now would take.
	day := now.UTC().AddDate(0, 0, -6)
	start := uint64(time.Date(day.Year(), day.Month(), day.Day(), 0, 24, 0, 0, time.UTC).Unix())
	total := roundBlock(root.Alloc - 1183*1<<20)
	issued := total - roundBlock(total/4000)
	scan := Scan{Func: FuncScrub, State: StateFinished, StartTime: start, EndTime: start + 127,
		ToExamine: total, Examined: total, Skipped: total - issued, PassStart: start,
		PassIssued: issued, Issued: issued}
	return &Pool{Name: "tank", GUID: root.GUID, TXG: 4183921, State: "ONLINE", Fragmentation: 3,
		DedupRatio: "1.00", Scan: scan, Root: root}
}

// demoDatasets lays out tank like the seed server: bulk media in 1 MiB
// records, VM images in 64 KiB, small files pushed to the special vdev.
func demoDatasets(p *Pool) []*Dataset {
	type spec struct {
		name, typ                        string
		txg, used, refer                 uint64
		ratio, recordsize, compress, ssb string
		local                            []string // properties set on this dataset
	}
	specs := []spec{
		{"tank", "filesystem", 1, 0, 196608, "1.31", "131072", "zstd", "0", []string{"compression", "atime", "xattr", "mountpoint"}},
		{"tank/backup", "filesystem", 212, 61*gib + 917<<20, 61*gib + 917<<20, "1.52", "1048576", "zstd", "0", []string{"recordsize"}},
		{"tank/home", "filesystem", 94, 9*gib + 210<<20, 9*gib + 210<<20, "1.87", "131072", "zstd", "16384", []string{"special_small_blocks"}},
		{"tank/media", "filesystem", 57, 142*gib + 77<<20, 142*gib + 77<<20, "1.01", "1048576", "lz4", "0", []string{"recordsize", "compression"}},
		{"tank/monitoring", "filesystem", 3120, 3*gib + 402<<20, 3*gib + 402<<20, "4.12", "131072", "zstd", "16384", []string{"special_small_blocks"}},
		{"tank/nix", "filesystem", 388, 5*gib + 733<<20, 5*gib + 733<<20, "2.24", "131072", "zstd", "16384", []string{"special_small_blocks"}},
		{"tank/vm", "filesystem", 131, 28*gib + 96<<20, 131072, "1.43", "65536", "zstd", "0", []string{"recordsize"}},
		{"tank/vm/win11", "volume", 1960, 28*gib + 96<<20 - 131072, 19*gib + 52<<20, "1.43", "", "zstd", "0", nil},
	}
	var total uint64
	for _, s := range specs[1:] {
		if s.name != "tank/vm/win11" {
			total += s.used
		}
	}
	specs[0].used = total + 196608
	avail := p.Root.DSpace - p.Root.DSpace/32 - specs[0].used // less the 1/32 slop space

	var out []*Dataset
	for _, s := range specs {
		local := map[string]bool{}
		for _, l := range s.local {
			local[l] = true
		}
		src := func(prop string, def bool) Prop {
			switch {
			case local[prop] || s.name == "tank" && !def:
				return Prop{Source: SrcLocal}
			case def:
				return Prop{Source: SrcDefault}
			}
			return Prop{Source: SrcInherited, From: "tank"}
		}
		with := func(p Prop, v string) Prop { p.Value = v; return p }
		d := &Dataset{Name: s.name, Type: s.typ, CreateTXG: s.txg, Props: map[string]Prop{
			"used":          {Value: fmt.Sprint(s.used), Source: SrcNone},
			"available":     {Value: fmt.Sprint(avail), Source: SrcNone},
			"referenced":    {Value: fmt.Sprint(s.refer), Source: SrcNone},
			"compressratio": {Value: s.ratio, Source: SrcNone},
			"compression":   with(src("compression", false), s.compress),
		}}
		if s.typ == "filesystem" {
			d.Props["recordsize"] = with(src("recordsize", !local["recordsize"]), s.recordsize)
			d.Props["atime"] = with(src("atime", false), "off")
			d.Props["xattr"] = with(src("xattr", false), "on")
			d.Props["mountpoint"] = with(src("mountpoint", false), "/"+s.name)
			d.Props["special_small_blocks"] = with(src("special_small_blocks", !local["special_small_blocks"]), s.ssb)
		}
		out = append(out, d)
	}
	return out
}
