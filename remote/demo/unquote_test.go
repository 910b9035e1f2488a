package demo

import (
	"reflect"
	"strings"
	"testing"
)

func TestUnquote(t *testing.T) {
	tests := []struct {
		line string
		want []string
	}{
		{"zpool status -v -p", []string{"zpool", "status", "-v", "-p"}},
		{"zpool  list\t-Hp ", []string{"zpool", "list", "-Hp"}},
		{"sudo -n -- zpool scrub tank", []string{"sudo", "-n", "--", "zpool", "scrub", "tank"}},
		{"sh -c 'for t in zpool zfs; do command -v \"$t\"; done; exit 0'",
			[]string{"sh", "-c", `for t in zpool zfs; do command -v "$t"; done; exit 0`}},
		{"cat 'a b'", []string{"cat", "a b"}},
		{"echo ''", []string{"echo", ""}},
		{`echo 'it'\''s'`, []string{"echo", "it's"}},
		{`echo \'`, []string{"echo", "'"}},
		{"echo 'x'y'z'", []string{"echo", "xyz"}},
		{"echo '$(rm -rf /)' '`id`' ';' '|' 'a\nb'", []string{"echo", "$(rm -rf /)", "`id`", ";", "|", "a\nb"}},
		{"echo 'ünïcødé ✓'", []string{"echo", "ünïcødé ✓"}},
		{"zfs list -o name,used tank/a@snap%x+y:z", []string{"zfs", "list", "-o", "name,used", "tank/a@snap%x+y:z"}},
	}
	for _, tt := range tests {
		got, err := Unquote(tt.line)
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Unquote(%q) = %q, %v; want %q", tt.line, got, err, tt.want)
		}
	}
}

func TestUnquoteRejects(t *testing.T) {
	for _, line := range []string{
		"", "   ", "echo $(id)", "echo `id`", "zpool status; id", "a | b", "a && b", "a > f",
		"a < f", "echo $HOME", `echo "x"`, "echo 'open", `echo \n`, `echo \`, "echo *", "a?",
		"echo ~", "x=1 zpool", "echo #c", "a\nb", "(a)", "{a}", "echo !x", "ünï", "a\x00b", "'a\x00b'",
	} {
		if got, err := Unquote(line); err == nil {
			t.Errorf("Unquote(%q) = %q, want an error", line, got)
		}
	}
}

// quote is remote.Quote's rule, restated so the round trip below tests
// Unquote against the client's quoting without importing remote.
func quote(argv []string) string {
	var parts []string
	for _, a := range argv {
		bare := a != ""
		for i := 0; i < len(a); i++ {
			bare = bare && isBareByte(a[i])
		}
		if bare {
			parts = append(parts, a)
		} else {
			parts = append(parts, "'"+strings.ReplaceAll(a, "'", `'\''`)+"'")
		}
	}
	return strings.Join(parts, " ")
}

func FuzzUnquote(f *testing.F) {
	for _, s := range []string{"zpool status -v", "echo 'a b' \\'", "a'b'c", "$(x)", "'", "\\"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		argv, err := Unquote(line)
		if err != nil {
			return
		}
		// Whatever Unquote accepts must survive a quote round trip.
		again, err := Unquote(quote(argv))
		if err != nil || !reflect.DeepEqual(again, argv) {
			t.Fatalf("round trip of %q: %q, %v; want %q", line, again, err, argv)
		}
	})
}

func TestQuoteRoundTrip(t *testing.T) {
	for _, argv := range [][]string{
		{"zfs", "list", "-o", "name"}, {"x", "", "it's", "a b", "$(id)", "`x`", "new\nline", "ünï"},
	} {
		got, err := Unquote(quote(argv))
		if err != nil || !reflect.DeepEqual(got, argv) {
			t.Errorf("round trip %q: %q, %v", argv, got, err)
		}
	}
}
