package snapshots

import (
	"strings"
	"testing"
)

func FuzzParseLine(f *testing.F) {
	for _, l := range strings.Split(fixture(f, "list_2.3.txt"), "\n") {
		f.Add(l)
	}
	f.Add("tank@a\t1\t2\t3")
	f.Add("a@b\t\t\t\t")
	f.Fuzz(func(t *testing.T, line string) {
		s, err := ParseLine(line)
		if err != nil {
			return
		}
		// Whatever parses must round-trip to the name it came from.
		if !strings.HasPrefix(line, s.FullName()+"\t") || s.Holds < 0 {
			t.Errorf("%q parsed as %+v", line, s)
		}
	})
}

func FuzzParseDatasetProps(f *testing.F) {
	f.Add(fixture(f, "props_2.3.txt"))
	f.Add(fixture(f, "props_2.1.txt"))
	f.Add("x\tsnapshots_changed\t-\n")
	f.Fuzz(func(t *testing.T, data string) {
		_, _ = ParseDatasetProps([]byte(data))
		_, _ = ParseList([]byte(data))
	})
}
