package ops

import (
	"fmt"
	"regexp"
	"strings"
)

// classHeaders are the rows zpool status prints before each non-normal
// class of top-level vdevs ("\tspecial\t", "\tlogs\t", "\tcache", "\tspares").
var classHeaders = map[string]string{
	"dedup":   ClassDedup,
	"special": ClassSpecial,
	"logs":    ClassLog,
	"cache":   ClassCache,
	"spares":  ClassSpare,
}

// reInterior matches the names ZFS gives non-leaf vdevs: type-id, where a
// dRAID type carries its geometry ("draid2:4d:1s:8c-0").
var reInterior = regexp.MustCompile(`^(mirror|raidz[1-3]?|draid[1-3]?(?::[0-9a-z:]*)?|replacing|spare|indirect|hole|missing)-\d+$`)

// reDistributedSpare matches dRAID distributed spares ("draid2-0-1").
var reDistributedSpare = regexp.MustCompile(`^draid[1-3]?-\d+-\d+$`)

// vnode builds the tree with stable pointers; Vdev.Children are values,
// so appending to them while holding pointers would alias.
type vnode struct {
	v    Vdev
	kids []*vnode
}

// finish converts the pointer tree into Vdev values. typeOf decides a
// node's Type once its leaf-ness is known.
func (n *vnode) finish(typeOf func(v Vdev, leaf bool) string) Vdev {
	v := n.v
	v.Type = typeOf(v, len(n.kids) == 0)
	v.Children = nil
	if len(n.kids) > 0 {
		v.Children = make([]Vdev, 0, len(n.kids))
	}
	for _, k := range n.kids {
		v.Children = append(v.Children, k.finish(typeOf))
	}
	return v
}

// typeFromName derives a vdev's type the way both parsers must agree on:
// from the name for interior vdevs (JSON says only "raidz", the name says
// "raidz2"), from the path shape for leaves.
func typeFromName(v Vdev, leaf bool) string {
	if leaf {
		// Leaves are the bulk of a big pool; skip the regexps for them.
		switch {
		case strings.HasPrefix(v.Name, "draid") && reDistributedSpare.MatchString(v.Name):
			return "dspare"
		case strings.HasPrefix(v.Name, "/") && !strings.HasPrefix(v.Name, "/dev/"):
			return "file"
		}
		return "disk"
	}
	if m := reInterior.FindStringSubmatch(v.Name); m != nil {
		t := m[1]
		if i := strings.IndexByte(t, ':'); i >= 0 {
			t = t[:i]
		}
		if t == "raidz" {
			t = "raidz1"
		}
		return t
	}
	return "unknown"
}

// textTypeOf is typeFromName with the root recognised by depth.
func textTypeOf(v Vdev, leaf bool) string {
	if v.Type == "root" {
		return "root"
	}
	return typeFromName(v, leaf)
}

// parseConfigTable reads the vdev table after "config:". It returns the
// number of lines consumed and the root vdev.
func parseConfigTable(lines []string) (int, Vdev, error) {
	n := 0
	for n < len(lines) && strings.TrimSpace(lines[n]) == "" {
		n++
	}
	if n >= len(lines) || !strings.HasPrefix(lines[n], "\t") || !strings.HasPrefix(strings.TrimSpace(lines[n]), "NAME") {
		return n, Vdev{}, fmt.Errorf("config: no NAME header")
	}
	cols := newColumns(lines[n][1:])
	n++
	var root *vnode
	stack := []*vnode{}
	class := ClassNormal
	for ; n < len(lines); n++ {
		line := lines[n]
		if !strings.HasPrefix(line, "\t") {
			break
		}
		content := strings.TrimRight(line[1:], "\r")
		word := strings.TrimSpace(content)
		if c, ok := classHeaders[word]; ok && !strings.HasPrefix(content, " ") {
			class = c
			if root == nil {
				return n, Vdev{}, fmt.Errorf("config: %s before the pool row", word)
			}
			stack = stack[:1]
			continue
		}
		indent := len(content) - len(strings.TrimLeft(content, " "))
		depth := indent / 2
		v, err := cols.row(content, indent, class == ClassSpare)
		if err != nil {
			return n, Vdev{}, fmt.Errorf("config row %q: %w", line, err)
		}
		v.Class = class
		node := &vnode{v: v}
		if depth == 0 {
			if root != nil {
				return n, Vdev{}, fmt.Errorf("config: second root row %q", line)
			}
			node.v.Type = "root"
			root = node
			stack = []*vnode{root}
			continue
		}
		if root == nil || depth > len(stack) {
			return n, Vdev{}, fmt.Errorf("config: row %q has no parent", line)
		}
		stack = stack[:depth]
		parent := stack[depth-1]
		parent.kids = append(parent.kids, node)
		stack = append(stack, node)
	}
	if root == nil {
		return n, Vdev{}, fmt.Errorf("config: no pool row")
	}
	return n, root.finish(textTypeOf), nil
}
