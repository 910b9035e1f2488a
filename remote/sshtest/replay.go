package sshtest

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// InstallZFSReplay puts fake zpool, zfs, cat and systemctl first on the
// server's PATH. They replay the real OpenZFS 2.3 captures in fixtures
// (the repository's testdata/zfs/2.3) for exactly the argv the console
// sends, and fail loudly on any other, so a changed command line shows up
// in the tests that use it rather than as an empty pane.
func (srv *Server) InstallZFSReplay(t testing.TB, fixtures string) {
	t.Helper()
	fix, err := filepath.Abs(fixtures)
	if err != nil {
		t.Fatal(err)
	}
	scripts := map[string]string{
		"zpool": `case "$*" in
"status -v -j --json-int") f=zpool_status_j_int.json ;;
"status -v -p") f=zpool_status_p.txt ;;
"list -j --json-int -o name,size,allocated,free,fragmentation,capacity,dedupratio,health") f=zpool_list_j.json ;;
"list -Hp -o name,size,allocated,free,fragmentation,capacity,dedupratio,health") f=pool_list_o.txt ;;
"iostat -vHp") f=zpool_iostat_vHp.txt ;;
"iostat -vlHp") f=zpool_iostat_vlHp.txt ;;
*) echo "fake zpool: unexpected arguments: $*" >&2; exit 2 ;;
esac`,
		"zfs": `case "$*" in
"version") f=zfs_version.txt ;;
"list -Hp -t filesystem,volume -o name,type,used,avail,refer,compressratio,recordsize,compression,atime,xattr,special_small_blocks,mountpoint") f=datasets_o.txt ;;
"list -j --json-int -t filesystem,volume -o name,type,used,avail,refer,compressratio,recordsize,compression,atime,xattr,special_small_blocks,mountpoint") f=datasets_o.json ;;
*) echo "fake zfs: unexpected arguments: $*" >&2; exit 2 ;;
esac`,
		"cat": `case "$*" in
"/proc/spl/kstat/zfs/arcstats") f=arcstats_kstat.txt ;;
"/etc/cron.d/zfsutils-linux") printf '%s\n' '# Scrub the second Sunday of every month.' '24 0 8-14 * * root if [ $(date +\%w) -eq 0 ] && [ -x /usr/lib/zfs-linux/scrub ]; then /usr/lib/zfs-linux/scrub; fi'; exit 0 ;;
*) exec /bin/cat "$@" ;;
esac`,
		"systemctl": `case "$1" in
list-timers) exit 0 ;;
*) echo "fake systemctl: unexpected arguments: $*" >&2; exit 1 ;;
esac`,
	}
	for name, body := range scripts {
		script := fmt.Sprintf("#!/bin/sh\nD=%s\n%s\ntail -n +2 \"$D/$f\"\n", shellQuote(fix), body)
		if err := os.WriteFile(filepath.Join(srv.BinDir, name), []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
	}
}

func shellQuote(s string) string { return "'" + s + "'" }
