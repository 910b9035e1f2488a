package config

import (
	"bytes"
	"cmp"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// layer is one section's keys: [defaults] or a [hosts."ALIAS"].
type layer struct {
	Refresh             Setting[time.Duration]     `toml:"refresh"`
	ReadOnly            Setting[bool]              `toml:"read_only"`
	Sudo                Setting[bool]              `toml:"sudo"`
	Output              Setting[string]            `toml:"output"`
	ScrubWarnDays       Setting[int]               `toml:"scrub_warn_days"`
	CapacityWarnPercent Setting[int]               `toml:"capacity_warn_percent"`
	CapacityCritPercent Setting[int]               `toml:"capacity_crit_percent"`
	Services            map[string]Setting[string] `toml:"services"`
	Network             networkLayer               `toml:"network"`
	Backup              backupLayer                `toml:"backup"`
	ServicesAuth        map[string]authLayer       `toml:"services_auth"`
}

// layerKeys are layer's TOML names; hostOnly/defaultsOnly adjust them.
var layerKeys = []string{"refresh", "read_only", "sudo", "output", "scrub_warn_days",
	"capacity_warn_percent", "capacity_crit_percent", "services", "network", "backup", "services_auth"}

type defaultsLayer struct {
	layer
	Theme Setting[string] `toml:"theme"`
}

type file struct {
	Defaults defaultsLayer    `toml:"defaults"`
	Hosts    map[string]layer `toml:"hosts"`
}

// parse decodes and validates one file's bytes.
func parse(path string, data []byte) (*Config, error) {
	var f file
	md, err := toml.NewDecoder(bytes.NewReader(data)).Decode(&f)
	if err != nil {
		return nil, decodeError(path, err, data)
	}
	v := &validator{file: path, lines: indexLines(data)}
	v.shape(md)
	for _, k := range md.Undecoded() {
		v.fail(k, "unknown key")
	}

	c := &Config{Path: path, Theme: "auto", hosts: map[string]layer{}}
	set(&c.Theme, f.Defaults.Theme)
	v.enum(toml.Key{"defaults", "theme"}, f.Defaults.Theme, themeNames)
	v.layer(toml.Key{"defaults"}, f.Defaults.layer)
	c.Defaults = resolve(builtin(), f.Defaults.layer)
	v.merged(toml.Key{"defaults"}, c.Defaults, f.Defaults.layer)
	for alias, l := range f.Hosts {
		key := toml.Key{"hosts", alias}
		if alias == "" {
			v.fail(key, "empty host alias")
		}
		v.layer(key, l)
		v.merged(key, resolve(c.Defaults, l), l)
		c.hosts[alias] = l
	}
	if len(v.errs) > 0 {
		return nil, v.sorted()
	}
	return c, nil
}

// validator collects every problem with its location.
type validator struct {
	file   string
	lines  lineIndex
	errs   Errors
	failed []toml.Key
}

func (v *validator) fail(key toml.Key, format string, args ...any) {
	// One error per key is enough, and keys below a bad one would only
	// repeat the news.
	if slices.ContainsFunc(v.failed, func(b toml.Key) bool { return hasPrefix(key, b) }) {
		return
	}
	v.failed = append(v.failed, key)
	v.errs = append(v.errs, &Error{File: v.file, Line: v.lines.lineOf(key), Key: key.String(), Msg: fmt.Sprintf(format, args...)})
}

func (v *validator) sorted() Errors {
	slices.SortStableFunc(v.errs, func(a, b *Error) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), strings.Compare(a.Key, b.Key))
	})
	return v.errs
}

// shape checks every key's place in the schema with exact case (the
// decoder matches field names case-insensitively, so "Sudo" would
// otherwise slip through) and that tables are tables: the decoder
// silently skips `hosts = 5` where it expects a table.
func (v *validator) shape(md toml.MetaData) {
	for _, k := range md.Keys() {
		want, ok := schemaKind(k)
		switch {
		case !ok:
			v.fail(k, "unknown key%s", hint(k))
		case want == "table" && md.Type(k...) != "Hash":
			v.fail(k, "must be a table, like [%s]", k)
		case want == "array of tables" && md.Type(k...) != "ArrayHash" && md.Type(k...) != "Array":
			// "Array" is an inline [{…}, {…}]; the decoder rejects one
			// whose elements are not tables.
			v.fail(k, "must be an array of tables, like [[%s]]", k)
		}
	}
}

func hasPrefix(k, prefix toml.Key) bool {
	return len(k) >= len(prefix) && slices.Equal(k[:len(prefix)], prefix)
}

