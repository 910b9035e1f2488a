package ops

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// reHeader matches the labelled lines of `zpool status` ("  pool: tank",
// " state: ONLINE", "status: …", "   see: …", "errors: …"). Labels are
// right-aligned with spaces, never tabs; tab-indented lines continue the
// paragraph above them.
// Labels may contain a space ("    scan warning: skipping blocks …").
var reHeader = regexp.MustCompile(`^ *([a-z][a-z ]*):(?: (.*))?$`)

// reDataErrors is the errors line without -v: "89 data errors, use '-v' for a list".
var reDataErrors = regexp.MustCompile(`^(\d+) data errors`)

const permanentErrors = "Permanent errors have been detected in the following files:"

// ParsePoolStatusText parses `zpool status [-v] [-p]` for any number of
// pools. Dates in scan lines are read in loc, the host's time zone, and
// returned in UTC. An empty output and "no pools available" give no pools
// and no error. Counters accept both -p integers and suffixed forms.
func ParsePoolStatusText(b []byte, loc *time.Location) ([]Pool, error) {
	lines := strings.Split(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n")
	pools := []Pool{}
	for i := 0; i < len(lines); {
		line := lines[i]
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "" || trimmed == "no pools available":
			i++
		case strings.HasPrefix(line, "  pool: "):
			// Exactly two spaces: an 8-space error-file entry that happens
			// to read "pool: …" must not start a new pool.
			end := i + 1
			for end < len(lines) && !strings.HasPrefix(lines[end], "  pool: ") {
				end++
			}
			p, err := parsePoolBlock(lines[i:end], loc)
			if err != nil {
				return nil, err
			}
			pools = append(pools, p)
			i = end
		default:
			return nil, fmt.Errorf("zpool status: unexpected line %d: %q", i+1, line)
		}
	}
	return pools, nil
}

// parsePoolBlock reads one pool's output, from its "pool:" line up to
// the next pool's.
func parsePoolBlock(lines []string, loc *time.Location) (Pool, error) {
	p := Pool{Fragmentation: -1, Capacity: -1}
	paras := map[string][]string{}
	var scanText string
	key := ""
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		if m := reHeader.FindStringSubmatch(line); m != nil && !strings.HasPrefix(line, "\t") {
			key = m[1]
			switch {
			case key == "pool" && p.Name == "":
				p.Name = m[2]
			case key == "config" && m[2] == "":
				n, root, err := parseConfigTable(lines[i+1:])
				if err != nil {
					return p, fmt.Errorf("pool %s: %w", p.Name, err)
				}
				p.Root = root
				i += n
				key = ""
				continue
			case key == "errors":
				n, err := parseErrorsSection(&p, m[2], lines[i+1:])
				if err != nil {
					return p, fmt.Errorf("pool %s: %w", p.Name, err)
				}
				i += n
				key = ""
				continue
			}
			paras[key] = append(paras[key], m[2])
			continue
		}
		if strings.HasPrefix(line, "\t") && key != "" {
			paras[key] = append(paras[key], line)
			continue
		}
		if strings.TrimSpace(line) != "" {
			return p, fmt.Errorf("pool %s: unexpected line %q", p.Name, line)
		}
		key = ""
	}
	p.Name = joinPara(paras["pool"])
	p.State = joinPara(paras["state"])
	p.Status = joinPara(paras["status"])
	p.Action = joinPara(paras["action"])
	p.See = joinPara(paras["see"])
	if p.Name == "" {
		return p, fmt.Errorf("zpool status: pool without a name")
	}
	if sl := paras["scan"]; len(sl) > 0 {
		scanText = strings.Join(sl, "\n")
		sc, err := ParseScanText(scanText, loc)
		if err != nil {
			// An unknown scan form must not hide the pool; the raw text
			// still reaches the operator.
			sc = Scan{State: ScanNone, Text: sc.Text}
		}
		p.Scan = sc
	} else {
		p.Scan = Scan{State: ScanNone}
	}
	if p.Root.Name == "" {
		p.Root = Vdev{Name: p.Name, Type: "root", Class: ClassNormal, State: p.State}
	}
	return p, nil
}

// joinPara joins a wrapped paragraph into one line, as the model wants it.
func joinPara(lines []string) string {
	parts := make([]string, 0, len(lines))
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			parts = append(parts, l)
		}
	}
	return strings.Join(parts, " ")
}

// parseErrorsSection reads the "errors:" value and, after "Permanent
// errors …", the blank line and the 8-space-indented file list. Paths
// keep inner spaces. It returns how many lines after the errors line it
// consumed.
func parseErrorsSection(p *Pool, value string, rest []string) (int, error) {
	p.Errors = value
	switch {
	case value == "No known data errors":
		return 0, nil
	case value == permanentErrors:
		p.ErrorFiles = []string{}
		n := 0
		if n < len(rest) && strings.TrimSpace(rest[n]) == "" {
			n++
		}
		for ; n < len(rest); n++ {
			l := rest[n]
			if !strings.HasPrefix(l, "        ") || strings.TrimSpace(l) == "" {
				break
			}
			p.ErrorFiles = append(p.ErrorFiles, strings.TrimSuffix(l[8:], "\r"))
		}
		// With -v the text gives no count; the list length is the best
		// figure it has (2.3's JSON counts damaged blocks instead).
		p.ErrorCount = uint64(len(p.ErrorFiles))
		return n, nil
	}
	if m := reDataErrors.FindStringSubmatch(value); m != nil {
		n, err := strconv.ParseUint(m[1], 10, 64)
		if err != nil {
			return 0, fmt.Errorf("errors line %q: %w", value, err)
		}
		p.ErrorCount = n
	}
	return 0, nil
}
