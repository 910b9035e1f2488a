package ops

import (
	"fmt"
	"strings"
)

// columns is the layout of a config table, learnt from its header row
// ("NAME  STATE  READ WRITE CKSUM" plus optional SLOW, POWER, DIO).
type columns struct {
	state int // byte offset of the STATE column, -1 if unknown
	extra int // counter columns after CKSUM
}

func newColumns(header string) columns {
	c := columns{state: strings.Index(header, "STATE")}
	f := strings.Fields(header)
	for i, w := range f {
		if w == "CKSUM" {
			c.extra = len(f) - i - 1
		}
	}
	return c
}

// nextField splits off the first space-separated word of s.
func nextField(s string) (word, rest string) {
	s = strings.TrimLeft(s, " \t")
	if i := strings.IndexAny(s, " \t"); i >= 0 {
		return s[:i], s[i:]
	}
	return s, ""
}

// row parses one vdev row. The name is cut at the STATE column when the
// row lines up with the header, so names with spaces survive; otherwise
// it is the first word. Spares print no counters.
func (c columns) row(content string, indent int, spare bool) (Vdev, error) {
	var name, rest string
	s := c.state
	if s > indent+2 && len(content) > s && content[s-2:s] == "  " && content[s] != ' ' {
		name = strings.TrimRight(content[indent:s-2], " ")
		rest = content[s:]
	} else {
		name, rest = nextField(content)
	}
	if name == "" {
		return Vdev{}, fmt.Errorf("no name")
	}
	v := Vdev{Name: name}
	v.State, rest = nextField(rest)
	if v.State == "" {
		return Vdev{}, fmt.Errorf("no state")
	}
	if !spare {
		counters := [3]*uint64{&v.ReadErrors, &v.WriteErrors, &v.ChecksumErrors}
		for _, dst := range counters {
			var w string
			w, rest = nextField(rest)
			n, err := ParseNiceBytes(w)
			if err != nil {
				return Vdev{}, fmt.Errorf("counter: %w", err)
			}
			*dst = n
		}
		for i := 0; i < c.extra; i++ {
			_, rest = nextField(rest)
		}
	}
	v.Note = strings.TrimSpace(rest)
	return v, nil
}
