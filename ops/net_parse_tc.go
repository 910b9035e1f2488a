package ops

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// NetQdisc is one qdisc from `tc qdisc show`.
type NetQdisc struct {
	Dev    string `json:"dev"`
	Kind   string `json:"kind"`
	Handle string `json:"handle"`
	// Root is true for the interface's root egress qdisc; Parent is the
	// parent handle of the others ("1:3" below an mq, "ffff:fff1" for
	// ingress/clsact).
	Root   bool   `json:"root"`
	Parent string `json:"parent,omitempty"`
}

// ParseQdiscJSON reads `tc -j qdisc show`.
func ParseQdiscJSON(b []byte) ([]NetQdisc, error) {
	var qs []NetQdisc
	if err := json.Unmarshal(b, &qs); err != nil {
		return nil, fmt.Errorf("tc -j qdisc: %w", err)
	}
	for i, q := range qs {
		if q.Dev == "" || q.Kind == "" {
			return nil, fmt.Errorf("tc -j qdisc: entry %d lacks dev or kind", i)
		}
	}
	return qs, nil
}

// ParseQdiscText reads `tc qdisc show`, whose lines are
// "qdisc KIND HANDLE dev DEV (root|parent P|ingress) [options…]".
func ParseQdiscText(b []byte) ([]NetQdisc, error) {
	var qs []NetQdisc
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		f := strings.Fields(sc.Text())
		if len(f) == 0 {
			continue
		}
		if len(f) < 5 || f[0] != "qdisc" || f[3] != "dev" {
			return nil, fmt.Errorf("tc qdisc line %d: unexpected %q", n, sc.Text())
		}
		q := NetQdisc{Kind: f[1], Handle: f[2], Dev: f[4]}
		if len(f) > 5 {
			switch f[5] {
			case "root":
				q.Root = true
			case "parent":
				if len(f) > 6 {
					q.Parent = f[6]
				}
			}
		}
		qs = append(qs, q)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("tc qdisc: %w", err)
	}
	return qs, nil
}

// multiQueue are root qdiscs that only fan out to one child per TX
// queue; what paces packets is the children's kind.
var multiQueue = map[string]bool{"mq": true, "mqprio": true, "multiq": true}

// rootQdiscs maps each device to its root qdisc kind and, below a
// multi-queue root, its children's distinct kinds. Ingress and clsact
// sit outside the egress path and are left out.
func rootQdiscs(qs []NetQdisc) (root map[string]string, children map[string][]string) {
	root, children = map[string]string{}, map[string][]string{}
	for _, q := range qs {
		if q.Root {
			root[q.Dev] = q.Kind
		}
	}
	for _, q := range qs {
		if q.Root || q.Kind == "ingress" || q.Kind == "clsact" || !multiQueue[root[q.Dev]] {
			continue
		}
		if !slices.Contains(children[q.Dev], q.Kind) {
			children[q.Dev] = append(children[q.Dev], q.Kind)
		}
	}
	return root, children
}
