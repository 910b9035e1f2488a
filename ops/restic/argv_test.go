package restic

import (
	"slices"
	"strings"
	"testing"

	"github.com/opsdeck/opsdeck/remote"
)

func TestArgvEnvironmentThroughArgv(t *testing.T) {
	file := RepoConfig{Name: "offsite", Repository: "sftp:backup@nas:/srv/restic", PasswordFile: "/root/.restic-pass"}
	got, err := ArgvSnapshots(file)
	want := []string{"env", "RESTIC_REPOSITORY=sftp:backup@nas:/srv/restic", "RESTIC_PASSWORD_FILE=/root/.restic-pass", "restic", "snapshots", "--json", "--no-lock"}
	if err != nil || !slices.Equal(got, want) {
		t.Fatalf("%q %v", got, err)
	}
	cmd := RepoConfig{Repository: "/srv/r", PasswordCommand: "pass show restic"}
	got, _ = ArgvUnlock(cmd)
	want = []string{"env", "RESTIC_REPOSITORY=/srv/r", "restic", "--password-command", "pass show restic", "unlock"}
	if !slices.Equal(got, want) {
		t.Fatalf("%q", got)
	}
	for _, bad := range []RepoConfig{{PasswordFile: "/p"}, {Repository: "/r"}, {Repository: "/r", PasswordFile: "/p", PasswordCommand: "c"}} {
		if _, err := ArgvSnapshots(bad); err == nil {
			t.Errorf("%+v accepted", bad)
		}
	}
}

func TestArgvCheckAndSubset(t *testing.T) {
	repo := RepoConfig{Repository: "/r", PasswordFile: "/p"}
	got, _ := ArgvCheck(repo, "1/5", true)
	if !slices.Equal(got[len(got)-4:], []string{"check", "--read-data-subset", "1/5", "--json"}) {
		t.Errorf("%q", got)
	}
	for _, ok := range []string{"1/5", "2.5%", "10%", "500M", "3"} {
		if err := ValidSubset(ok); err != nil {
			t.Errorf("%s: %v", ok, err)
		}
	}
	for _, bad := range []string{"6/5", "0/5", "x", "1/5; rm -rf /", "-1", ""} {
		if err := ValidSubset(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestArgvNeverRemoveAll(t *testing.T) {
	got, _ := ArgvUnlock(RepoConfig{Repository: "/r", PasswordFile: "/p"})
	if slices.Contains(got, "--remove-all") || got[len(got)-1] != "unlock" {
		t.Fatalf("%q", got)
	}
}

func TestArgvOddNamesSurviveQuoting(t *testing.T) {
	file := `/srv/data/it's "q" $(touch /tmp/pwned) ünï [x].txt`
	repo := RepoConfig{Repository: "/srv/my repo", PasswordFile: "/root/pass word"}
	argv, err := ArgvRestore(repo, "/tmp/opsdeck-drill.AbCdEfGh12", globEscape(file))
	if err != nil {
		t.Fatal(err)
	}
	line := remote.Quote(argv)
	want := ` --include '/srv/data/it'\''s "q" $(touch /tmp/pwned) ünï \[x\].txt'`
	if !strings.HasSuffix(line, want) || !strings.Contains(line, `'RESTIC_REPOSITORY=/srv/my repo'`) {
		t.Errorf("quoted line %s", line)
	}
	if globEscape(`/a/*?[]\b`) != `/a/\*\?\[\]\\b` {
		t.Errorf("escape %q", globEscape(`/a/*?[]\b`))
	}
	if _, err := ArgvRestore(repo, "/t", "relative/path"); err == nil {
		t.Error("relative path accepted")
	}
}

func TestArgvUnitAndLockIDs(t *testing.T) {
	if _, err := ArgvUnitShow("restic-check@offsite.service"); err != nil {
		t.Error(err)
	}
	for _, bad := range []string{"-H", "a b", "x;y", ""} {
		if _, err := ArgvUnitShow(bad); err == nil {
			t.Errorf("unit %q accepted", bad)
		}
	}
	if _, err := ArgvCatLock(RepoConfig{Repository: "/r", PasswordFile: "/p"}, "--remove-all"); err == nil {
		t.Error("option as lock id accepted")
	}
}

func TestDrillDirGuard(t *testing.T) {
	if _, err := ArgvRemoveDrillDir("/tmp/opsdeck-drill.AbCdEfGh12"); err != nil {
		t.Error(err)
	}
	for _, bad := range []string{"/", "/tmp", "/tmp/opsdeck-drill.XXXXXXXXXX/..", "/tmp/../etc/opsdeck-drill.AbCdEfGh12", "tmp/opsdeck-drill.AbCdEfGh12", "/tmp/opsdeck-drill.a"} {
		if _, err := ArgvRemoveDrillDir(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestCompareOutcomes(t *testing.T) {
	a, b := strings.Repeat("a", 64), strings.Repeat("b", 64)
	for _, tt := range []struct {
		rs, ls  string
		rt, lt  int64
		missing bool
		want    Outcome
	}{
		{a, a, 10, 10, false, OutcomeMatch},
		{a, b, 10, 20, false, OutcomeChanged},
		{a, b, 10, 10, false, OutcomeMismatch},
		{a, "", 10, 0, true, OutcomeLiveMissing},
	} {
		if got := Compare(tt.rs, tt.ls, tt.rt, tt.lt, tt.missing); got != tt.want {
			t.Errorf("%+v: %s", tt, got)
		}
	}
	if s, err := ParseSha256(`\` + a + `  /x\ny`); err != nil || s != a {
		t.Errorf("%s %v", s, err)
	}
}
