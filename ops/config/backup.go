package config

import (
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// BackupConfig is a host's [backup] block: what the Backup pane checks
// snapshots and restic repositories against.
type BackupConfig struct {
	// SnapshotRPO is how old a dataset's newest snapshot may be.
	SnapshotRPO time.Duration
	// AutoPrefixes mark snapshots taken by tools; only those are ever
	// pruned.
	AutoPrefixes []string
	// ManualPrefix marks operator snapshots; "snapshot now" uses it.
	ManualPrefix string
	// KeepDaily … KeepYearly are the retention policy.
	KeepDaily, KeepWeekly, KeepMonthly, KeepYearly int
	// ResticRPO is how old a repository's latest snapshot may be.
	ResticRPO time.Duration
	// Restic are the repositories this host backs up to, in file order.
	Restic []ResticRepo
}

// ResticRepo is one [[backup.restic]] entry. opsdeck never holds the
// password: it tells restic on the server where to get it.
type ResticRepo struct {
	// Name is what the pane calls it ("offsite").
	Name string
	// Repository is restic's -r value as the server sees it.
	Repository string
	// PasswordCommand is passed as --password-command (run on the server).
	PasswordCommand string
	// PasswordFile is a path on the server, passed as --password-file.
	PasswordFile string
	// CheckUnit is the systemd unit that runs `restic check`, whose last
	// result the pane shows ("" when none).
	CheckUnit string
}

// defaultBackup is the seed's plan: hourly snapshots, a daily restic
// backup, 7 daily / 4 weekly / 12 monthly / 3 yearly.
func defaultBackup() BackupConfig {
	return BackupConfig{SnapshotRPO: 2 * time.Hour, AutoPrefixes: []string{"auto-", "autosnap_", "zfs-auto-snap_"},
		ManualPrefix: "manual-", KeepDaily: 7, KeepWeekly: 4, KeepMonthly: 12, KeepYearly: 3, ResticRPO: 26 * time.Hour}
}

// stringList is a Setting for an array of strings.
type stringList struct {
	V   []string
	Set bool
}

// UnmarshalTOML implements toml.Unmarshaler.
func (s *stringList) UnmarshalTOML(data any) error {
	arr, ok := data.([]any)
	if !ok {
		return fmt.Errorf("want an array of strings, got %s", describe(data))
	}
	out := make([]string, 0, len(arr))
	for _, v := range arr {
		str, ok := v.(string)
		if !ok {
			return fmt.Errorf("want an array of strings, found %s in it", describe(v))
		}
		out = append(out, str)
	}
	s.V, s.Set = out, true
	return nil
}

type backupLayer struct {
	SnapshotRPO  Setting[time.Duration] `toml:"snapshot_rpo"`
	AutoPrefixes stringList             `toml:"auto_prefixes"`
	ManualPrefix Setting[string]        `toml:"manual_prefix"`
	KeepDaily    Setting[int]           `toml:"keep_daily"`
	KeepWeekly   Setting[int]           `toml:"keep_weekly"`
	KeepMonthly  Setting[int]           `toml:"keep_monthly"`
	KeepYearly   Setting[int]           `toml:"keep_yearly"`
	ResticRPO    Setting[time.Duration] `toml:"restic_rpo"`
	// Restic replaces the inherited list as a whole, like network.peers.
	Restic []resticLayer `toml:"restic"`
}

type resticLayer struct {
	Name            Setting[string] `toml:"name"`
	Repository      Setting[string] `toml:"repository"`
	PasswordCommand Setting[string] `toml:"password_command"`
	PasswordFile    Setting[string] `toml:"password_file"`
	CheckUnit       Setting[string] `toml:"check_unit"`
}

var backupKeys = []string{"snapshot_rpo", "auto_prefixes", "manual_prefix", "keep_daily", "keep_weekly",
	"keep_monthly", "keep_yearly", "restic_rpo", "restic"}

var resticKeys = []string{"name", "repository", "password_command", "password_file", "check_unit"}

// backupKind places a key below a section's "backup".
func backupKind(rest toml.Key) (string, bool) {
	switch {
	case len(rest) == 0:
		return "table", true
	case len(rest) == 1 && rest[0] == "restic":
		return "array of tables", true
	case len(rest) == 1:
		return "value", slices.Contains(backupKeys, rest[0])
	case len(rest) == 2 && rest[0] == "restic":
		return "value", slices.Contains(resticKeys, rest[1])
	}
	return "", false
}

// resolveBackup applies l's keys on top of base.
func resolveBackup(base BackupConfig, l backupLayer) BackupConfig {
	b := base
	b.AutoPrefixes = slices.Clone(base.AutoPrefixes)
	b.Restic = slices.Clone(base.Restic)
	set(&b.SnapshotRPO, l.SnapshotRPO)
	if l.AutoPrefixes.Set {
		b.AutoPrefixes = slices.Clone(l.AutoPrefixes.V)
	}
	set(&b.ManualPrefix, l.ManualPrefix)
	set(&b.KeepDaily, l.KeepDaily)
	set(&b.KeepWeekly, l.KeepWeekly)
	set(&b.KeepMonthly, l.KeepMonthly)
	set(&b.KeepYearly, l.KeepYearly)
	set(&b.ResticRPO, l.ResticRPO)
	if l.Restic != nil {
		b.Restic = make([]ResticRepo, 0, len(l.Restic))
		for _, r := range l.Restic {
			b.Restic = append(b.Restic, ResticRepo{Name: r.Name.V, Repository: r.Repository.V,
				PasswordCommand: r.PasswordCommand.V, PasswordFile: r.PasswordFile.V, CheckUnit: r.CheckUnit.V})
		}
	}
	return b
}

// snapshotPrefix is what a prefix of a ZFS snapshot name may contain.
var snapshotPrefix = regexp.MustCompile(`^[A-Za-z0-9_.: -]+$`)

// unitName is a systemd unit name; it becomes an argument of systemctl,
// so a leading "-" is refused.
var unitName = regexp.MustCompile(`^[A-Za-z0-9:_.\\@][A-Za-z0-9:_.\\@-]*$`)

// backup checks one section's [backup] values.
func (v *validator) backup(sec toml.Key, l backupLayer) {
	at := func(name ...string) toml.Key { return append(append(toml.Key{}, sec...), name...) }
	v.durationRange(at("snapshot_rpo"), l.SnapshotRPO, time.Minute, 366*24*time.Hour)
	v.durationRange(at("restic_rpo"), l.ResticRPO, time.Minute, 366*24*time.Hour)
	for _, k := range []struct {
		name string
		s    Setting[int]
	}{{"keep_daily", l.KeepDaily}, {"keep_weekly", l.KeepWeekly}, {"keep_monthly", l.KeepMonthly}, {"keep_yearly", l.KeepYearly}} {
		v.intRange(at(k.name), k.s, 0, 10000)
	}
	for _, p := range l.AutoPrefixes.V {
		if !snapshotPrefix.MatchString(p) {
			v.fail(at("auto_prefixes"), "%q is not a snapshot name prefix (letters, digits, space and _ - : .)", p)
		}
	}
	if l.ManualPrefix.Set && !snapshotPrefix.MatchString(l.ManualPrefix.V) {
		v.fail(at("manual_prefix"), "%q is not a snapshot name prefix (letters, digits, space and _ - : .)", l.ManualPrefix.V)
	}
	seen := map[string]bool{}
	for _, r := range l.Restic {
		v.restic(at("restic"), r, seen)
	}
}

// backupMerged checks the prefixes a section ends up with: automatic
// wins a tie, so a manual prefix that starts with an automatic one would
// make manual snapshots candidates for pruning.
func (v *validator) backupMerged(sec toml.Key, b BackupConfig, l backupLayer) {
	if !l.ManualPrefix.Set && !l.AutoPrefixes.Set {
		return // inherited, and reported where it was set
	}
	for _, p := range b.AutoPrefixes {
		if strings.HasPrefix(b.ManualPrefix, p) {
			name := "manual_prefix"
			if !l.ManualPrefix.Set {
				name = "auto_prefixes"
			}
			v.fail(append(append(toml.Key{}, sec...), "backup", name),
				"manual_prefix %q starts with the automatic prefix %q: manual snapshots would be pruned", b.ManualPrefix, p)
			return
		}
	}
}

func (v *validator) restic(key toml.Key, r resticLayer, seen map[string]bool) {
	at := func(name string) toml.Key { return append(append(toml.Key{}, key...), name) }
	switch {
	case !r.Name.Set || strings.TrimSpace(r.Name.V) == "":
		v.fail(key, "every restic repository needs a name")
	case seen[r.Name.V]:
		v.fail(at("name"), "restic repository %q is listed twice", r.Name.V)
	case !r.Repository.Set || r.Repository.V == "" || strings.HasPrefix(r.Repository.V, "-"):
		v.fail(key, "restic repository %q needs a repository (restic's -r value)", r.Name.V)
	case r.PasswordCommand.Set == r.PasswordFile.Set:
		v.fail(key, "restic repository %q needs exactly one of password_command and password_file", r.Name.V)
	case r.PasswordCommand.Set && strings.TrimSpace(r.PasswordCommand.V) == "":
		v.fail(at("password_command"), "restic repository %q: empty password_command", r.Name.V)
	case r.PasswordFile.Set && !path.IsAbs(r.PasswordFile.V):
		v.fail(at("password_file"), "restic repository %q: %q is not an absolute path on the server", r.Name.V, r.PasswordFile.V)
	case r.CheckUnit.Set && !unitName.MatchString(r.CheckUnit.V):
		v.fail(at("check_unit"), "restic repository %q: %q is not a systemd unit name", r.Name.V, r.CheckUnit.V)
	}
	seen[r.Name.V] = true
}

func (v *validator) durationRange(key toml.Key, s Setting[time.Duration], lo, hi time.Duration) {
	if s.Set && (s.V < lo || s.V > hi) {
		v.fail(key, "%s is outside %s…%s", s.V, lo, hi)
	}
}
