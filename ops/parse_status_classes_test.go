package ops

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

// statusRows formats config rows exactly as print_status_config does:
// "\t%*s%-*s  %-8s %5s %5s %5s" and "  note"; spares print no counters.
type statusRows struct {
	width int
	b     strings.Builder
}

func (s *statusRows) row(depth int, name, state, r, w, c, note string) {
	fmt.Fprintf(&s.b, "\t%*s%-*s  %-8s", depth, "", s.width-depth, name, state)
	if r != "" {
		fmt.Fprintf(&s.b, " %5s %5s %5s", r, w, c)
	}
	if note != "" {
		s.b.WriteString("  " + note)
	}
	s.b.WriteString("\n")
}

// syntheticStatus is a pool with every class, spares, dRAID, a failed
// spare-N, suffixed counters, notes and a file vdev whose path has a
// space — shapes the lab captures do not cover, built from the printf
// formats in zpool_main.c.
func syntheticStatus() string {
	s := &statusRows{width: 34}
	s.b.WriteString("  pool: backup\n state: DEGRADED\n")
	s.b.WriteString("status: One or more devices could not be used because the label is missing or\n\tinvalid.  Sufficient replicas exist for the pool to continue\n\tfunctioning in a degraded state.\n")
	s.b.WriteString("action: Replace the device using 'zpool replace'.\n   see: https://openzfs.github.io/openzfs-docs/msg/ZFS-8000-4J\n")
	s.b.WriteString("  scan: resilvered 1.20G in 00:05:00 with 0 errors on Sun Mar  1 09:00:05 2026\nconfig:\n\n")
	fmt.Fprintf(&s.b, "\t%-*s  %-8s %5s %5s %5s\n", s.width, "NAME", "STATE", "READ", "WRITE", "CKSUM")
	s.row(0, "backup", "DEGRADED", "0", "0", "0", "")
	s.row(2, "mirror-0", "DEGRADED", "0", "0", "0", "")
	s.row(4, "sda", "ONLINE", "0", "0", "0", "")
	s.row(4, "spare-1", "DEGRADED", "0", "0", "0", "")
	s.row(6, "12345678901234567890", "UNAVAIL", "0", "0", "0", "was /dev/sdb1")
	s.row(6, "sdd", "ONLINE", "0", "0", "0", "")
	s.row(2, "draid2:4d:1s:8c-1", "DEGRADED", "0", "0", "0", "")
	s.row(4, "sde", "FAULTED", "1.2K", "0", "12", "too many errors")
	s.row(4, "/srv/pool images/disk 1.img", "ONLINE", "0", "0", "0", "")
	for _, class := range []string{"dedup", "special", "logs"} {
		fmt.Fprintf(&s.b, "\t%s\t\n", class)
		s.row(2, "nvme-"+class, "ONLINE", "0", "0", "0", "")
	}
	s.b.WriteString("\tcache\n")
	s.row(2, "nvme-cache", "ONLINE", "0", "0", "0", "")
	s.b.WriteString("\tspares\n")
	s.row(2, "sdd", "INUSE", "", "", "", "currently in use")
	s.row(2, "sdf", "AVAIL", "", "", "", "")
	s.row(2, "draid2-1-0", "AVAIL", "", "", "", "")
	s.b.WriteString("\nerrors: No known data errors\n")
	return s.b.String()
}

