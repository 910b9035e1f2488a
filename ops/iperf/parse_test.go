package iperf

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// fixture reads testdata/name without its "# $ command (version)" line.
func fixture(t testing.TB, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	first, rest, _ := strings.Cut(string(data), "\n")
	if !strings.HasPrefix(first, "# $ ") {
		t.Fatalf("%s: first line %q does not name the command", name, first)
	}
	return rest
}

// feedAll feeds every line and collects what the parser reported.
func feedAll(p *LineParser, out string) (ivs []Interval, sum *Summary, errs []error) {
	for _, line := range strings.Split(out, "\n") {
		iv, done, err := p.Feed(line)
		if iv != nil {
			ivs = append(ivs, *iv)
		}
		if done != nil {
			sum = done
		}
		if err != nil {
			errs = append(errs, err)
		}
	}
	return ivs, sum, errs
}

func TestLineParserRealOutputs(t *testing.T) {
	k := 1e3 // -f k rates are in decimal kilobits
	tests := []struct {
		file    string
		format  Format
		ivs     []Interval
		sum     *Summary
		errKind Kind
	}{
		{file: "text_1stream_V.txt", format: FormatText,
			ivs: []Interval{{0, 1, 21199621 * k, 4, 0}, {1, 2, 23407187 * k, 0, 0}},
			sum: &Summary{SentBps: 22303761 * k, ReceivedBps: 22272495 * k, Retransmits: 4, CPUHostPercent: 31.8, CPURemotePercent: 58.1, SenderCC: "bbr", ReceiverCC: "bbr"}},
		{file: "text_1stream.txt", format: FormatText,
			ivs: []Interval{{0, 1, 21042547 * k, 4, 0}, {1, 2, 21706023 * k, 0, 0}, {2, 3, 18265702 * k, 0, 0}},
			sum: &Summary{SentBps: 20338075 * k, ReceivedBps: 20320539 * k, Retransmits: 4, CPUHostPercent: -1, CPURemotePercent: -1}},
		{file: "text_reverse_V.txt", format: FormatText,
			// The receiving side reports no retransmits per interval,
			// and 3.12 prints no CPU line in reverse mode.
			ivs: []Interval{{0, 1, 12364046 * k, -1, 0}, {1, 2, 16898902 * k, -1, 0}, {2, 3, 19819974 * k, -1, 0}},
			sum: &Summary{SentBps: 16358658 * k, ReceivedBps: 16356211 * k, Retransmits: 10, CPUHostPercent: -1, CPURemotePercent: -1, SenderCC: "bbr", ReceiverCC: "bbr"}},
		{file: "text_parallel2_V.txt", format: FormatText,
			ivs: []Interval{{0, 1, 22391232 * k, 1, 0}, {1, 2, 19118999 * k, 1, 0}, {2, 3, 14133673 * k, 1, 0}},
			sum: &Summary{SentBps: 18547896 * k, ReceivedBps: 18542404 * k, Retransmits: 3, CPUHostPercent: 29.3, CPURemotePercent: 23.5, SenderCC: "cubic", ReceiverCC: "cubic"}},
		{file: "text_parallel2.txt", format: FormatText,
			ivs: []Interval{{0, 1, 17645946 * k, 0, 0}, {1, 2, 14519119 * k, 11, 0}, {2, 3, 17839363 * k, 12, 0}},
			sum: &Summary{SentBps: 16667924 * k, ReceivedBps: 16639662 * k, Retransmits: 23, CPUHostPercent: -1, CPURemotePercent: -1}},
		{file: "text_refused_V.txt", format: FormatText, errKind: KindRefused},
		{file: "text_busy.txt", format: FormatText, errKind: KindBusy},
		{file: "text_connect_timeout_V.txt", format: FormatText, errKind: KindTimeout},
		{file: "jsonstream_1stream.jsonl", format: FormatJSONStream,
			ivs: []Interval{{0, 1.000636, 11988085238.85134, 6, 141 * time.Microsecond}, {1.000636, 2.000645, 17123092987.618753, 0, 97 * time.Microsecond}},
			sum: &Summary{SentBps: 14554783842.210886, ReceivedBps: 14554485571.448994, Retransmits: 6, CPUHostPercent: 32.06508229370618,
				CPURemotePercent: 30.490320394371516, SenderCC: "bbr", ReceiverCC: "bbr", MeanRTT: 119 * time.Microsecond}},
		{file: "jsonstream_refused.jsonl", format: FormatJSONStream, errKind: KindRefused},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			p := NewLineParser(FormatAuto)
			ivs, sum, errs := feedAll(p, fixture(t, tt.file))
			if p.Format() != tt.format {
				t.Errorf("format %v, want %v", p.Format(), tt.format)
			}
			if !reflect.DeepEqual(ivs, tt.ivs) {
				t.Errorf("intervals\n got %+v\nwant %+v", ivs, tt.ivs)
			}
			if !reflect.DeepEqual(sum, tt.sum) {
				t.Errorf("summary\n got %+v\nwant %+v", sum, tt.sum)
			}
			if got, ok := p.Summary(); ok != (tt.sum != nil) || (ok && got != *tt.sum) {
				t.Errorf("Summary() = %+v, %v", got, ok)
			}
			if tt.errKind == KindUnknown {
				if len(errs) > 0 {
					t.Errorf("unexpected errors %v", errs)
				}
				return
			}
			var e *Error
			if len(errs) != 1 || !errors.As(errs[0], &e) || e.Kind != tt.errKind {
				t.Fatalf("errors %v, want one of kind %v", errs, tt.errKind)
			}
			if p.Err() != e {
				t.Errorf("Err() = %v", p.Err())
			}
		})
	}
}

