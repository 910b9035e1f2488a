package ops

import (
	"testing"
	"time"
)

func TestParseUTCOffset(t *testing.T) {
	cases := []struct {
		in   string
		secs int
		ok   bool
	}{
		{"+0000\n", 0, true},
		{"+0100", 3600, true},
		{"-0530", -(5*3600 + 30*60), true},
		{"+1400", 14 * 3600, true},
		{"", 0, false},
		{"UTC", 0, false},
		{"+01:00", 0, false},
		{"+2500", 0, false},
		{"+01x0", 0, false},
	}
	for _, c := range cases {
		loc, ok := ParseUTCOffset(c.in)
		if ok != c.ok {
			t.Errorf("%q: ok=%v, want %v", c.in, ok, c.ok)
			continue
		}
		if !ok {
			continue
		}
		if _, off := time.Date(2026, 1, 1, 0, 0, 0, 0, loc).Zone(); off != c.secs {
			t.Errorf("%q: offset %d, want %d", c.in, off, c.secs)
		}
	}
}

// TestTextScanDatesUseHostOffset reads the same finished-scrub text as a
// host at UTC+1 and as one at UTC: the instants must differ by the hour.
func TestTextScanDatesUseHostOffset(t *testing.T) {
	utc := hostLocation(&Host{Platform: Platform{UTCOffset: "+0000"}})
	cet := hostLocation(&Host{Platform: Platform{UTCOffset: "+0100"}})
	const line = "scrub repaired 0B in 00:00:14 with 0 errors on Thu Nov 26 10:42:03 2026"
	a, err := ParseScanText(line, utc)
	if err != nil {
		t.Fatal(err)
	}
	b, err := ParseScanText(line, cet)
	if err != nil {
		t.Fatal(err)
	}
	if d := a.End.Sub(b.End); d != time.Hour {
		t.Fatalf("UTC end %v, UTC+1 end %v: difference %v, want 1h", a.End, b.End, d)
	}
}
