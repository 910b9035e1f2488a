package ops

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
)

// The 2.3 capture has ten latency columns (rebuild included) and a log
// and a cache device; the 2.1 file has the nine columns 2.1 prints.
func TestParseIOStatLatency(t *testing.T) {
	lab := onePool(t, "2.3/iostat_lab_status_p.txt")
	for _, tree := range [][]Pool{{lab}, nil} {
		rows, err := ParseIOStat(fixture(t, "2.3/zpool_iostat_vlHp.txt"), tree)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range rows {
			if r.Latency == nil {
				t.Fatalf("%s: no latency", r.Name)
			}
			got = append(got, fmt.Sprintf("%s/%d", r.Name, r.Depth))
		}
		want := "tank/0 raidz2-0/1 virtio-zdata0/2 virtio-zdata1/2 virtio-zdata2/2 virtio-zdata3/2 virtio-zdata4/2 virtio-zdata5/2 " +
			"mirror-1/1 virtio-zspec0/2 virtio-zspec1/2 virtio-zlog0/1 virtio-zcache0/1"
		if strings.Join(got, " ") != want {
			t.Errorf("tree %v: %s", tree != nil, strings.Join(got, " "))
		}
		pool := rows[0]
		if pool.ReadOps != 39 || pool.WriteBytes != 544155 {
			t.Errorf("pool row %+v", pool)
		}
		wantPool := IOLatency{TotalRead: 50710771, TotalWrite: 2734417, DiskRead: 33967884, DiskWrite: 1777591,
			SyncqRead: 250130, SyncqWrite: 9218, AsyncqRead: 340992, AsyncqWrite: 1432472, Scrub: 23619850}
		if *pool.Latency != wantPool {
			t.Errorf("pool latency %+v", *pool.Latency)
		}
		// "-" (no such I/O) reads as zero: zdata2 had no async writes.
		if l := rows[4].Latency; rows[4].Name != "virtio-zdata2" || l.AsyncqRead != 0 || l.AsyncqWrite != 0 || l.Scrub != 54186610 {
			t.Errorf("zdata2 %+v", *l)
		}
		if l := rows[12].Latency; l.Trim != 0 || l.AsyncqWrite != 110790 || l.TotalRead != 2260992 {
			t.Errorf("cache %+v", *l)
		}
	}

	rows, err := ParseIOStat(fixture(t, "2.1/zpool_iostat_vlHp.txt"), []Pool{onePool(t, "2.1/zpool_status_p.txt")})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 11 || rows[0].WriteOps != 128 || rows[0].Latency.Scrub != 23619850 || rows[0].Latency.Rebuild != 0 || rows[2].Depth != 2 {
		t.Errorf("2.1: %d rows, %+v %+v", len(rows), rows[0], rows[0].Latency)
	}
}

func TestParseIOStatLatencyColumns(t *testing.T) {
	const base = "tank\t1\t2\t3\t4\t5\t6"
	for _, c := range []struct {
		extra string
		want  *IOLatency
	}{
		{"", nil},
		// 0.7: no trim column; 0.8 to 2.1: no rebuild column.
		{"\t1\t2\t3\t4\t5\t6\t7\t8\t9", &IOLatency{1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 0}},
		{"\t1\t2\t3\t4\t5\t6\t7\t8\t9\t10", &IOLatency{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0}},
		{"\t1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11", &IOLatency{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}},
		// A column a later release appends is ignored.
		{"\t1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\t12", &IOLatency{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}},
		{"\t-\t-\t-\t-\t-\t-\t-\t-\t-\t-\t-", &IOLatency{}},
	} {
		rows, err := ParseIOStat([]byte(base+c.extra+"\n"), nil)
		if err != nil {
			t.Errorf("%q: %v", c.extra, err)
			continue
		}
		got := rows[0].Latency
		if (got == nil) != (c.want == nil) || got != nil && *got != *c.want {
			t.Errorf("%q: got %+v want %+v", c.extra, got, c.want)
		}
	}
	for _, bad := range []string{
		base + "\t1\n",                                 // latency columns cut short
		base + "\t1\t2\t3\t4\t5\t6\t7\t8\n",            // one short of 0.7's nine
		base + "\t1\t2\t3\t4\t5\t6\t7\t8\tx\t10\t11\n", // not a number
		base + "\t1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t-1\n", // negative
	} {
		if _, err := ParseIOStat([]byte(bad), nil); err == nil {
			t.Errorf("%q: want an error", bad)
		}
	}
}

func TestIOStatArgv(t *testing.T) {
	for _, c := range []struct {
		v    ZFSVersion
		want string
	}{
		{ZFSVersion{}, "zpool iostat -vHp"}, // the probe could not tell
		{ZFSVersion{Major: 0, Minor: 6, Patch: 5}, "zpool iostat -vHp"},
		{ZFSVersion{Major: 0, Minor: 7, Patch: 0}, "zpool iostat -vlHp"},
		{ZFSVersion{Major: 2, Minor: 1, Patch: 11}, "zpool iostat -vlHp"},
		{ZFSVersion{Major: 2, Minor: 3, Patch: 2}, "zpool iostat -vlHp"},
	} {
		if got := strings.Join(IOStatArgv(c.v), " "); got != c.want {
			t.Errorf("%+v: %s, want %s", c.v, got, c.want)
		}
	}
}

// Collect asks a probed host for latencies and an unprobed one without.
func TestCollectIOStatLatency(t *testing.T) {
	replies := hostReplies("2.3")
	replies[key(ArgvIOStat())] = reply{fixture: "2.3/zpool_iostat_vlHp.txt"}
	replies[key(ArgvIOStatBasic())] = reply{fixture: "2.3/zpool_iostat_vHp.txt"}
	h := &Host{Name: "lab", Runner: newFake(t, replies)}
	h.Platform.ZFSVersion, _ = ParseZFSVersion(fixture(t, "2.3/zfs_version.txt"))
	st := Collect(context.Background(), h, time.Now())
	if len(st.IOStat) != 13 || st.IOStat[0].Latency == nil || st.IOStat[0].Latency.TotalRead != 50710771 {
		t.Errorf("probed host: %d rows %v", len(st.IOStat), st.Errors)
	}
	h = &Host{Name: "lab", Runner: newFake(t, replies)}
	rows, err := ReadIOStat(context.Background(), h, nil)
	if err != nil || len(rows) != 11 || rows[0].Latency != nil {
		t.Errorf("unprobed host: %d rows %v", len(rows), err)
	}
}

// hasLongLine reports whether some line of b has at least n tab-separated
// fields.
func hasLongLine(b []byte, n int) bool {
	for _, l := range strings.Split(string(b), "\n") {
		if len(strings.Split(l, "\t")) >= n {
			return true
		}
	}
	return false
}