// schemaKind says whether k belongs in the file and whether it is a table.
func schemaKind(k toml.Key) (string, bool) {
	var section toml.Key // the layer's keys below the section header
	switch {
	case len(k) == 1 && (k[0] == "defaults" || k[0] == "hosts"):
		return "table", true
	case k[0] == "defaults":
		section = k[1:]
		if len(section) == 1 && section[0] == "theme" {
			return "value", true
		}
	case k[0] == "hosts" && len(k) == 2:
		return "table", true
	case k[0] == "hosts":
		section = k[2:]
	default:
		return "", false
	}
	switch {
	case len(section) >= 1 && section[0] == "network":
		return networkKind(section[1:])
	case len(section) >= 1 && section[0] == "backup":
		return backupKind(section[1:])
	case len(section) >= 1 && section[0] == "services_auth":
		return servicesAuthKind(section[1:])
	case len(section) == 1 && section[0] == "services":
		return "table", true
	case len(section) == 1:
		return "value", slices.Contains(layerKeys, section[0])
	case len(section) == 2 && section[0] == "services":
		return "value", slices.Contains(knownServices, section[1])
	}
	return "", false
}

// hint explains the unknown keys people are most likely to write.
func hint(k toml.Key) string {
	last := k[len(k)-1]
	switch {
	case len(k) >= 3 && k[0] == "hosts" && last == "theme":
		return " (theme is global: set it under [defaults])"
	case len(k) >= 3 && (k[len(k)-2] == "services" || k[len(k)-2] == "services_auth"):
		return fmt.Sprintf(" (known services: %s)", strings.Join(knownServices, ", "))
	case (k[0] == "hosts" && len(k) == 3) || (k[0] == "defaults" && len(k) == 2):
		for _, known := range append(slices.Clone(layerKeys), "theme") {
			if loose(known) == loose(last) {
				return fmt.Sprintf(" (did you mean %s?)", known)
			}
		}
	case len(k) == 1:
		return " (the file has [defaults] and [hosts.\"ALIAS\"] sections)"
	}
	return ""
}

// loose folds case and separators: "ReadOnly", "read-only" and
// "readonly" are all near misses of read_only.
func loose(s string) string {
	return strings.ToLower(strings.NewReplacer("_", "", "-", "").Replace(s))
}

// layer checks one section's values on their own.
func (v *validator) layer(sec toml.Key, l layer) {
	at := func(name string) toml.Key { return append(append(toml.Key{}, sec...), name) }
	if l.Refresh.Set && (l.Refresh.V < time.Second || l.Refresh.V > time.Hour) {
		v.fail(at("refresh"), "%s is outside 1s…1h", l.Refresh.V)
	}
	v.enum(at("output"), l.Output, []string{OutputAuto, OutputJSON, OutputText})
	v.intRange(at("scrub_warn_days"), l.ScrubWarnDays, 1, 3650)
	v.intRange(at("capacity_warn_percent"), l.CapacityWarnPercent, 1, 100)
	v.intRange(at("capacity_crit_percent"), l.CapacityCritPercent, 1, 100)
	for name, s := range l.Services {
		key := append(at("services"), name)
		u, err := url.Parse(s.V)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			v.fail(key, "%q is not an http:// or https:// URL", s.V)
		}
	}
	v.network(at("network"), l.Network)
	v.backup(at("backup"), l.Backup)
	v.servicesAuth(at("services_auth"), l.ServicesAuth)
}

// merged checks rules between keys, on the settings a section ends up
// with; the error points at the key this section set.
func (v *validator) merged(sec toml.Key, h HostConfig, l layer) {
	v.backupMerged(sec, h.Backup, l.Backup)
	// A section that sets neither key inherits the problem (if any) from
	// [defaults], where it is already reported.
	setHere := l.CapacityWarnPercent.Set || l.CapacityCritPercent.Set
	if setHere && h.CapacityWarnPercent >= h.CapacityCritPercent {
		name := "capacity_warn_percent"
		if l.CapacityCritPercent.Set {
			name = "capacity_crit_percent"
		}
		v.fail(append(append(toml.Key{}, sec...), name), "capacity_warn_percent (%d) must be below capacity_crit_percent (%d)",
			h.CapacityWarnPercent, h.CapacityCritPercent)
	}
}

func (v *validator) enum(key toml.Key, s Setting[string], allowed []string) {
	if s.Set && !slices.Contains(allowed, s.V) {
		v.fail(key, "%q is not one of %s", s.V, strings.Join(allowed, ", "))
	}
}

func (v *validator) intRange(key toml.Key, s Setting[int], lo, hi int) {
	if s.Set && (s.V < lo || s.V > hi) {
		v.fail(key, "%d is outside %d…%d", s.V, lo, hi)
	}
}
