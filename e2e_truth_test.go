//go:build e2e

package main

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/opsdeck/opsdeck/ops"
)

// Ground truth is read in the guest with the OpenZFS JSON commands and
// decoded here independently of the ops parsers, so a comparison with
// `opsdeck status --json` checks the console against ZFS, not against itself.

// truthVdev is one vdev as `zpool status -j --json-int` reports it.
type truthVdev struct {
	Name, Type, Class, State string
	Read, Write, Cksum       uint64
}

// truthPool is the part of one pool the tests compare.
type truthPool struct {
	State     string
	ScanFunc  string // SCRUB, RESILVER or ""
	ScanState string // SCANNING, FINISHED, CANCELED or ""
	Paused    bool
	Errors    uint64
	Vdevs     map[string]truthVdev // every vdev below the root, by name
}

// sectionClass maps the pool-level keys of the JSON to the ops vdev classes.
var sectionClass = map[string]string{
	"vdevs": ops.ClassNormal, "special": ops.ClassSpecial, "dedup": ops.ClassDedup,
	"logs": ops.ClassLog, "l2cache": ops.ClassCache, "spares": ops.ClassSpare,
}

// zpoolTruth reads pool's status in the guest.
func zpoolTruth(t *testing.T, pool string) truthPool {
	t.Helper()
	out := guest(t, "zpool status -j --json-int "+shq(pool))
	tp, err := parseZpoolTruth(out, pool)
	if err != nil {
		t.Fatalf("zpool status -j: %v\n%s", err, out)
	}
	return tp
}

func parseZpoolTruth(out, pool string) (truthPool, error) {
	var doc struct {
		Pools map[string]map[string]json.RawMessage `json:"pools"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		return truthPool{}, err
	}
	p, ok := doc.Pools[pool]
	if !ok {
		return truthPool{}, fmt.Errorf("no pool %s", pool)
	}
	tp := truthPool{Vdevs: map[string]truthVdev{}}
	_ = json.Unmarshal(p["state"], &tp.State)
	_ = json.Unmarshal(p["error_count"], &tp.Errors)
	var scan struct {
		Function string `json:"function"`
		State    string `json:"state"`
		Pause    uint64 `json:"scrub_pause"`
	}
	if raw, ok := p["scan_stats"]; ok {
		if err := json.Unmarshal(raw, &scan); err != nil {
			return tp, fmt.Errorf("scan_stats: %w", err)
		}
	}
	tp.ScanFunc, tp.ScanState, tp.Paused = scan.Function, scan.State, scan.Pause != 0
	for key, class := range sectionClass {
		raw, ok := p[key]
		if !ok {
			continue
		}
		var top map[string]json.RawMessage
		if err := json.Unmarshal(raw, &top); err != nil {
			return tp, fmt.Errorf("%s: %w", key, err)
		}
		for _, v := range top {
			if err := walkTruth(v, class, tp.Vdevs); err != nil {
				return tp, err
			}
		}
	}
	return tp, nil
}

// walkTruth records a vdev and its children; the root vdev under "vdevs"
// is skipped but its children (the top-level data vdevs) are walked.
func walkTruth(raw json.RawMessage, class string, into map[string]truthVdev) error {
	var v struct {
		Name     string                     `json:"name"`
		Type     string                     `json:"vdev_type"`
		Class    string                     `json:"class"`
		State    string                     `json:"state"`
		Read     uint64                     `json:"read_errors"`
		Write    uint64                     `json:"write_errors"`
		Cksum    uint64                     `json:"checksum_errors"`
		Children map[string]json.RawMessage `json:"vdevs"`
	}
	if err := json.Unmarshal(raw, &v); err != nil {
		return fmt.Errorf("vdev: %w", err)
	}
	if v.Type != "root" {
		into[v.Name] = truthVdev{Name: v.Name, Type: v.Type, Class: class, State: v.State,
			Read: v.Read, Write: v.Write, Cksum: v.Cksum}
	}
	for _, c := range v.Children {
		if err := walkTruth(c, class, into); err != nil {
			return err
		}
	}
	return nil
}

// truthDataset is one filesystem or volume from `zfs list -j --json-int`.
type truthDataset struct {
	Name, Type        string
	Used, Avail, Refr uint64
}

// zfsTruth lists the pool's filesystems and volumes in the guest.
func zfsTruth(t *testing.T, pool string) map[string]truthDataset {
	t.Helper()
	out := guest(t, "zfs list -j --json-int -r -t filesystem,volume -o name,type,used,avail,refer "+shq(pool))
	var doc struct {
		Datasets map[string]struct {
			Name       string `json:"name"`
			Type       string `json:"type"`
			Properties map[string]struct {
				Value json.RawMessage `json:"value"`
			} `json:"properties"`
		} `json:"datasets"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("zfs list -j: %v\n%s", err, out)
	}
	ds := map[string]truthDataset{}
	for _, d := range doc.Datasets {
		num := func(p string) uint64 {
			var n uint64
			_ = json.Unmarshal(d.Properties[p].Value, &n)
			return n
		}
		ds[d.Name] = truthDataset{Name: d.Name, Type: strings.ToLower(d.Type),
			Used: num("used"), Avail: num("available"), Refr: num("referenced")}
	}
	return ds
}

