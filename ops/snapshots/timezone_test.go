package snapshots

import (
	"context"
	"errors"
	"testing"

	"github.com/opsdeck/opsdeck/ops"
)

func TestParseTimeZone(t *testing.T) {
	for out, want := range map[string]string{"/usr/share/zoneinfo/Europe/Berlin\n": "Europe/Berlin",
		"/usr/share/zoneinfo/Etc/UTC\n": "Etc/UTC", "/usr/share/zoneinfo/posix/America/New_York": "America/New_York"} {
		if got, err := ParseTimeZone(out); err != nil || got != want {
			t.Errorf("%q: %q %v", out, got, err)
		}
	}
	for _, bad := range []string{"", "/etc/localtime\n", "/usr/share/zoneinfo/", "/usr/share/zoneinfo/../../etc/passwd"} {
		if got, err := ParseTimeZone(bad); err == nil {
			t.Errorf("%q: %q", bad, got)
		}
	}
}

func TestReadLocationFallsBack(t *testing.T) {
	f := &fakeRunner{answer: func([]string) (string, error) { return "/usr/share/zoneinfo/Europe/Berlin\n", nil }}
	h := fakeHost(f, 2, 3)
	if loc, err := ReadLocation(context.Background(), h); err != nil || loc.String() != "Europe/Berlin" {
		t.Errorf("%v %v", loc, err)
	}
	f.answer = func([]string) (string, error) { return "", errors.New("readlink: not found") }
	h.Platform = ops.Platform{UTCOffset: "+0100"}
	if loc, err := ReadLocation(context.Background(), h); err == nil || loc.String() != "UTC+0100" {
		t.Errorf("offset fallback %v %v", loc, err)
	}
	h.Platform.UTCOffset = ""
	if loc, err := ReadLocation(context.Background(), h); err == nil || loc.String() != "UTC" {
		t.Errorf("UTC fallback %v %v", loc, err)
	}
}
