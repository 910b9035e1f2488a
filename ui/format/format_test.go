package format

import (
	"testing"
	"time"
)

func TestBytes(t *testing.T) {
	for _, c := range []struct {
		in   uint64
		want string
	}{
		{0, "0B"}, {1023, "1023B"}, {1024, "1.00K"}, {30932992, "29.5M"},
		{939421696, "896M"}, {6408896512, "5.97G"}, {10475274, "9.99M"}, {10482000, "10.0M"}, {1 << 60, "1.00E"}, {^uint64(0), "16.0E"},
	} {
		if got := Bytes(c.in); got != c.want {
			t.Errorf("Bytes(%d) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestAgeAndClock(t *testing.T) {
	for _, c := range []struct {
		in   time.Duration
		want string
	}{
		{-time.Second, "0s"}, {42 * time.Second, "42s"}, {5 * time.Minute, "5m"},
		{30 * time.Hour, "30h"}, {40 * 24 * time.Hour, "40d"},
	} {
		if got := Age(c.in); got != c.want {
			t.Errorf("Age(%v) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := Clock(58 * time.Second); got != "00:00:58" {
		t.Errorf("Clock = %q", got)
	}
	if got := Clock(50*time.Hour + 61*time.Second); got != "2d 02:01:01" {
		t.Errorf("Clock = %q", got)
	}
}