// flattenVdevs indexes an ops vdev tree by name, below the root.
func flattenVdevs(v ops.Vdev, into map[string]ops.Vdev) {
	for _, c := range v.Children {
		into[c.Name] = c
		flattenVdevs(c, into)
	}
}

// diffPool lists every way the console's pool differs from the truth.
func diffPool(got ops.Pool, want truthPool) []string {
	var d []string
	if got.State != want.State {
		d = append(d, fmt.Sprintf("pool state %q, zpool says %q", got.State, want.State))
	}
	vd := map[string]ops.Vdev{}
	flattenVdevs(got.Root, vd)
	for name, w := range want.Vdevs {
		g, ok := vd[name]
		if !ok {
			d = append(d, "vdev "+name+" missing")
			continue
		}
		if g.State != w.State || g.Class != w.Class || g.ReadErrors != w.Read ||
			g.WriteErrors != w.Write || g.ChecksumErrors != w.Cksum {
			d = append(d, fmt.Sprintf("vdev %s: got state=%s class=%s r/w/c=%d/%d/%d, zpool says state=%s class=%s r/w/c=%d/%d/%d",
				name, g.State, g.Class, g.ReadErrors, g.WriteErrors, g.ChecksumErrors,
				w.State, w.Class, w.Read, w.Write, w.Cksum))
		}
	}
	for name := range vd {
		if _, ok := want.Vdevs[name]; !ok {
			d = append(d, "vdev "+name+" is not in zpool status")
		}
	}
	if s := scanStateOf(want); got.Scan.State != s {
		d = append(d, fmt.Sprintf("scan state %q, zpool says %q", got.Scan.State, s))
	}
	if want.ScanFunc != "" && !strings.EqualFold(got.Scan.Function, want.ScanFunc) {
		d = append(d, fmt.Sprintf("scan function %q, zpool says %q", got.Scan.Function, want.ScanFunc))
	}
	sort.Strings(d)
	return d
}

// scanStateOf maps the JSON scan state onto ops.ScanState.
func scanStateOf(p truthPool) ops.ScanState {
	switch {
	case p.ScanState == "SCANNING" && p.Paused:
		return ops.ScanPaused
	case p.ScanState == "SCANNING":
		return ops.ScanScanning
	case p.ScanState == "FINISHED":
		return ops.ScanFinished
	case p.ScanState == "CANCELED":
		return ops.ScanCanceled
	}
	return ops.ScanNone
}

// diffDatasets lists the differences between the console's datasets of a
// pool and the truth.
func diffDatasets(got []ops.Dataset, want map[string]truthDataset) []string {
	var d []string
	seen := map[string]bool{}
	for _, g := range got {
		w, ok := want[g.Name]
		if !ok {
			continue // another pool's dataset
		}
		seen[g.Name] = true
		if g.Type != w.Type || g.Used != w.Used || g.Avail != w.Avail || g.Refer != w.Refr {
			d = append(d, fmt.Sprintf("dataset %q: got %s used=%d avail=%d refer=%d, zfs says %s used=%d avail=%d refer=%d",
				g.Name, g.Type, g.Used, g.Avail, g.Refer, w.Type, w.Used, w.Avail, w.Refr))
		}
	}
	for name := range want {
		if !seen[name] {
			d = append(d, fmt.Sprintf("dataset %q missing", name))
		}
	}
	sort.Strings(d)
	return d
}
