package iperf

import (
	"strings"
	"testing"
)

// FuzzLineParser feeds arbitrary output in both formats; the parser must
// never panic, whatever the lines.
func FuzzLineParser(f *testing.F) {
	for _, name := range []string{"text_1stream_V.txt", "text_parallel2.txt", "text_reverse_V.txt", "text_busy.txt", "jsonstream_1stream.jsonl", "jsonstream_refused.jsonl"} {
		f.Add(fixture(f, name))
	}
	f.Add("[SUM] 0.00-1.00 sec 1 GBytes 99999999999999999999999 Kbits/sec -5 sender\n")
	f.Add(`{"event":"interval","data":{"sum":{"bits_per_second":"x"},"streams":[{"rtt":1e308,"sender":true}]}}`)
	f.Fuzz(func(t *testing.T, out string) {
		for _, format := range []Format{FormatAuto, FormatText, FormatJSONStream} {
			p := NewLineParser(format)
			for _, line := range strings.Split(out, "\n") {
				iv, _, _ := p.Feed(line)
				if iv != nil && iv.RTT < 0 {
					t.Fatalf("negative RTT from %q", line)
				}
			}
			p.Summary()
			p.Intervals()
		}
	})
}

// FuzzParseJSON: the -J parser must never panic.
func FuzzParseJSON(f *testing.F) {
	for _, name := range []string{"json_lab.json", "json_refused.json"} {
		f.Add(fixture(f, name))
	}
	f.Fuzz(func(t *testing.T, out string) {
		ParseJSON([]byte(out))
	})
}

// FuzzParseVersion: never panics.
func FuzzParseVersion(f *testing.F) {
	f.Add(fixture(f, "version_3.12.txt"))
	f.Fuzz(func(t *testing.T, out string) {
		ParseVersion(out)
	})
}
