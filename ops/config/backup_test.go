package config

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestBackupBlockMerges(t *testing.T) {
	c, err := Load(write(t, `
[defaults.backup]
snapshot_rpo = "90m"
keep_daily = 14
[[defaults.backup.restic]]
name = "offsite"
repository = "s3:s3.example.com/bucket"
password_command = "pass show restic"

[hosts.nas.backup]
auto_prefixes = ["zrepl_"]
manual_prefix = "hand-"
restic_rpo = "50h"
[[hosts.nas.backup.restic]]
name = "usb"
repository = "/mnt/usb/restic"
password_file = "/root/usb.pass"
check_unit = "restic-check@usb.service"
`))
	if err != nil {
		t.Fatal(err)
	}
	nas := c.ForHost("nas").Backup
	want := BackupConfig{SnapshotRPO: 90 * time.Minute, AutoPrefixes: []string{"zrepl_"}, ManualPrefix: "hand-",
		KeepDaily: 14, KeepWeekly: 4, KeepMonthly: 12, KeepYearly: 3, ResticRPO: 50 * time.Hour,
		Restic: []ResticRepo{{Name: "usb", Repository: "/mnt/usb/restic", PasswordFile: "/root/usb.pass", CheckUnit: "restic-check@usb.service"}}}
	if !reflect.DeepEqual(nas, want) {
		t.Errorf("nas\n got %+v\nwant %+v", nas, want)
	}
	other := c.ForHost("other").Backup
	if other.SnapshotRPO != 90*time.Minute || len(other.AutoPrefixes) != 3 || len(other.Restic) != 1 || other.Restic[0].PasswordCommand != "pass show restic" {
		t.Errorf("other %+v", other)
	}
	nas.AutoPrefixes[0] = "mutated"
	if c.ForHost("nas").Backup.AutoPrefixes[0] != "zrepl_" {
		t.Error("ForHost returned a shared slice")
	}
}

func TestBackupBlockRejects(t *testing.T) {
	for body, want := range map[string]string{
		"[defaults.backup]\nsnapshot_rpo = \"1s\"\n":                                                                       "defaults.backup.snapshot_rpo",
		"[defaults.backup]\nkeep_daily = -1\n":                                                                             "defaults.backup.keep_daily",
		"[defaults.backup]\nauto_prefixes = \"auto-\"\n":                                                                   "defaults.backup.auto_prefixes",
		"[defaults.backup]\nauto_prefixes = [\"a/b\"]\n":                                                                   "defaults.backup.auto_prefixes",
		"[defaults.backup]\nmanual_prefix = \"auto-manual\"\n":                                                             "defaults.backup.manual_prefix",
		"[defaults.backup]\nkeep_hourly = 24\n":                                                                            "defaults.backup.keep_hourly",
		"[hosts.a.backup]\nrestic = 3\n":                                                                                   "hosts.a.backup.restic",
		"[[hosts.a.backup.restic]]\nrepository = \"/r\"\n":                                                                 "hosts.a.backup.restic",
		"[[hosts.a.backup.restic]]\nname = \"x\"\npassword_file = \"/p\"\n":                                                "hosts.a.backup.restic",
		"[[hosts.a.backup.restic]]\nname = \"x\"\nrepository = \"/r\"\n":                                                   "hosts.a.backup.restic",
		"[[hosts.a.backup.restic]]\nname = \"x\"\nrepository = \"/r\"\npassword_file = \"/p\"\npassword_command = \"c\"\n": "hosts.a.backup.restic",
		"[[hosts.a.backup.restic]]\nname = \"x\"\nrepository = \"/r\"\npassword_file = \"rel\"\n":                          "hosts.a.backup.restic.password_file",
		"[[hosts.a.backup.restic]]\nname = \"x\"\nrepository = \"/r\"\npassword_file = \"/p\"\ncheck_unit = \"-x\"\n":      "hosts.a.backup.restic.check_unit",
		"[[hosts.a.backup.restic]]\nname = \"x\"\nrepository = \"/r\"\npassword_file = \"/p\"\npassword = \"hunter2\"\n":   "hosts.a.backup.restic.password",
	} {
		_, err := Load(write(t, body))
		var es Errors
		var e *Error
		if !errors.As(err, &es) && !errors.As(err, &e) {
			t.Errorf("%q: err %v", body, err)
			continue
		}
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want key %s", body, err, want)
		}
	}
}