func TestPoolStatusTextClassesAndSpares(t *testing.T) {
	healthy := string(fixture(t, "2.3/zpool_status_p.txt"))
	// zpool prints a blank line between pools.
	out := syntheticStatus() + "\n" + healthy
	pools, err := ParsePoolStatusText([]byte(out), time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	if len(pools) != 2 || pools[0].Name != "backup" || pools[1].Name != "tank" {
		t.Fatalf("pools %v", pools)
	}
	p := pools[0]
	if p.Status != "One or more devices could not be used because the label is missing or invalid.  Sufficient replicas exist for the pool to continue functioning in a degraded state." {
		t.Errorf("status %q", p.Status)
	}
	var top []string
	for _, c := range p.Root.Children {
		top = append(top, c.Name+"/"+c.Type+"/"+c.Class+"/"+c.State)
	}
	want := []string{
		"mirror-0/mirror/normal/DEGRADED",
		"draid2:4d:1s:8c-1/draid2/normal/DEGRADED",
		"nvme-dedup/disk/dedup/ONLINE",
		"nvme-special/disk/special/ONLINE",
		"nvme-logs/disk/log/ONLINE",
		"nvme-cache/disk/cache/ONLINE",
		"sdd/disk/spare/INUSE",
		"sdf/disk/spare/AVAIL",
		"draid2-1-0/dspare/spare/AVAIL",
	}
	if !reflect.DeepEqual(top, want) {
		t.Errorf("top-level\n%s\nwant\n%s", strings.Join(top, "\n"), strings.Join(want, "\n"))
	}
	spare := mustVdev(t, p, "spare-1")
	if spare.Type != "spare" || len(spare.Children) != 2 || spare.Children[0].Note != "was /dev/sdb1" || spare.Children[0].State != "UNAVAIL" {
		t.Errorf("spare-1 %+v", spare)
	}
	sde := mustVdev(t, p, "sde")
	if sde.ReadErrors != 1229 || sde.ChecksumErrors != 12 || sde.Note != "too many errors" {
		t.Errorf("sde %+v", sde)
	}
	if img := mustVdev(t, p, "/srv/pool images/disk 1.img"); img.Type != "file" {
		t.Errorf("file vdev with a space: %+v", img)
	}
	if inuse := p.Root.Children[6]; inuse.Note != "currently in use" || inuse.ReadErrors != 0 {
		t.Errorf("spare in use %+v", inuse)
	}
	if pools[1].Root.Children[1].Class != ClassSpecial {
		t.Errorf("second pool lost its classes")
	}
}

func TestPoolStatusTextEmptyAndErrors(t *testing.T) {
	for _, in := range []string{"", "no pools available\n", "\n\n"} {
		pools, err := ParsePoolStatusText([]byte(in), time.UTC)
		if err != nil || pools == nil || len(pools) != 0 {
			t.Errorf("%q: %v %v, want no pools", in, pools, err)
		}
	}
	healthy := string(fixture(t, "2.3/zpool_status_p.txt"))
	bad := map[string]string{
		"-x output":         "all pools are healthy\n",
		"counter garbage":   strings.Replace(healthy, "virtio-zdata2  ONLINE       0", "virtio-zdata2  ONLINE     abc", 1),
		"orphan row":        strings.Replace(healthy, "\t    virtio-zdata0", "\t          virtio-zdata0", 1),
		"no header":         strings.Replace(healthy, "NAME", "EMAN", 1),
		"stray line":        healthy + "garbage\n",
		"2.1 without -j":    string(fixture(t, "2.1/zpool_status_j_int.err")),
		"class before root": "  pool: x\n state: ONLINE\nconfig:\n\n\tNAME STATE READ WRITE CKSUM\n\tspecial\t\n",
	}
	for name, in := range bad {
		if _, err := ParsePoolStatusText([]byte(in), time.UTC); err == nil {
			t.Errorf("%s: want an error", name)
		}
	}
}

// syntheticStatusJSON is syntheticStatus as `zpool status -j --json-int`
// prints it (keys per vdev_stats_nvlist in zpool_main.c).
func syntheticStatusJSON() string {
	end := time.Date(2026, 3, 1, 9, 0, 5, 0, time.UTC).Unix()
	leaf := func(name, typ, state string, extra string) string {
		return fmt.Sprintf(`%q:{"name":%q,"vdev_type":%q,"path":"/dev/%s","state":%q,"read_errors":0,"write_errors":0,"checksum_errors":0,"slow_ios":0%s}`,
			name, name, typ, name, state, extra)
	}
	inner := func(name, typ, state, kids string) string {
		return fmt.Sprintf(`%q:{"name":%q,"vdev_type":%q,"state":%q,"read_errors":0,"write_errors":0,"checksum_errors":0,"vdevs":{%s}}`,
			name, name, typ, state, kids)
	}
	data := inner("backup", "root", "DEGRADED",
		inner("mirror-0", "mirror", "DEGRADED",
			leaf("sda", "disk", "ONLINE", "")+","+
				inner("spare-1", "spare", "DEGRADED",
					leaf("12345678901234567890", "disk", "UNAVAIL", `,"not_present":1,"was":"/dev/sdb1"`)+","+
						leaf("sdd", "disk", "ONLINE", "")))+","+
			inner("draid2:4d:1s:8c-1", "draid", "DEGRADED",
				`"sde":{"name":"sde","vdev_type":"disk","state":"FAULTED","read_errors":1229,"write_errors":0,"checksum_errors":12,"aux":"ERR_EXCEEDED"},`+
					`"/srv/pool images/disk 1.img":{"name":"/srv/pool images/disk 1.img","vdev_type":"file","path":"/srv/pool images/disk 1.img","state":"ONLINE","read_errors":0,"write_errors":0,"checksum_errors":0}`))
	return fmt.Sprintf(`{"output_version":{"command":"zpool status","vers_major":0,"vers_minor":1},"pools":{"backup":{"name":"backup","state":"DEGRADED",`+
		`"status":"One or more devices could not be used because the label is missing or\n\tinvalid.  Sufficient replicas exist for the pool to continue\n\tfunctioning in a degraded state.\n",`+
		`"action":"Replace the device using 'zpool replace'.\n","msgid":"ZFS-8000-4J","moreinfo":"https://openzfs.github.io/openzfs-docs/msg/ZFS-8000-4J",`+
		`"scan_stats":{"function":"RESILVER","state":"FINISHED","start_time":%d,"end_time":%d,"to_examine":1,"examined":1,"skipped":0,"processed":1288490189,"errors":0,"issued":1},`+
		`"vdevs":{%s},"dedup":{%s},"special":{%s},"logs":{%s},"l2cache":{%s},"spares":{%s},"error_count":0}}}`,
		end-300, end, data,
		leaf("nvme-dedup", "disk", "ONLINE", ""), leaf("nvme-special", "disk", "ONLINE", ""), leaf("nvme-logs", "disk", "ONLINE", ""),
		leaf("nvme-cache", "disk", "ONLINE", ""),
		leaf("sdd", "disk", "INUSE", `,"aux":"SPARED"`)+","+leaf("sdf", "disk", "AVAIL", "")+","+leaf("draid2-1-0", "dspare", "AVAIL", ""))
}

func TestPoolStatusJSONClassesMatchText(t *testing.T) {
	text, err := ParsePoolStatusText([]byte(syntheticStatus()), time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	js, err := ParsePoolStatusJSON([]byte(syntheticStatusJSON()))
	if err != nil {
		t.Fatal(err)
	}
	if mustVdev(t, js[0], "nvme-cache").Path != "/dev/nvme-cache" {
		t.Error("JSON keeps the device path")
	}
	text[0].Scan.Text = ""
	js[0].Scan.Examined, js[0].Scan.Issued, js[0].Scan.Total = 0, 0, 0
	if !near(text[0].Scan.Repaired, js[0].Scan.Repaired) {
		t.Errorf("repaired %d vs %d", text[0].Scan.Repaired, js[0].Scan.Repaired)
	}
	text[0].Scan.Repaired, js[0].Scan.Repaired = 0, 0
	clearPaths(&js[0].Root)
	if !reflect.DeepEqual(text, js) {
		t.Errorf("text and JSON differ:\ntext %+v\njson %+v", text, js)
	}
}
