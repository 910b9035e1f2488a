package demo

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// readCapture returns a file from testdata/ without its first line, which
// names the command and the OpenZFS version that produced it.
func readCapture(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	if strings.HasPrefix(s, "# $ ") {
		s = s[strings.IndexByte(s, '\n')+1:]
	}
	return s
}

// labState is what differs between the lab captures of the 6-disk pool.
type labState struct {
	txg, rootAlloc, raidzAlloc, mirrorAlloc, selfHealed uint64
	scan                                                Scan
}

var labHealthy = labState{txg: 4, rootAlloc: 134025216, raidzAlloc: 129871872, mirrorAlloc: 4153344}

// labPool is the lab VM's pool (../shared/lab-recipe): a raidz2 of six
// 1 GiB virtio disks and a special mirror of two 512 MiB ones, with the
// GUIDs and sizes of the captures.
func labPool(st labState) *Pool {
	disk := func(name string, guid uint64, class string, rsize, pspace uint64) *Vdev {
		return &Vdev{Name: name, Type: "disk", GUID: guid, Path: "/dev/disk/by-id/" + name + "-part1",
			Class: class, State: "ONLINE", RSize: rsize, PSpace: pspace}
	}
	data := func(i int, guid uint64) *Vdev {
		return disk("virtio-zdata"+string(rune('0'+i)), guid, ClassNormal, 988981931, 1063256064)
	}
	raidz := &Vdev{Name: "raidz2-0", Type: "raidz", GUID: 13568904949283683487, Class: ClassNormal,
		State: "ONLINE", Alloc: st.raidzAlloc, Space: 5905580032, DSpace: 3933208576, RSize: 5905580032,
		Children: []*Vdev{data(0, 8683596020912555918), data(1, 15102051833372585145),
			data(2, 7712525454598782730), data(3, 16661354417824308664),
			data(4, 6821721278144151793), data(5, 15187182823426898572)}}
	raidz.Children[2].SelfHealed = st.selfHealed
	mirror := &Vdev{Name: "mirror-1", Type: "mirror", GUID: 11390920315648786164, Class: ClassSpecial,
		State: "ONLINE", Alloc: st.mirrorAlloc, Space: 503316480, DSpace: 503316480, RSize: 503316480,
		Children: []*Vdev{
			disk("virtio-zspec0", 12315422467053266163, ClassSpecial, 508035072, 526385152),
			disk("virtio-zspec1", 14592308229882066660, ClassSpecial, 508035072, 526385152)}}
	root := &Vdev{Name: "tank", Type: "root", GUID: 14895054235579303633, Class: ClassNormal,
		State: "ONLINE", Alloc: st.rootAlloc, Space: 6408896512, DSpace: 4436525056,
		Children: []*Vdev{raidz, mirror}}
	return &Pool{Name: "tank", GUID: 14895054235579303633, TXG: st.txg, State: "ONLINE",
		DedupRatio: "1.00", Scan: st.scan, Root: root}
}

// labNow is a moment in the lab VM's clock (UTC).
func labNow(unix int64) time.Time { return time.Unix(unix, 0) }

// diffBytes reports the first difference between got and want.
func diffBytes(t *testing.T, name, got, want string) {
	t.Helper()
	if got == want {
		return
	}
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	lo := max(0, i-60)
	t.Errorf("%s: differs at byte %d\n got: %q\nwant: %q", name, i,
		got[lo:min(len(got), i+60)], want[lo:min(len(want), i+60)])
}
