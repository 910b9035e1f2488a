//go:build e2e

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/opsdeck/opsdeck/ops/restic"
	"github.com/opsdeck/opsdeck/ops/snapshots"
)

// The Backup pane's actions against the guest, through the snapshots and
// restic packages over real SSH, and the pane itself on the console.

// labOddDataset has a space, a colon and a period in its name.
const labOddDataset = "tank/data/q1 report: v1.2"

// guestSnapshots lists dataset's own snapshot names in the guest.
func guestSnapshots(t *testing.T, dataset string) []string {
	t.Helper()
	return strings.Fields(guest(t, "zfs list -H -o name -t snapshot -d 1 "+shq(dataset)+" | sed 's/.*@//'"))
}

// TestE2EBackupSnapshotNow: snapshot now on the dataset with the odd name
// makes the snapshot the guest lists; the console lists tank/data's own
// snapshots as the guest does.
func TestE2EBackupSnapshotNow(t *testing.T) {
	h := labHost(t)
	name := snapshots.DefaultSnapshotName(time.Now())
	full := labOddDataset + "@" + name
	t.Cleanup(func() { guestAs(t, labAlias, "zfs destroy "+shq(full)) })
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	res := labExecutor(t).Run(ctx, snapshots.SnapshotNowAction(h, labOddDataset, name, false), nil)
	if res.Err != nil || res.VerifyErr != nil {
		t.Fatalf("snapshot now: %v / verify %v\n%s", res.Err, res.VerifyErr, strings.Join(res.Output, "\n"))
	}
	if got := strings.TrimSpace(guest(t, "zfs list -H -o name -t snapshot "+shq(full))); got != full {
		t.Fatalf("guest lists %q, want %q", got, full)
	}
	if !strings.Contains(res.VerifyText, full) {
		t.Errorf("verify says %q, want it to name %s", res.VerifyText, full)
	}

	truth := guestSnapshots(t, "tank/data")
	c := startConsole(t, labAlias)
	c.waitScreen("the console", 2*time.Minute, "Pool")
	c.keys("4")
	c.waitScreen("the Backup pane's dataset list", 2*time.Minute, "tank/data ")
	// One step at a time towards tank/data: the list is sorted by name.
	waitFor(t, "the cursor on tank/data", time.Minute, func() (bool, string) {
		s := c.screen()
		for _, line := range strings.Split(s, "\n") {
			if rest, ok := strings.CutPrefix(line, "› "); ok {
				cur := strings.Fields(rest)[0]
				switch {
				case cur == "tank/data":
					return true, ""
				case cur < "tank/data":
					c.keys("Down")
				default:
					c.keys("Up")
				}
				return false, s
			}
		}
		return false, s
	})
	c.keys("Enter")
	want := append([]string{"tank/data — its own snapshots", fmt.Sprintf("of %d · j/k scroll", len(truth))}, truth...)
	c.waitScreen("tank/data's snapshots", time.Minute, want...)
}

// TestE2EBackupPrune: on a scratch dataset with 30 automatic snapshots
// (one held), a manual one and keep_daily=1, the preview destroys every
// automatic one but the newest and the held one; the prune destroys
// exactly those.
func TestE2EBackupPrune(t *testing.T) {
	h := labHost(t)
	const ds = "tank/scratch/prune-e2e"
	t.Cleanup(func() {
		guestAs(t, labAlias, "zfs release -r e2e "+shq(ds+"@auto-e2e-10")+"; zfs destroy -r "+shq(ds))
	})
	// Taken in name order within seconds: creation times tie, and the
	// planner's tie-break (the greater name is newer) makes auto-e2e-29
	// the newest, as it is.
	guest(t, fmt.Sprintf("set -e; zfs create %s; for i in $(seq -w 0 29); do zfs snapshot %s$i; done; zfs hold e2e %s; zfs snapshot %s",
		shq(ds), shq(ds+"@auto-e2e-"), shq(ds+"@auto-e2e-10"), shq(ds+"@manual-e2e")))

	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	snaps, err := snapshots.ListDataset(ctx, h, ds)
	if err != nil {
		t.Fatal(err)
	}
	loc, err := snapshots.ReadLocation(ctx, h)
	if err != nil {
		t.Fatal(err)
	}
	plan := snapshots.PlanRetention(ds, snaps, snapshots.Policy{Daily: 1}, snapshots.DefaultNaming(), loc)
	kept := map[string][]string{}
	for _, k := range plan.Keep {
		kept[k.Snapshot.Name] = k.Reasons
	}
	var destroy []string
	for _, s := range plan.Destroy {
		destroy = append(destroy, s.Name)
	}
	var wantDestroy []string
	for i := range 29 {
		if i != 10 {
			wantDestroy = append(wantDestroy, fmt.Sprintf("auto-e2e-%02d", i))
		}
	}
	slices.Sort(destroy)
	if !slices.Equal(destroy, wantDestroy) {
		t.Fatalf("preview destroys %v, want %v", destroy, wantDestroy)
	}
	if len(kept) != 3 || !slices.Contains(kept["auto-e2e-29"], snapshots.ReasonNewest) ||
		!slices.Contains(kept["auto-e2e-10"], snapshots.ReasonHeld) || !slices.Contains(kept["manual-e2e"], snapshots.ReasonManual) {
		t.Fatalf("preview keeps %v, want auto-e2e-29 (newest), auto-e2e-10 (held), manual-e2e (manual)", kept)
	}

	a := snapshots.PruneAction(h, plan)
	if a.Count != 28 {
		t.Fatalf("prune asks to type %d, want 28", a.Count)
	}
	res := labExecutor(t).Run(ctx, a, nil)
	if res.Err != nil || res.VerifyErr != nil {
		t.Fatalf("prune: %v / verify %v\n%s", res.Err, res.VerifyErr, strings.Join(res.Output, "\n"))
	}
	left := guestSnapshots(t, ds)
	slices.Sort(left)
	if want := []string{"auto-e2e-10", "auto-e2e-29", "manual-e2e"}; !slices.Equal(left, want) {
		t.Fatalf("guest has %v left, want %v", left, want)
	}
}