func TestParseJSON(t *testing.T) {
	sum, ivs, err := ParseJSON([]byte(fixture(t, "json_lab.json")))
	if err != nil {
		t.Fatal(err)
	}
	want := Summary{SentBps: 1322638778.9970987, ReceivedBps: 1321865072.8598585, Retransmits: 0, CPUHostPercent: 98.61636444475313,
		CPURemotePercent: 75.74520804253805, SenderCC: "cubic", ReceiverCC: "cubic", MeanRTT: 1148 * time.Microsecond}
	if sum != want {
		t.Errorf("lab summary\n got %+v\nwant %+v", sum, want)
	}
	if len(ivs) != 2 || ivs[1].BitsPerSecond != 1337871149.97533 || ivs[0].RTT != 1036*time.Microsecond {
		t.Errorf("lab intervals %+v", ivs)
	}
	sum, ivs, err = ParseJSON([]byte(fixture(t, "json_1stream.json")))
	if err != nil || sum.Retransmits != 6 || sum.MeanRTT != 119*time.Microsecond || len(ivs) != 2 {
		t.Errorf("local -J: %+v %+v %v", sum, ivs, err)
	}
	for file, kind := range map[string]Kind{"json_refused.json": KindRefused, "json_busy.json": KindBusy} {
		_, _, err := ParseJSON([]byte(fixture(t, file)))
		var e *Error
		if !errors.As(err, &e) || e.Kind != kind {
			t.Errorf("%s: %v, want kind %v", file, err, kind)
		}
	}
	for _, bad := range []string{"", "{", `{"end":{}}`, `{"end":[]}`, `[]`} {
		if _, _, err := ParseJSON([]byte(bad)); err == nil {
			t.Errorf("ParseJSON(%q) accepted", bad)
		}
	}
}

func TestErrorMessages(t *testing.T) {
	tests := []struct {
		line string
		kind Kind
		want string
	}{
		{"iperf3: error - unable to connect to server: Connection refused", KindRefused, "connection to peer-b refused"},
		// Hand-written: strerror(EHOSTUNREACH) as iperf3 prints it; no
		// unroutable address may be tried from the test machine.
		{"iperf3: error - unable to connect to server: No route to host", KindNoRoute, "no route from zfs1 to peer-b"},
		{"iperf3: error - the server is busy running a test. try again later", KindBusy, "busy running another test"},
		{"iperf3: error - unable to connect to server: Connection timed out", KindTimeout, "did not answer in time"},
		{"iperf3: error - unable to start listener for connections: Address already in use", KindPortInUse, "port is in use"},
		{"iperf3: error - something new", KindUnknown, "iperf3 failed: something new"},
	}
	for _, tt := range tests {
		p := NewLineParser(FormatText)
		_, _, err := p.Feed(tt.line)
		e, ok := err.(*Error)
		if !ok || e.Kind != tt.kind {
			t.Errorf("%q: %v, want kind %v", tt.line, err, tt.kind)
			continue
		}
		e.Host, e.Target = "zfs1", "peer-b"
		if !strings.Contains(e.Error(), tt.want) {
			t.Errorf("%q: message %q, want %q in it", tt.line, e.Error(), tt.want)
		}
	}
	if msg := (&Error{Kind: KindMissing, Host: "zfs1"}).Error(); !strings.Contains(msg, "apt-get install iperf3") {
		t.Errorf("missing: %q", msg)
	}
}

// The action streams its own notes before iperf3's output; the format
// is decided by iperf3's first line, not by them.
func TestLineParserAutoSkipsNotes(t *testing.T) {
	notes := "iperf3 on zfs1: iperf 3.17.1 (cJSON 1.7.15)\none-off iperf3 server listening on zfs1 port 5201\n"
	p := NewLineParser(FormatAuto)
	ivs, sum, errs := feedAll(p, notes+fixture(t, "jsonstream_1stream.jsonl"))
	if p.Format() != FormatJSONStream || len(ivs) != 2 || sum == nil || len(errs) != 0 {
		t.Errorf("json-stream after notes: format %v, %d intervals, summary %v, errors %v", p.Format(), len(ivs), sum, errs)
	}
	p = NewLineParser(FormatAuto)
	ivs, sum, _ = feedAll(p, notes+fixture(t, "text_1stream_V.txt"))
	if p.Format() != FormatText || len(ivs) != 2 || sum == nil {
		t.Errorf("text after notes: format %v, %d intervals, summary %v", p.Format(), len(ivs), sum)
	}
	if FormatFor(Version{Major: 3, Minor: 12}) != FormatText || FormatFor(Version{Major: 3, Minor: 17}) != FormatJSONStream {
		t.Error("FormatFor")
	}
}
