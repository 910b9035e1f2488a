package ops

import (
	"fmt"
	"strings"
	"testing"
)

func TestParseIOStat(t *testing.T) {
	for _, v := range []string{"2.3", "2.1"} {
		pools := []Pool{onePool(t, v+"/zpool_status_p.txt")}
		for _, tree := range [][]Pool{pools, nil} {
			rows, err := ParseIOStat(fixture(t, v+"/zpool_iostat_vHp.txt"), tree)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range rows {
				got = append(got, fmt.Sprintf("%s/%s/%d", r.Pool, r.Name, r.Depth))
			}
			want := "tank/tank/0 tank/raidz2-0/1 tank/virtio-zdata0/2 tank/virtio-zdata1/2 tank/virtio-zdata2/2 tank/virtio-zdata3/2 tank/virtio-zdata4/2 tank/virtio-zdata5/2 tank/mirror-1/1 tank/virtio-zspec0/2 tank/virtio-zspec1/2"
			if strings.Join(got, " ") != want {
				t.Errorf("%s (tree %v): %s", v, tree != nil, strings.Join(got, " "))
			}
			if v == "2.3" {
				if r := rows[0]; r.Alloc != 134025216 || r.Free != 6274871296 || r.ReadOps != 4 || r.WriteOps != 126 || r.ReadBytes != 281504 || r.WriteBytes != 1603874 {
					t.Errorf("pool row %+v", r)
				}
				if r := rows[9]; r.Name != "virtio-zspec0" || r.WriteOps != 25 || r.WriteBytes != 158451 {
					t.Errorf("zspec0 row %+v", r)
				}
			}
		}
	}
}

func TestParseIOStatTwoPoolsAndReplacing(t *testing.T) {
	resilver := onePool(t, "2.3/resilver_inprog2_status_p.txt")
	other := Pool{Name: "backup", Root: Vdev{Name: "backup", Children: []Vdev{{Name: "sdx"}}}}
	out := "tank\t1\t2\t0\t0\t0\t0\nraidz2-0\t1\t2\t0\t0\t0\t0\nvirtio-zdata2\t0\t0\t0\t0\t0\t0\n" +
		"replacing-3\t0\t0\t0\t0\t0\t0\nvirtio-zdata3\t0\t0\t0\t0\t0\t0\n/var/tmp/replacement.img\t0\t0\t0\t0\t0\t0\n" +
		"virtio-zdata4\t0\t0\t0\t0\t0\t0\n\nspecial                -      -      -      -      -      -\nmirror-1\t1\t1\t0\t0\t0\t0\n" +
		"backup\t5\t5\t1\t1\t1\t1\nsdx\t5\t5\t1\t1\t1\t1\n"
	rows, err := ParseIOStat([]byte(out), []Pool{resilver, other})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rows {
		got = append(got, fmt.Sprintf("%s/%s/%d", r.Pool, r.Name, r.Depth))
	}
	want := "tank/tank/0 tank/raidz2-0/1 tank/virtio-zdata2/2 tank/replacing-3/2 tank/virtio-zdata3/3 tank//var/tmp/replacement.img/3 tank/virtio-zdata4/2 tank/mirror-1/1 backup/backup/0 backup/sdx/1"
	if strings.Join(got, " ") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, " "), want)
	}
	for _, bad := range []string{"tank\t1\t2\n", "tank\t1\tx\t0\t0\t0\t0\n", "\t1\t1\t0\t0\t0\t0\n"} {
		if _, err := ParseIOStat([]byte(bad), nil); err == nil {
			t.Errorf("%q: want an error", bad)
		}
	}
}
