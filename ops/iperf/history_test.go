package iperf

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func result(host string, at time.Time, bps float64, rtt time.Duration) Result {
	s := newSummary()
	s.SentBps, s.ReceivedBps, s.MeanRTT = bps, bps, rtt
	return Result{Time: at, Host: host, Target: "10.0.0.2", Port: 5201, Seconds: 10, Parallel: 1, Summary: s,
		Intervals: []Interval{{Start: 0, End: 1, BitsPerSecond: bps, Retransmits: 0}}}
}

func TestHistoryAppendLoadBaseline(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "opsdeck", "iperf3")
	h, err := OpenHistory(dir)
	if err != nil {
		t.Fatal(err)
	}
	day1 := time.Date(2026, 11, 20, 10, 0, 0, 123, time.UTC)
	day2 := day1.Add(6 * 24 * time.Hour)
	if rs, err := h.Load("zfs1"); rs != nil || err != nil {
		t.Fatalf("empty history: %v %v", rs, err)
	}
	if err := h.MarkBaseline("zfs1", day1); err == nil {
		t.Error("baseline marked on a result that does not exist")
	}
	for _, r := range []Result{result("zfs1", day1, 9.41e9, time.Millisecond), result("zfs1", day2, 5.83e9, 0), result("other", day2, 1e9, 0)} {
		if err := h.Append(r); err != nil {
			t.Fatal(err)
		}
	}
	rs, err := h.Load("zfs1")
	if err != nil || len(rs) != 2 || rs[0].Summary.ReceivedBps != 9.41e9 || !rs[0].Time.Equal(day1) || rs[1].Intervals[0].BitsPerSecond != 5.83e9 {
		t.Fatalf("load: %+v %v", rs, err)
	}
	if _, ok, _ := h.Baseline("zfs1"); ok {
		t.Error("baseline before marking")
	}
	if err := h.MarkBaseline("zfs1", day1); err != nil {
		t.Fatal(err)
	}
	base, ok, err := h.Baseline("zfs1")
	if err != nil || !ok || !base.Time.Equal(day1) {
		t.Fatalf("baseline %+v %v %v", base, ok, err)
	}
	if got, want := Delta(rs[1], base), "-38% vs baseline 2026-11-20 (9.41 Gb/s)"; got != want {
		t.Errorf("delta %q, want %q", got, want)
	}
	// The newest result without an RTT does not hide an older one's.
	rtt, at, ok, err := h.LastRTT("zfs1")
	if err != nil || !ok || rtt != time.Millisecond || !at.Equal(day1) {
		t.Errorf("LastRTT %v %v %v %v", rtt, at, ok, err)
	}
	if _, _, ok, _ := h.LastRTT("other"); ok {
		t.Error("LastRTT without any RTT")
	}
	for p, want := range map[string]os.FileMode{dir: 0o700, filepath.Join(dir, "zfs1.jsonl"): 0o600, filepath.Join(dir, "zfs1.baseline.json"): 0o600} {
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm() != want {
			t.Errorf("%s mode %o, want %o", p, st.Mode().Perm(), want)
		}
	}
}

func TestHistoryCorruptLine(t *testing.T) {
	h, err := OpenHistory(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	if err := h.Append(result("zfs1", at, 1e9, 0)); err != nil {
		t.Fatal(err)
	}
	// A crash mid-write leaves half a line; later appends go on.
	f, err := os.OpenFile(filepath.Join(h.Dir(), "zfs1.jsonl"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(`{"time":"2026-11-2` + "\n" + "{}\n")
	f.Close()
	if err := h.Append(result("zfs1", at.Add(time.Hour), 2e9, 0)); err != nil {
		t.Fatal(err)
	}
	rs, err := h.Load("zfs1")
	var ce *CorruptError
	if !errors.As(err, &ce) || len(ce.Lines) != 2 || ce.Lines[0] != 2 || ce.Lines[1] != 3 {
		t.Errorf("error %v, want lines 2 and 3 reported", err)
	}
	if len(rs) != 2 || rs[1].Summary.ReceivedBps != 2e9 {
		t.Errorf("good lines lost: %+v", rs)
	}
	if last, ok, err := h.Last("zfs1"); err != nil || !ok || last.Summary.ReceivedBps != 2e9 {
		t.Errorf("Last %+v %v %v", last, ok, err)
	}
}

func TestHistoryHostNames(t *testing.T) {
	h, err := OpenHistory(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for _, host := range []string{"../../etc/passwd", ".hidden", "a/b", "user@host:22"} {
		if err := h.Append(result(host, time.Now(), 1, 0)); err != nil {
			t.Fatalf("%q: %v", host, err)
		}
		if rs, err := h.Load(host); err != nil || len(rs) != 1 || rs[0].Host != host {
			t.Errorf("%q: %v %v", host, rs, err)
		}
	}
	entries, _ := os.ReadDir(h.Dir())
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") || e.IsDir() {
			t.Errorf("unsafe file name %q", e.Name())
		}
	}
	if err := h.Append(result("", time.Now(), 1, 0)); err == nil {
		t.Error("empty host accepted")
	}
}

func TestDefaultHistoryDir(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", "/var/state")
	if d, _ := DefaultHistoryDir(); d != "/var/state/opsdeck/iperf3" {
		t.Errorf("XDG: %q", d)
	}
	t.Setenv("XDG_STATE_HOME", "relative")
	t.Setenv("HOME", "/home/op")
	if d, _ := DefaultHistoryDir(); d != "/home/op/.local/state/opsdeck/iperf3" {
		t.Errorf("relative XDG ignored: %q", d)
	}
}

func TestWords(t *testing.T) {
	s := Summary{SentBps: 9.42e9, ReceivedBps: 9.41e9, Retransmits: 12, CPUHostPercent: 31.4, CPURemotePercent: 58, SenderCC: "cubic", ReceiverCC: "cubic", MeanRTT: 1148 * time.Microsecond}
	want := "9.41 Gb/s received (9.42 Gb/s sent), 12 retransmits, mean RTT 1.148ms, CPU 31% on the host / 58% remote, congestion control cubic → cubic"
	if got := Describe(s); got != want {
		t.Errorf("Describe\n got %q\nwant %q", got, want)
	}
	if got := Describe(newSummary()); got != "0 b/s received (0 b/s sent)" {
		t.Errorf("empty: %q", got)
	}
	if got := Delta(result("h", time.Now(), 1e9, 0), result("h", time.Now(), 0, 0)); !strings.Contains(got, "no throughput") {
		t.Errorf("zero baseline: %q", got)
	}
}
