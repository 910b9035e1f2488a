package snapshots

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/opsdeck/opsdeck/ops/action"
)

func TestSnapshotNames(t *testing.T) {
	now := time.Date(2026, 11, 26, 9, 5, 7, 0, time.UTC)
	if got := DefaultSnapshotName(now); got != "manual-20261126-090507" {
		t.Errorf("default name %q", got)
	}
	for _, ok := range []string{"manual-20261126-090507", "a b:c.d_e-f", "x"} {
		if err := ValidateSnapshotName("tank/a b", ok); err != nil {
			t.Errorf("%q: %v", ok, err)
		}
	}
	for _, bad := range []string{"", "a@b", "a/b", "a,b", "a%b", "ä", "a\tb", ".", "..", strings.Repeat("x", 250)} {
		if err := ValidateSnapshotName("tank/data", bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestSnapshotNowAction(t *testing.T) {
	f := &fakeRunner{answer: func(argv []string) (string, error) { return argv[len(argv)-1] + "\n", nil }}
	h := fakeHost(f, 2, 3)
	a := SnapshotNowAction(h, "tank/a b", "manual-1", true)
	if err := a.Validate(); err != nil {
		t.Fatal(err)
	}
	if got := a.Commands()[0].Line; got != "zfs snapshot -r 'tank/a b@manual-1'" {
		t.Errorf("command %s", got)
	}
	if a.Danger != action.Change || a.Target != "tank/a b@manual-1" || !a.Steps[0].Privileged {
		t.Errorf("action %+v", a)
	}
	if text, err := a.Verify(context.Background()); err != nil || !strings.Contains(text, "tank/a b@manual-1") {
		t.Errorf("verify %q %v", text, err)
	}
	if err := SnapshotNowAction(h, "tank/a", "bad/name", false).Validate(); err == nil {
		t.Error("bad name validated")
	}
	f.answer = func([]string) (string, error) { return "", errors.New("dataset does not exist") }
	if _, err := a.Verify(context.Background()); err == nil {
		t.Error("verify passed for a missing snapshot")
	}
}

func TestPruneActionBatches(t *testing.T) {
	snaps := gen(utc(2026, 1, 1, 0), utc(2026, 1, 6, 0), time.Hour) // 121
	plan := PlanRetention("tank/d", snaps, Policy{Daily: 1}, DefaultNaming(), nil)
	a := PruneAction(fakeHost(&fakeRunner{}, 2, 3), plan)
	if err := a.Validate(); err != nil {
		t.Fatal(err)
	}
	if a.Danger != action.Bulk || a.Count != 120 || len(a.Steps) != 3 {
		t.Fatalf("danger %v count %d steps %d", a.Danger, a.Count, len(a.Steps))
	}
	first := a.Steps[0].Argv
	if len(first) != 4 || strings.Count(first[3], ",") != DestroyBatch-1 || !strings.HasPrefix(first[3], "tank/d@auto-00000,auto-00001,") {
		t.Errorf("first batch %q", first)
	}
	if last := a.Steps[2].Argv[3]; strings.Count(last, ",") != 19 {
		t.Errorf("last batch %q", last)
	}
	// A hand-edited plan that would destroy a held snapshot is refused.
	bad := plan
	bad.Destroy = append([]Snapshot{{Dataset: "tank/d", Name: "auto-x", Holds: 1}}, plan.Destroy...)
	if err := PruneAction(fakeHost(&fakeRunner{}, 2, 3), bad).Validate(); err == nil {
		t.Error("held snapshot in the destroy list validated")
	}
	if err := PruneAction(fakeHost(&fakeRunner{}, 2, 3), Plan{Dataset: "tank/d"}).Validate(); err == nil {
		t.Error("empty prune validated")
	}
}

// fakeZFS records its argv, one line per call with arguments separated
// by "|", and answers the -d 1 listing from a file the test controls.
const fakeZFS = `#!/bin/sh
log="$(dirname "$0")/argv.log"
printf '%s' "$1" >>"$log"; shift
for a in "$@"; do printf '|%s' "$a" >>"$log"; done
echo >>"$log"
case "$1" in
-H) cat "$(dirname "$0")/listing" ;;
-v) echo "will destroy $2" ;;
esac
`

func TestPruneThroughSSH(t *testing.T) {
	h, bin := sshHostWithFakeZFS(t)
	const ds = "tank/a b: c.d"
	snaps := []Snapshot{
		{Dataset: ds, Name: "auto-1", Creation: utc(2026, 1, 1, 0)},
		{Dataset: ds, Name: "auto 2", Creation: utc(2026, 1, 1, 1)},
		{Dataset: ds, Name: "auto-3", Creation: utc(2026, 1, 2, 0)},
	}
	plan := PlanRetention(ds, snaps, Policy{Daily: 1}, Naming{AutoPrefixes: []string{"auto"}}, nil)
	writeFile(t, filepath.Join(bin, "listing"), fmt.Sprintf("%s@auto-3\t1767312000\t0\t0\t0\n", ds))
	ex := testExecutor(t)
	var lines []string
	res := ex.Run(context.Background(), PruneAction(h, plan), func(l string) { lines = append(lines, l) })
	if res.Err != nil || res.VerifyErr != nil {
		t.Fatalf("prune: %v / verify %v\n%v", res.Err, res.VerifyErr, lines)
	}
	want := "destroy|-v|tank/a b: c.d@auto-1,auto 2\nlist|-H|-p|-t|snapshot|-o|name,creation,used,referenced,userrefs|-s|creation|-d|1|tank/a b: c.d\n"
	if got := readFile(t, filepath.Join(bin, "argv.log")); got != want {
		t.Errorf("argv log\n got %q\nwant %q", got, want)
	}
	if len(lines) != 1 || lines[0] != "will destroy tank/a b: c.d@auto-1,auto 2" || !strings.Contains(res.VerifyText, "2 destroyed") {
		t.Errorf("output %q verify %q", lines, res.VerifyText)
	}
	// Verify notices a snapshot that survived.
	writeFile(t, filepath.Join(bin, "listing"), fmt.Sprintf("%s@auto-1\t1\t0\t0\t0\n%s@auto-3\t2\t0\t0\t0\n", ds, ds))
	if res := ex.Run(context.Background(), PruneAction(h, plan), nil); res.VerifyErr == nil {
		t.Error("verify passed with auto-1 still there")
	}
}

func TestSnapshotNowThroughSSH(t *testing.T) {
	h, bin := sshHostWithFakeZFS(t)
	const ds = "tank/a b: c.d"
	writeFile(t, filepath.Join(bin, "listing"), ds+"@manual 1\n")
	res := testExecutor(t).Run(context.Background(), SnapshotNowAction(h, ds, "manual 1", false), nil)
	if res.Err != nil || res.VerifyErr != nil || !strings.Contains(res.VerifyText, ds+"@manual 1") {
		t.Fatalf("%+v", res)
	}
	want := "snapshot|tank/a b: c.d@manual 1\nlist|-H|-o|name|-t|snapshot|tank/a b: c.d@manual 1\n"
	if got := readFile(t, filepath.Join(bin, "argv.log")); got != want {
		t.Errorf("argv log\n got %q\nwant %q", got, want)
	}
}

func TestActionsWithoutHostDoNotPanic(t *testing.T) {
	plan := PlanRetention("tank/d", gen(utc(2026, 1, 1, 0), utc(2026, 1, 2, 0), time.Hour), Policy{}, DefaultNaming(), nil)
	for _, a := range []action.Action{SnapshotNowAction(nil, "tank/d", "x", false), PruneAction(nil, plan)} {
		if err := a.Validate(); err == nil {
			t.Errorf("%s validated without a host", a.Title)
		}
		if _, err := a.Verify(context.Background()); err == nil {
			t.Errorf("%s verified without a host", a.Title)
		}
	}
}
