package restic

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// fixture is one captured output: the header's command and version, the
// exit status (0 unless the header says "-> exit N") and the body.
type fixture struct {
	command, version string
	exit             int
	body             string
}

var headerRe = regexp.MustCompile(`^# \$ (.+) \(restic (\d+\.\d+\.\d+)\)(?: -> exit (\d+))?$`)

func load(t testing.TB, name string) fixture {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	head, body, _ := strings.Cut(string(data), "\n")
	m := headerRe.FindStringSubmatch(head)
	if m == nil {
		t.Fatalf("%s: bad first line %q", name, head)
	}
	f := fixture{command: m[1], version: m[2], body: body}
	if m[3] != "" {
		f.exit, _ = strconv.Atoi(m[3])
	}
	return f
}

// loadOpt is load for a fixture that may not exist ("" body).
func loadOpt(t testing.TB, name string) string {
	t.Helper()
	if _, err := os.Stat(filepath.Join("testdata", name)); err != nil {
		return ""
	}
	return load(t, name).body
}

var generations = []string{"0.14", "0.18"}

func TestFixtureHeaders(t *testing.T) {
	files, _ := filepath.Glob("testdata/*_*")
	if len(files) < 40 {
		t.Fatalf("only %d fixtures", len(files))
	}
	for _, f := range files {
		if strings.HasSuffix(f, ".sh") {
			continue
		}
		fx := load(t, filepath.Base(f))
		if strings.HasSuffix(f, ".err") != (fx.exit != 0) {
			t.Errorf("%s: exit %d in header does not fit the name", f, fx.exit)
		}
	}
}
