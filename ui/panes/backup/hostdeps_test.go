package backup

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ops/action"
	"github.com/opsdeck/opsdeck/ops/config"
	"github.com/opsdeck/opsdeck/ops/restic"
)

func TestSnapshotDepsPlanAndPrune(t *testing.T) {
	cfg := config.BackupConfig{AutoPrefixes: []string{"zrepl_"}, ManualPrefix: "hand-", KeepDaily: 3}
	var d Deps
	snapshotDeps(&d, cfg)
	now := time.Date(2026, 11, 26, 14, 0, 0, 0, time.UTC)
	var snaps []Snapshot
	for i := 0; i < 10*24; i += 6 { // every 6 h for 10 days
		ts := now.Add(-time.Duration(i) * time.Hour)
		snaps = append(snaps, Snapshot{Dataset: "tank/a b", Name: "zrepl_" + ts.Format("20060102_1504"), Creation: ts, Auto: true})
	}
	snaps = append(snaps, Snapshot{Dataset: "tank/a b", Name: "hand-1", Creation: now.Add(-300 * time.Hour), Manual: true})
	plan := d.Plan(snaps, now)
	if len(plan.Keep)+len(plan.Destroy) != len(snaps) || len(plan.Destroy) == 0 {
		t.Fatalf("plan keeps %d and destroys %d of %d", len(plan.Keep), len(plan.Destroy), len(snaps))
	}
	var manual, daily bool
	for _, k := range plan.Keep {
		r := strings.Join(k.Reasons, ",")
		manual = manual || k.Snapshot.Name == "hand-1" && strings.Contains(r, "manual")
		daily = daily || strings.Contains(r, "daily")
		if !k.Snapshot.Auto && k.Snapshot.Name != "hand-1" {
			t.Errorf("%s lost its kind", k.Snapshot.Name)
		}
	}
	if !manual || !daily {
		t.Fatalf("reasons lost: manual %v daily %v in %+v", manual, daily, plan.Keep)
	}
	a, err := d.Actions.Prune(&ops.Host{Name: "lab"}, "tank/a b", plan)
	if err != nil {
		t.Fatal(err)
	}
	if a.Danger != action.Bulk || a.Count != len(plan.Destroy) {
		t.Fatalf("prune is %v of %d, want bulk of %d", a.Danger, a.Count, len(plan.Destroy))
	}
	if l := a.Commands()[0].Line; !strings.HasPrefix(l, "zfs destroy") || !strings.Contains(l, "tank/a b@"+plan.Destroy[0].Name) {
		t.Fatalf("prune runs %q", l)
	}
	if got := d.DefaultName(now); got != "hand-20261126-140000" {
		t.Fatalf("default name %q", got)
	}
	if err := d.ValidName("tank", "a/b"); err == nil {
		t.Fatal("a slash passed the name check")
	}
	if d.rpo("tank") != DefaultSnapshotRPO {
		t.Fatalf("rpo %v without a configured one", d.rpo("tank"))
	}
}

func TestFromOpsKinds(t *testing.T) {
	var d Deps
	snapshotDeps(&d, config.BackupConfig{AutoPrefixes: []string{"auto-"}, ManualPrefix: "manual-"})
	a, err := d.Actions.SnapshotNow(&ops.Host{Name: "lab"}, "tank", "manual-x", true)
	if err != nil || !strings.Contains(a.Commands()[0].Line, "-r") {
		t.Fatalf("snapshot now: %v %+v", err, a.Commands())
	}
}

func TestFromStatus(t *testing.T) {
	now := time.Date(2026, 11, 26, 14, 0, 0, 0, time.UTC)
	down := fromStatus(restic.RepoStatus{Repo: config.ResticRepo{Name: "offsite", Repository: "sftp:x:/r"},
		Err: errors.New("exit status 12"), Hint: "check the password file"})
	if down.Name != "offsite" || down.Reachable || down.Reason != "exit status 12" || down.Hint == "" {
		t.Fatalf("unreachable: %+v", down)
	}
	good := &restic.DrillRecord{Time: now.Add(-48 * time.Hour), File: "/etc/hosts", OK: true}
	up := fromStatus(restic.RepoStatus{Repo: config.ResticRepo{Repository: "/srv/r"}, Reachable: true, Count: 3,
		Latest:     []restic.Latest{{Host: "nas", Paths: []string{"/a", "/b"}, Snapshot: restic.Snapshot{Time: now, ShortID: "abc"}}},
		StaleLocks: 1, Running: []int{42},
		State: restic.State{LastGoodDrill: good, LastDrill: &restic.DrillRecord{Time: now, File: "/x"}}})
	if up.Name != "/srv/r" || up.Count != 3 || len(up.Latest) != 1 || up.Latest[0].Paths != "/a /b" || up.Latest[0].ID != "abc" {
		t.Fatalf("reachable: %+v", up)
	}
	if !strings.Contains(up.LockHint, "42") {
		t.Fatalf("lock hint %q does not name the running restic", up.LockHint)
	}
	if up.Drill.OK || !up.Drill.When.Equal(now) || !up.Drill.LastGood.Equal(good.Time) {
		t.Fatalf("a failed last drill shows as %+v", up.Drill)
	}
}

func TestResticDepsByLabel(t *testing.T) {
	cfg := config.BackupConfig{Restic: []config.ResticRepo{{Name: "offsite", Repository: "sftp:b@h:/r", PasswordFile: "/etc/restic.pw"}}}
	var d Deps
	resticDeps(&d, cfg, nil, time.Now)
	if d.ValidSubset("2.5%") != nil || d.ValidSubset("half") == nil {
		t.Fatal("subsets are not checked with restic's rules")
	}
	h := &ops.Host{Name: "lab"}
	a, err := d.Actions.Check(h, "offsite", "1/5")
	if err != nil {
		t.Fatal(err)
	}
	if l := a.Commands()[0].Line; !strings.Contains(l, "sftp:b@h:/r") || !strings.Contains(l, "--read-data-subset 1/5") {
		t.Fatalf("check runs %q", l)
	}
	if _, err := d.Actions.Unlock(h, "elsewhere"); err == nil {
		t.Fatal("an unconfigured repository was acted on")
	}
}
