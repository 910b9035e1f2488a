package restic

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Node is one entry of `restic ls --json`.
type Node struct {
	Name  string    `json:"name"`
	Type  string    `json:"type"` // "file", "dir", "symlink", …
	Path  string    `json:"path"`
	Size  uint64    `json:"size"`
	Mtime time.Time `json:"mtime"`
}

// lsLine covers both generations: 0.14 tags lines with struct_type,
// 0.17+ with message_type (and keeps struct_type).
type lsLine struct {
	StructType  string `json:"struct_type"`
	MessageType string `json:"message_type"`
	Node
	// Snapshot fields (the first line).
	Time     time.Time `json:"time"`
	Hostname string    `json:"hostname"`
	ID       string    `json:"id"`
	Paths    []string  `json:"paths"`
}

// LsParser reads `restic ls --json` one line at a time, so a snapshot of
// millions of files is never held in memory.
type LsParser struct {
	// Snapshot is the snapshot line, once seen.
	Snapshot Snapshot
	seen     bool
}

// errSkip marks a line that is valid but not a node.
var errSkip = errors.New("not a node")

// Feed parses one line. It returns the node, errSkip for the snapshot
// line and blank lines, or an error for anything else.
func (p *LsParser) Feed(line string) (Node, error) {
	line = strings.TrimSpace(line)
	if line == "" {
		return Node{}, errSkip
	}
	var l lsLine
	if err := json.Unmarshal([]byte(line), &l); err != nil {
		return Node{}, fmt.Errorf("restic ls: %w", err)
	}
	kind := l.MessageType
	if kind == "" {
		kind = l.StructType
	}
	switch kind {
	case "snapshot":
		p.Snapshot = Snapshot{Time: l.Time, Hostname: l.Hostname, ID: l.ID, Paths: l.Paths}
		p.seen = true
		return Node{}, errSkip
	case "node":
		if l.Path == "" || l.Type == "" {
			return Node{}, fmt.Errorf("restic ls: node without path or type")
		}
		return l.Node, nil
	}
	return Node{}, fmt.Errorf("restic ls: unknown line type %q", truncate(kind, 40))
}

// ParseLs reads a whole `restic ls --json` output into its snapshot and
// nodes.
func ParseLs(out string) (Snapshot, []Node, error) {
	var p LsParser
	var nodes []Node
	for _, line := range strings.Split(out, "\n") {
		n, err := p.Feed(line)
		if errors.Is(err, errSkip) {
			continue
		}
		if err != nil {
			return Snapshot{}, nil, err
		}
		nodes = append(nodes, n)
	}
	if !p.seen {
		return Snapshot{}, nil, errors.New("restic ls: no snapshot line")
	}
	return p.Snapshot, nodes, nil
}
