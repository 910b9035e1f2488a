package monitor

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

// amFixture reads a capture, dropping its "# $ command" first line.
func amFixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.HasPrefix(data, []byte("#")) {
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			data = data[i+1:]
		}
	}
	return data
}

func TestDecodeAlertmanagerStatus(t *testing.T) {
	for _, tc := range []struct {
		file    string
		want    AlertmanagerInfo
		wantErr bool
	}{
		{file: "alertmanager_status.json", want: AlertmanagerInfo{Version: "0.25.0", Cluster: "ready", Peers: 1,
			StartedAt: time.Date(2026, 11, 26, 10, 35, 50, 703e6, time.UTC)}},
		{file: "alertmanager_v2_status.json", want: AlertmanagerInfo{Version: "0.25.0", Cluster: "disabled", Peers: 0}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			got, err := DecodeAlertmanagerStatus(amFixture(t, tc.file))
			if err != nil {
				t.Fatal(err)
			}
			if tc.want.StartedAt.IsZero() {
				if got.StartedAt.IsZero() {
					t.Error("no start time")
				}
				got.StartedAt = time.Time{}
			}
			if !got.StartedAt.Equal(tc.want.StartedAt) {
				t.Errorf("started %v, want %v", got.StartedAt, tc.want.StartedAt)
			}
			got.StartedAt, tc.want.StartedAt = time.Time{}, time.Time{}
			if got != tc.want {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestDecodeErrors(t *testing.T) {
	for _, body := range []string{"", "  ", "{", "[]", `{"data":{}}`, "null", `"x"`} {
		if _, err := DecodeAlertmanagerStatus([]byte(body)); err == nil {
			t.Errorf("status %q: no error", body)
		}
	}
	for _, body := range []string{"", "{", `{"a":1}`, `[{"labels":5}]`} {
		if _, err := DecodeAlerts([]byte(body)); err == nil {
			t.Errorf("alerts %q: no error", body)
		}
	}
	for _, body := range []string{"", "{", `{"a":1}`, `[{"matchers":5}]`} {
		if _, err := DecodeSilences([]byte(body)); err == nil {
			t.Errorf("silences %q: no error", body)
		}
	}
}

func TestDecodeAlerts(t *testing.T) {
	alerts, err := DecodeAlerts(amFixture(t, "alertmanager_v2_alerts.json"))
	if err != nil {
		t.Fatal(err)
	}
	groups := GroupAlerts(alerts)
	if len(groups) != 2 {
		t.Fatalf("%d groups: %+v", len(groups), groups)
	}
	// The critical group sorts first although the API lists it second.
	pool := groups[0]
	if pool.Name != "PoolDegraded" || pool.Severity != "critical" || pool.Firing() != 1 {
		t.Fatalf("first group %+v", pool)
	}
	a := pool.Alerts[0]
	if a.Summary() != "Pool tank is DEGRADED" || a.Description() != "zpool tank lost a disk" ||
		a.Labels["pool"] != "tank" || a.State != "active" || a.Silenced() || a.Fingerprint != "9757d14823699b17" ||
		!reflect.DeepEqual(a.Receivers, []string{"null-receiver"}) {
		t.Errorf("pool alert %+v", a)
	}
	if got := RunbookText(a); got != "https://wiki.example/runbooks/pool" {
		t.Errorf("runbook %q", got)
	}
	if !a.StartsAt.Equal(time.Date(2026, 11, 26, 14, 21, 48, 149e6, time.UTC)) {
		t.Errorf("starts %v", a.StartsAt)
	}
	s := groups[1].Alerts[0]
	if groups[1].Name != "AlwaysFiring" || groups[1].Firing() != 0 || s.State != "suppressed" || !s.Silenced() ||
		s.SilencedBy[0] != "cdcedf5b-f50b-4916-a72c-5019aa0be222" || s.Inhibited() {
		t.Errorf("silenced alert %+v", s)
	}
	if got := RunbookText(s); got != "http://prom:9090/graph?g0.expr=vector%281%29" {
		t.Errorf("generator URL %q", got)
	}
}

func TestDecodeSilences(t *testing.T) {
	sil, err := DecodeSilences(amFixture(t, "alertmanager_v2_silences.json"))
	if err != nil {
		t.Fatal(err)
	}
	sil = SortSilences(sil)
	var states, matchers []string
	for _, s := range sil {
		states = append(states, s.State)
		matchers = append(matchers, s.Matchers[0].String())
	}
	if !reflect.DeepEqual(states, []string{"active", "pending", "expired"}) {
		t.Errorf("states %v", states)
	}
	if !reflect.DeepEqual(matchers, []string{`alertname="AlwaysFiring"`, `alertname="Later"`, `job=~"n.*"`}) {
		t.Errorf("matchers %v", matchers)
	}
	if sil[0].CreatedBy != "root@test" || sil[0].Comment != "maintenance" || sil[0].ID != "cdcedf5b-f50b-4916-a72c-5019aa0be222" {
		t.Errorf("active silence %+v", sil[0])
	}
	// isEqual is absent before 0.22 and means "equal".
	old, err := DecodeSilence([]byte(`{"id":"x","status":{"state":"active"},"matchers":[{"name":"a","value":"b","isRegex":false}]}`))
	if err != nil || !old.Matchers[0].IsEqual {
		t.Errorf("old silence %+v, %v", old, err)
	}
	neg := Matcher{Name: "a", Value: "b", IsRegex: true}
	if neg.String() != `a!~"b"` {
		t.Errorf("negative regex matcher %s", neg)
	}
}

func TestDecodeReceivers(t *testing.T) {
	got, err := DecodeReceivers(amFixture(t, "alertmanager_v2_receivers.json"))
	if err != nil || !reflect.DeepEqual(got, []string{"null-receiver"}) {
		t.Errorf("receivers %v, %v", got, err)
	}
}

// FuzzAlertmanagerDecoders: no input makes a decoder panic.
func FuzzAlertmanagerDecoders(f *testing.F) {
	for _, name := range []string{"alertmanager_status.json", "alertmanager_v2_status.json", "alertmanager_v2_alerts.json",
		"alertmanager_v2_silences.json", "alertmanager_v2_receivers.json"} {
		f.Add(amFixture(f, name))
	}
	f.Add([]byte(`[{"labels":null,"status":{}}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if alerts, err := DecodeAlerts(data); err == nil {
			for _, g := range GroupAlerts(alerts) {
				_ = g.Firing()
				for _, a := range g.Alerts {
					_ = RunbookText(a) + a.Summary()
				}
			}
		}
		if s, err := DecodeSilences(data); err == nil {
			SortSilences(s)
		}
		_, _ = DecodeSilence(data)
		_, _ = DecodeReceivers(data)
		_, _ = DecodeAlertmanagerStatus(data)
	})
}
