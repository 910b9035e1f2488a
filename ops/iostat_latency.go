package ops

import "fmt"

// IOLatency is the average latency of one vdev's I/O since the pool was
// imported, in nanoseconds, from the columns `zpool iostat -l` adds. A
// zero means ZFS printed "-": no I/O of that kind completed.
type IOLatency struct {
	// TotalRead and TotalWrite are queue plus disk time (total_wait).
	TotalRead  uint64 `json:"total_wait_read_ns"`
	TotalWrite uint64 `json:"total_wait_write_ns"`
	// DiskRead and DiskWrite are the time on the device (disk_wait).
	DiskRead  uint64 `json:"disk_wait_read_ns"`
	DiskWrite uint64 `json:"disk_wait_write_ns"`
	// SyncqRead … AsyncqWrite are time queued before issue, disk excluded.
	SyncqRead   uint64 `json:"syncq_wait_read_ns"`
	SyncqWrite  uint64 `json:"syncq_wait_write_ns"`
	AsyncqRead  uint64 `json:"asyncq_wait_read_ns"`
	AsyncqWrite uint64 `json:"asyncq_wait_write_ns"`
	// Scrub, Trim and Rebuild are time in those queues; OpenZFS 2.1
	// prints no rebuild column (0.7 no trim), so they stay zero there.
	Scrub   uint64 `json:"scrub_wait_ns"`
	Trim    uint64 `json:"trim_wait_ns"`
	Rebuild uint64 `json:"rebuild_wait_ns"`
}

// minLatencyCols is how many columns `zpool iostat -l` adds at least, as
// print_iostat_latency prints them: total, disk, syncq and asyncq wait
// (read and write each) and scrub wait since 0.7; trim wait since 0.8;
// rebuild wait since 2.2.
const minLatencyCols = 9

// parseLatency reads the latency columns of one row; cols holds what
// follows the seven default columns: 9 (0.7), 10 (0.8 to 2.1) or 11
// (2.2 on). Columns a later release may append are ignored.
func parseLatency(cols []string) (*IOLatency, error) {
	var l IOLatency
	dst := []*uint64{&l.TotalRead, &l.TotalWrite, &l.DiskRead, &l.DiskWrite,
		&l.SyncqRead, &l.SyncqWrite, &l.AsyncqRead, &l.AsyncqWrite, &l.Scrub, &l.Trim, &l.Rebuild}
	if len(cols) < minLatencyCols {
		return nil, fmt.Errorf("%d latency columns, want at least %d", len(cols), minLatencyCols)
	}
	for i, d := range dst {
		if i >= len(cols) {
			break
		}
		v, err := parseDashUint(cols[i])
		if err != nil {
			return nil, fmt.Errorf("latency column %d: %w", i+1, err)
		}
		*d = v
	}
	return &l, nil
}

// iostatLatencySince is the first release whose `zpool iostat` has -l.
var iostatLatencySince = ZFSVersion{Major: 0, Minor: 7}

// IOStatArgv is the iostat read for a host: with latencies (-l) when the
// probe found a release that has them, the plain read when the version
// is unknown (releases before 0.8 have no `zfs version` to probe).
func IOStatArgv(v ZFSVersion) []string {
	known := v.Major != 0 || v.Minor != 0 || v.Patch != 0
	if known && (v.Major > iostatLatencySince.Major ||
		v.Major == iostatLatencySince.Major && v.Minor >= iostatLatencySince.Minor) {
		return ArgvIOStat()
	}
	return ArgvIOStatBasic()
}
