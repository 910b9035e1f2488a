package ops

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fixtureDir holds the captures shared with the demo server.
const fixtureDir = "../testdata/zfs"

// stripHeader drops a fixture's first line, "# $ <command> (<version>)",
// which names where the output came from and is not part of it.
func stripHeader(b []byte) []byte {
	if bytes.HasPrefix(b, []byte("# ")) {
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			return b[i+1:]
		}
		return nil
	}
	return b
}

// fixture reads testdata/zfs/<rel> without its header line.
func fixture(tb testing.TB, rel string) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(fixtureDir, rel))
	if err != nil {
		tb.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("# $ ")) {
		tb.Fatalf("%s: first line must name the command (# $ …)", rel)
	}
	return stripHeader(b)
}

// fixtures lists testdata/zfs/<dir>/<glob> as paths relative to fixtureDir.
func fixtures(tb testing.TB, glob string) []string {
	tb.Helper()
	m, err := filepath.Glob(filepath.Join(fixtureDir, glob))
	if err != nil || len(m) == 0 {
		tb.Fatalf("no fixtures match %s", glob)
	}
	for i := range m {
		m[i] = strings.TrimPrefix(filepath.ToSlash(m[i]), fixtureDir+"/")
	}
	return m
}

func TestFixturesNameTheirCommand(t *testing.T) {
	for _, rel := range fixtures(t, "*/*") {
		if strings.HasSuffix(rel, ".md") {
			continue // notes about the fixtures, not a fixture
		}
		b, err := os.ReadFile(filepath.Join(fixtureDir, rel))
		if err != nil {
			t.Fatal(err)
		}
		first, _, _ := strings.Cut(string(b), "\n")
		if !strings.HasPrefix(first, "# $ ") || !strings.HasSuffix(first, ")") || !strings.Contains(first, " (") {
			t.Errorf("%s: first line %q must be \"# $ <command> (<version or provenance>)\"", rel, first)
		}
	}
}
