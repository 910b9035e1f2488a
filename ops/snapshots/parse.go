package snapshots

import (
	"bufio"
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// maxNameLen is ZFS_MAX_DATASET_NAME_LEN less its NUL: no real line
// has a longer name, so a longer one is garbage.
const maxNameLen = 255

// ParseLine parses one line of ArgvListAll / ArgvListDataset output. A
// line with the wrong number of fields, a name without exactly one '@'
// or a non-numeric value is an error, never a zero Snapshot.
func ParseLine(line string) (Snapshot, error) {
	var f [listFields]string
	rest := line
	for i := 0; i < listFields-1; i++ {
		j := strings.IndexByte(rest, '\t')
		if j < 0 {
			return Snapshot{}, fmt.Errorf("snapshot line has %d fields, want %d: %q", i+1, listFields, clip(line))
		}
		f[i], rest = rest[:j], rest[j+1:]
	}
	if strings.IndexByte(rest, '\t') >= 0 {
		return Snapshot{}, fmt.Errorf("snapshot line has more than %d fields: %q", listFields, clip(line))
	}
	f[listFields-1] = rest
	at := strings.IndexByte(f[0], '@')
	if at <= 0 || at == len(f[0])-1 || strings.IndexByte(f[0][at+1:], '@') >= 0 || len(f[0]) > maxNameLen {
		return Snapshot{}, fmt.Errorf("not a snapshot name: %q", clip(f[0]))
	}
	creation, err := strconv.ParseInt(f[1], 10, 64)
	if err != nil || creation < 0 {
		return Snapshot{}, fmt.Errorf("%s: creation %q is not Unix seconds", f[0], clip(f[1]))
	}
	used, err1 := strconv.ParseUint(f[2], 10, 64)
	refer, err2 := strconv.ParseUint(f[3], 10, 64)
	holds, err3 := strconv.ParseUint(f[4], 10, 31)
	if err1 != nil || err2 != nil || err3 != nil {
		return Snapshot{}, fmt.Errorf("%s: used/referenced/userrefs %q %q %q are not numbers", f[0], clip(f[2]), clip(f[3]), clip(f[4]))
	}
	return Snapshot{Dataset: f[0][:at], Name: f[0][at+1:], Creation: time.Unix(creation, 0),
		Used: used, Referenced: refer, Holds: int(holds)}, nil
}

// ParseList parses a whole listing (the -d 1 one, typically). Empty
// lines are skipped; any malformed line fails the whole parse, since a
// listing that is partly wrong must not look complete.
func ParseList(data []byte) ([]Snapshot, error) {
	out := make([]Snapshot, 0, bytes.Count(data, []byte{'\n'})+1)
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		s, err := ParseLine(sc.Text())
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		out = append(out, s)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// DatasetProps are the per-dataset properties the summary and the cache
// need.
type DatasetProps struct {
	// UsedBySnapshots is the space freed if every snapshot went, bytes.
	UsedBySnapshots uint64
	// SnapshotsChanged is when a snapshot was last taken, destroyed or
	// renamed (Unix seconds; OpenZFS >= 2.2). 0 when unknown: the
	// property does not exist, or no snapshot ever changed ("-").
	SnapshotsChanged int64
}

// ParseDatasetProps parses ArgvDatasetProps output into props by
// dataset name. Unknown properties are ignored; malformed lines are
// errors.
func ParseDatasetProps(data []byte) (map[string]DatasetProps, error) {
	out := map[string]DatasetProps{}
	for n, line := range strings.Split(string(data), "\n") {
		if line == "" {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 || f[0] == "" {
			return nil, fmt.Errorf("line %d: want name, property, value: %q", n+1, clip(line))
		}
		p := out[f[0]]
		switch f[1] {
		case "usedbysnapshots":
			v, err := strconv.ParseUint(f[2], 10, 64)
			if err != nil {
				return nil, fmt.Errorf("line %d: %s usedbysnapshots %q is not bytes", n+1, f[0], clip(f[2]))
			}
			p.UsedBySnapshots = v
		case "snapshots_changed":
			if f[2] != "-" {
				v, err := strconv.ParseInt(f[2], 10, 64)
				if err != nil || v < 0 {
					return nil, fmt.Errorf("line %d: %s snapshots_changed %q is not Unix seconds", n+1, f[0], clip(f[2]))
				}
				p.SnapshotsChanged = v
			}
		}
		out[f[0]] = p
	}
	return out, nil
}

// clip bounds text quoted in errors.
func clip(s string) string {
	if len(s) > 120 {
		return s[:120] + "…"
	}
	return s
}
