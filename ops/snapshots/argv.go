package snapshots

import (
	"strings"

	"github.com/opsdeck/opsdeck/ops"
)

// listColumns are the listing's columns; userrefs (the hold count) has
// existed since holds did (ZFS pool version 18), so 2.1 and 2.3 both
// answer it.
const listColumns = "name,creation,used,referenced,userrefs"

// listFields is how many tab-separated fields a listing line has.
const listFields = 5

// ArgvListAll is the streamed listing of every snapshot, oldest first.
//
// It is -H -p text on every version, although OpenZFS >= 2.3 has -j:
// zfs prints JSON as one document only after it has collected every
// snapshot, so a 100 000-snapshot listing would arrive in one piece at
// the very end; tab-separated lines arrive as zfs walks the datasets,
// and the summary fills progressively.
func ArgvListAll() []string {
	return []string{"zfs", "list", "-H", "-p", "-t", "snapshot", "-o", listColumns, "-s", "creation"}
}

// ArgvListDataset lists only dataset's own snapshots (-d 1), oldest
// first. dataset is one argv element: spaces and colons need no care
// here, the runner quotes.
func ArgvListDataset(dataset string) []string {
	return []string{"zfs", "list", "-H", "-p", "-t", "snapshot", "-o", listColumns, "-s", "creation", "-d", "1", dataset}
}

// HasSnapshotsChanged reports whether v has the snapshots_changed
// property (OpenZFS >= 2.2); 2.1 rejects the whole `zfs get` with
// "bad property list" when it is named.
func HasSnapshotsChanged(v ops.ZFSVersion) bool {
	return v.Major > 2 || (v.Major == 2 && v.Minor >= 2)
}

// ArgvDatasetProps reads usedbysnapshots (and snapshots_changed when
// withChanged) of every filesystem and volume. The property column is
// requested too: matching values to properties by their order in the
// output would silently mix them up if zfs ever skipped one.
func ArgvDatasetProps(withChanged bool) []string {
	props := "usedbysnapshots"
	if withChanged {
		props = "snapshots_changed,usedbysnapshots"
	}
	return []string{"zfs", "get", "-H", "-p", "-o", "name,property,value", "-t", "filesystem,volume", props}
}

// ArgvSnapshotExists succeeds only when DATASET@NAME exists.
func ArgvSnapshotExists(dataset, name string) []string {
	return []string{"zfs", "list", "-H", "-o", "name", "-t", "snapshot", dataset + "@" + name}
}

// ArgvSnapshot takes DATASET@NAME, with -r for every descendant too.
func ArgvSnapshot(dataset, name string, recursive bool) []string {
	argv := []string{"zfs", "snapshot"}
	if recursive {
		argv = append(argv, "-r")
	}
	return append(argv, dataset+"@"+name)
}

// ArgvDestroy destroys several snapshots of one dataset in one command
// with the comma form `zfs destroy -v DATASET@a,b,c` (zfs(8): "An
// inclusive range of snapshots may be specified by separating the first
// and last snapshots with a percent sign. Multiple snapshots (or ranges
// of snapshots) of the same filesystem or volume may be specified in a
// comma-separated list"). -v prints one "will destroy" line per
// snapshot, which is the action's progress. names must not be empty and
// contain no ',' or '%' (ValidateSnapshotName refuses both).
func ArgvDestroy(dataset string, names []string) []string {
	return []string{"zfs", "destroy", "-v", dataset + "@" + strings.Join(names, ",")}
}
