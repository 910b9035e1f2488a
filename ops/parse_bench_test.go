package ops

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

// Benchmark inputs are the 6-disk mid-scrub captures grown to n data
// disks: one raidz2 of up to 14 disks (the seed server's layout), or
// raidz2 groups of 10 beyond that, plus the special mirror.

func groupsOf(n int) (groups [][]string) {
	size := 14
	if n > 14 {
		size = 10
	}
	for k := 0; k < n; k++ {
		if k%size == 0 {
			groups = append(groups, nil)
		}
		groups[len(groups)-1] = append(groups[len(groups)-1], fmt.Sprintf("virtio-zdata%d", k))
	}
	return groups
}

// genStatusText formats `zpool status -p` for n disks as zpool does.
func genStatusText(tb testing.TB, n int) string {
	head, _, _ := strings.Cut(string(fixture(tb, "2.3/midscrub_status_p.txt")), "config:\n")
	groups := groupsOf(n)
	width := 10
	for _, g := range groups {
		for _, d := range g {
			width = max(width, len(d)+4)
		}
	}
	s := &statusRows{width: width}
	s.b.WriteString(head + "config:\n\n")
	fmt.Fprintf(&s.b, "\t%-*s  %-8s %5s %5s %5s\n", width, "NAME", "STATE", "READ", "WRITE", "CKSUM")
	s.row(0, "tank", "ONLINE", "0", "0", "0", "")
	for i, g := range groups {
		s.row(2, fmt.Sprintf("raidz2-%d", i), "ONLINE", "0", "0", "0", "")
		for _, d := range g {
			s.row(4, d, "ONLINE", "0", "0", "0", "")
		}
	}
	s.b.WriteString("\tspecial\t\n")
	s.row(2, fmt.Sprintf("mirror-%d", len(groups)), "ONLINE", "0", "0", "0", "")
	s.row(4, "virtio-zspec0", "ONLINE", "0", "0", "0", "")
	s.row(4, "virtio-zspec1", "ONLINE", "0", "0", "0", "")
	s.b.WriteString("\nerrors: No known data errors\n")
	return s.b.String()
}

// objectEnd returns the index after the JSON object starting at s[i]=='{'.
func objectEnd(s string, i int) int {
	depth, inStr := 0, false
	for ; i < len(s); i++ {
		switch c := s[i]; {
		case inStr && c == '\\':
			i++
		case c == '"':
			inStr = !inStr
		case !inStr && c == '{':
			depth++
		case !inStr && c == '}':
			depth--
			if depth == 0 {
				return i + 1
			}
		}
	}
	return len(s)
}

// genStatusJSON grows the mid-scrub JSON capture the same way, cloning
// its raidz2-0 and virtio-zdata0 objects.
func genStatusJSON(tb testing.TB, n int) string {
	s := string(fixture(tb, "2.3/midscrub_status_j_int.json"))
	start := strings.Index(s, `"raidz2-0":{`)
	end := objectEnd(s, start+len(`"raidz2-0":`))
	raidz := s[start:end]
	kidsAt := strings.Index(raidz, `"vdevs":{`) + len(`"vdevs":`)
	kidsEnd := objectEnd(raidz, kidsAt)
	leafAt := strings.Index(raidz, `"virtio-zdata0":{`)
	leaf := raidz[leafAt:objectEnd(raidz, leafAt+len(`"virtio-zdata0":`))]
	groups := groupsOf(n)
	var parts []string
	for i, g := range groups {
		var kids []string
		for _, d := range g {
			kids = append(kids, strings.ReplaceAll(leaf, "virtio-zdata0", d))
		}
		obj := raidz[:kidsAt] + "{" + strings.Join(kids, ",") + "}" + raidz[kidsEnd:]
		parts = append(parts, strings.ReplaceAll(obj, "raidz2-0", fmt.Sprintf("raidz2-%d", i)))
	}
	out := s[:start] + strings.Join(parts, ",") + s[end:]
	return strings.ReplaceAll(out, "mirror-1", fmt.Sprintf("mirror-%d", len(groups)))
}

// TestBenchInputsMatchCaptures proves the generators are faithful: at 6
// disks the text is the capture byte for byte and the JSON parses to
// the capture's pools, and larger inputs
// parse to the expected shape through both parsers.
func TestBenchInputsMatchCaptures(t *testing.T) {
	if got, want := genStatusText(t, 6), string(fixture(t, "2.3/midscrub_status_p.txt")); got != want {
		t.Errorf("text generator at 6 disks:\n%s\nwant\n%s", got, want)
	}
	// JSON leaves carry per-disk guids and stats, so compare parsed.
	gen, err := ParsePoolStatusJSON([]byte(genStatusJSON(t, 6)))
	if err != nil {
		t.Fatal(err)
	}
	if want := onePool(t, "2.3/midscrub_status_j_int.json"); !reflect.DeepEqual(gen, []Pool{want}) {
		t.Errorf("JSON generator at 6 disks:\n%+v\nwant\n%+v", gen, want)
	}
	for _, n := range []int{14, 100} {
		text, err := ParsePoolStatusText([]byte(genStatusText(t, n)), time.UTC)
		if err != nil {
			t.Fatal(err)
		}
		js, err := ParsePoolStatusJSON([]byte(genStatusJSON(t, n)))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range []Pool{text[0], js[0]} {
			disks := 0
			for _, top := range p.Root.Children[:len(p.Root.Children)-1] {
				disks += len(top.Children)
			}
			if disks != n || mustVdev(t, p, fmt.Sprintf("virtio-zdata%d", n-1)).Class != ClassNormal {
				t.Errorf("%d disks: parsed %d", n, disks)
			}
		}
	}
}

func benchText(b *testing.B, n int) {
	in := []byte(genStatusText(b, n))
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParsePoolStatusText(in, time.UTC); err != nil {
			b.Fatal(err)
		}
	}
}

func benchJSON(b *testing.B, n int) {
	in := []byte(genStatusJSON(b, n))
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParsePoolStatusJSON(in); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParsePoolStatusText14Disks(b *testing.B)  { benchText(b, 14) }
func BenchmarkParsePoolStatusText100Disks(b *testing.B) { benchText(b, 100) }
func BenchmarkParsePoolStatusJSON14Disks(b *testing.B)  { benchJSON(b, 14) }
func BenchmarkParsePoolStatusJSON100Disks(b *testing.B) { benchJSON(b, 100) }