// TestE2EBackupRestoreDrill: a file whose name has quotes and non-ASCII
// letters, backed up into the lab's restic repository, is restored by
// the drill with a matching checksum, and its temporary directory goes.
func TestE2EBackupRestoreDrill(t *testing.T) {
	h := labHost(t)
	repo := restic.RepoConfig{Name: "lab", Repository: "/tank/backup/restic", PasswordFile: "/root/.restic-pass"}
	env := "RESTIC_REPOSITORY=/tank/backup/restic RESTIC_PASSWORD_FILE=/root/.restic-pass "
	const dir = "/tank/data/drill-e2e"
	file := dir + `/it's "q" ünï.txt`
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	before := restic.ReadRepo(ctx, h, repo, time.Now(), 26*time.Hour)
	if !before.Reachable {
		t.Fatalf("ReadRepo before: %v (%s; %s)", before.Err, before.Reason, before.Hint)
	}

	t.Cleanup(func() { guestAs(t, labAlias, "rm -rf "+shq(dir)) })
	guest(t, fmt.Sprintf("set -e; mkdir -p %s; head -c 100000 /dev/urandom > %s", shq(dir), shq(file)))
	var id string
	for _, line := range strings.Split(guest(t, env+"restic backup --json --host opsdeck-lab --tag e2e "+shq(dir)), "\n") {
		var m struct {
			Type string `json:"message_type"`
			ID   string `json:"snapshot_id"`
		}
		if json.Unmarshal([]byte(line), &m) == nil && m.Type == "summary" {
			id = m.ID
		}
	}
	if id == "" {
		t.Fatal("restic backup printed no snapshot id")
	}
	t.Cleanup(func() { guestAs(t, labAlias, env+"restic forget --prune "+id) })

	after := restic.ReadRepo(ctx, h, repo, time.Now(), 26*time.Hour)
	if !after.Reachable || after.Count != before.Count+1 {
		t.Fatalf("ReadRepo after the backup: reachable %v, %d snapshots (before %d), %v", after.Reachable, after.Count, before.Count, after.Err)
	}
	if !slices.ContainsFunc(after.Latest, func(l restic.Latest) bool { return slices.Equal(l.Paths, []string{dir}) && l.Host == "opsdeck-lab" }) {
		t.Errorf("ReadRepo's latest snapshots %+v have none of %s", after.Latest, dir)
	}

	store, err := restic.OpenStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var out []string
	res := labExecutor(t).Run(ctx, restic.RestoreDrillAction(h, repo, file, store), func(l string) {
		mu.Lock()
		defer mu.Unlock()
		out = append(out, l)
	})
	mu.Lock()
	defer mu.Unlock()
	if res.Err != nil || res.VerifyErr != nil {
		t.Fatalf("restore drill: %v / verify %v\n%s", res.Err, res.VerifyErr, strings.Join(res.Output, "\n"))
	}
	if !strings.HasSuffix(res.VerifyText, string(restic.OutcomeMatch)) {
		t.Errorf("drill says %q, want a match", res.VerifyText)
	}
	var tmp string
	for _, l := range out {
		if d, ok := strings.CutPrefix(l, "temporary directory "); ok {
			tmp = d
		}
	}
	if !strings.HasPrefix(tmp, "/tmp/opsdeck-drill.") {
		t.Fatalf("no temporary directory in the drill's output:\n%s", strings.Join(out, "\n"))
	}
	if r := guestAs(t, labAlias, "test -e "+shq(tmp)); r.Code == 0 {
		t.Errorf("%s is still there after the drill", tmp)
	}
	st, err := store.Load(labAlias, repo)
	if err != nil || st.LastDrill == nil || !st.LastDrill.OK || st.LastDrill.File != file {
		t.Errorf("stored drill: %+v, %v", st, err)
	}
}
