package demo

import (
	"strings"
	"testing"
	"time"

	"github.com/opsdeck/opsdeck/ops/snapshots"
)

// Every argv ops/snapshots builds gets a real answer, which its own
// parsers accept, directly and through `sudo -n --`.
func TestAnswersSnapshotCommands(t *testing.T) {
	s, _ := newDemoSim()
	for _, argv := range [][]string{snapshots.ArgvListAll(), snapshots.ArgvListDataset("tank/home"),
		snapshots.ArgvDatasetProps(true), snapshots.ArgvDatasetProps(false),
		snapshots.ArgvSnapshotExists("tank/vm/win11", "manual-before-upgrade"), snapshots.ArgvTimeZone()} {
		for _, a := range [][]string{argv, append([]string{"sudo", "-n", "--"}, argv...)} {
			if out := s.Run(a); out.Code != 0 || out.Stderr != "" || out.Stdout == "" {
				t.Errorf("%q: %+v", a, out)
			}
		}
	}
	all, err := snapshots.ParseList([]byte(s.Run(snapshots.ArgvListAll()).Stdout))
	if err != nil {
		t.Fatal(err)
	}
	props, err := snapshots.ParseDatasetProps([]byte(s.Run(snapshots.ArgvDatasetProps(true)).Stdout))
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 2000 || len(props) != 8 {
		t.Fatalf("%d snapshots, %d datasets", len(all), len(props))
	}
	for i := 1; i < len(all); i++ {
		if all[i].Creation.Before(all[i-1].Creation) {
			t.Fatalf("listing not sorted by creation at %d", i)
		}
	}
	sums := snapshots.Summarise(all, snapshots.DefaultNaming(), demoEpoch, 2*time.Hour, props)
	stale, held := []string{}, 0
	for _, sum := range sums {
		if sum.Stale {
			stale = append(stale, sum.Dataset)
		}
		held += sum.Held
		if sum.Count > 0 && (sum.OldestAge < 360*24*time.Hour || sum.UsedBySnapshots == 0) {
			t.Errorf("%s: %+v", sum.Dataset, sum)
		}
		if sum.Count > 0 && sum.Dataset != "tank/media" && sum.Manual == 0 && sum.Dataset != "tank/backup" && sum.Dataset != "tank/monitoring" {
			t.Errorf("%s has no manual snapshot", sum.Dataset)
		}
	}
	if strings.Join(stale, ",") != "tank/media" || held != 1 {
		t.Errorf("stale %v, held %d", stale, held)
	}
	home, _ := snapshots.ParseList([]byte(s.Run(snapshots.ArgvListDataset("tank/home")).Stdout))
	if len(home) != 365+48+1 || home[0].Dataset != "tank/home" {
		t.Errorf("tank/home: %d", len(home))
	}
	if zone, err := snapshots.ParseTimeZone(s.Run(snapshots.ArgvTimeZone()).Stdout); err != nil || zone != "Etc/UTC" {
		t.Errorf("time zone %q %v", zone, err)
	}
	if out := s.Run(snapshots.ArgvListDataset("tank/nope")); out.Code != 1 {
		t.Errorf("missing dataset: %+v", out)
	}
}

func TestSnapshotAndPruneChangeTheDemo(t *testing.T) {
	s, clk := newDemoSim()
	clk.Set(demoEpoch.Add(time.Minute))
	name := snapshots.DefaultSnapshotName(clk.Now())
	if out := s.Run(append([]string{"sudo", "-n", "--"}, snapshots.ArgvSnapshot("tank/vm", name, true)...)); out.Code != 0 {
		t.Fatalf("snapshot: %+v", out)
	}
	for _, ds := range []string{"tank/vm", "tank/vm/win11"} {
		if out := s.Run(snapshots.ArgvSnapshotExists(ds, name)); out.Stdout != ds+"@"+name+"\n" {
			t.Errorf("%s: %+v", ds, out)
		}
	}
	if out := s.Run(snapshots.ArgvSnapshot("tank/vm", name, false)); out.Code != 1 || !strings.Contains(out.Stderr, "already exists") {
		t.Errorf("duplicate: %+v", out)
	}
	props, _ := snapshots.ParseDatasetProps([]byte(s.Run(snapshots.ArgvDatasetProps(true)).Stdout))
	if props["tank/vm"].SnapshotsChanged != clk.Now().Unix() {
		t.Errorf("snapshots_changed %+v", props["tank/vm"])
	}

	backup, _ := snapshots.ParseList([]byte(s.Run(snapshots.ArgvListDataset("tank/backup")).Stdout))
	plan := snapshots.PlanRetention("tank/backup", backup, snapshots.DefaultPolicy(), snapshots.DefaultNaming(), time.UTC)
	if len(plan.Destroy) < 300 || !hasReason(plan, "held") {
		t.Fatalf("plan: destroy %d, keep %d", len(plan.Destroy), len(plan.Keep))
	}
	a := snapshots.PruneAction(nil, plan)
	for _, step := range a.Steps {
		out := s.Run(step.Argv)
		if out.Code != 0 || !strings.HasPrefix(out.Stdout, "will destroy tank/backup@auto-") || !strings.Contains(out.Stdout, "will reclaim ") {
			t.Fatalf("%q: %+v", step.Argv, out)
		}
	}
	after, _ := snapshots.ParseList([]byte(s.Run(snapshots.ArgvListDataset("tank/backup")).Stdout))
	if len(after) != len(plan.Keep) {
		t.Errorf("%d left, plan keeps %d", len(after), len(plan.Keep))
	}
	if out := s.Run(snapshots.ArgvDestroy("tank/backup", []string{"nope"})); out.Code != 1 {
		t.Errorf("destroy of nothing: %+v", out)
	}
	held := plan.Keep[len(plan.Keep)-1].Snapshot
	for _, k := range plan.Keep {
		if k.Snapshot.Holds > 0 {
			held = k.Snapshot
		}
	}
	if out := s.Run(snapshots.ArgvDestroy("tank/backup", []string{held.Name})); out.Code != 1 || !strings.Contains(out.Stderr, "busy") {
		t.Errorf("destroy of a held snapshot: %+v", out)
	}
}

func hasReason(p snapshots.Plan, reason string) bool {
	for _, k := range p.Keep {
		for _, r := range k.Reasons {
			if r == reason {
				return true
			}
		}
	}
	return false
}
