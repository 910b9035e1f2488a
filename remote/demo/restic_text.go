package demo

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// resticSnapshot is one entry of `restic snapshots --json` (0.14 form).
type resticSnapshot struct {
	Time     time.Time `json:"time"`
	Parent   string    `json:"parent,omitempty"`
	Tree     string    `json:"tree"`
	Paths    []string  `json:"paths"`
	Hostname string    `json:"hostname"`
	Username string    `json:"username"`
	ID       string    `json:"id"`
	ShortID  string    `json:"short_id"`
}

// resticSnapshotList is a week of daily backups of /tank/data (the last
// two hours ago) and of /etc, which stopped three days ago.
func resticSnapshotList(now time.Time) []resticSnapshot {
	var out []resticSnapshot
	add := func(t time.Time, path string) {
		id := fmt.Sprintf("%08x%056x", t.Unix()&0xffffffff, len(out)+1)
		out = append(out, resticSnapshot{Time: t.UTC(), Tree: strings.Repeat("7", 64), Paths: []string{path},
			Hostname: "zlab", Username: "root", ID: id, ShortID: id[:8]})
	}
	for d := 7; d >= 0; d-- {
		day := now.Add(-time.Duration(d)*24*time.Hour - 2*time.Hour)
		add(day, "/tank/data")
		if d >= 3 {
			add(day.Add(-5*time.Minute), "/etc")
		}
	}
	return out
}

func resticSnapshotsJSON(now time.Time) string {
	b, _ := json.Marshal(resticSnapshotList(now))
	return string(b) + "\n"
}

// resticLsJSON is `restic ls --json latest` on restic 0.14: the snapshot
// line, then one node line per directory and file (struct_type).
func resticLsJSON(now time.Time) string {
	snaps := resticSnapshotList(now)
	latest := snaps[len(snaps)-1]
	var b strings.Builder
	head := map[string]any{"time": latest.Time, "tree": latest.Tree, "paths": latest.Paths, "hostname": latest.Hostname,
		"username": latest.Username, "id": latest.ID, "short_id": latest.ShortID, "struct_type": "snapshot"}
	line, _ := json.Marshal(head)
	b.Write(append(line, '\n'))
	mtime := now.Add(-2*time.Hour - 30*time.Minute).UTC()
	seen := map[string]bool{}
	node := func(path, typ string, size int) {
		n := map[string]any{"name": path[strings.LastIndexByte(path, '/')+1:], "type": typ, "path": path, "uid": 0, "gid": 0,
			"mtime": mtime, "atime": mtime, "ctime": mtime, "struct_type": "node"}
		if typ == "file" {
			n["size"] = size
		}
		line, _ := json.Marshal(n)
		b.Write(append(line, '\n'))
	}
	for _, f := range resticFiles {
		parts := strings.Split(f.path, "/")
		for i := 2; i < len(parts); i++ {
			dir := strings.Join(parts[:i], "/")
			if !seen[dir] {
				seen[dir] = true
				node(dir, "dir", 0)
			}
		}
		node(f.path, "file", f.size)
	}
	return b.String()
}

// resticCheckText is restic 0.14's check output for a healthy repository.
func resticCheckText(sub string) string {
	var b strings.Builder
	b.WriteString("using temporary cache in /tmp/restic-check-cache-2190639282\ncreate exclusive lock for repository\nload indexes\ncheck all packs\ncheck snapshots, trees and blobs\n")
	n := len(resticSnapshotList(time.Now()))
	fmt.Fprintf(&b, "[0:00] 100.00%%  %d / %d snapshots\n", n, n)
	if subset, ok := strings.CutPrefix(sub, "check --read-data-subset "); ok {
		fmt.Fprintf(&b, "read group #1 of 12 data packs (out of total 60 packs in 5 groups) [%s]\n[0:01] 100.00%%  12 / 12 packs\n", subset)
	}
	b.WriteString("\nno errors were found\n")
	return b.String()
}
