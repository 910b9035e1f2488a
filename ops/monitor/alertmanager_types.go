package monitor

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"
)

// Alert is one alert as Alertmanager's v2 API reports it.
type Alert struct {
	Fingerprint  string
	Name         string // the alertname label
	Severity     string // the severity label, "" when absent
	Labels       map[string]string
	Annotations  map[string]string
	StartsAt     time.Time
	EndsAt       time.Time
	UpdatedAt    time.Time
	GeneratorURL string
	// State is "active", "suppressed" (silenced or inhibited) or
	// "unprocessed".
	State       string
	SilencedBy  []string
	InhibitedBy []string
	Receivers   []string
}

// Summary is the alert's summary annotation, "" when absent.
func (a Alert) Summary() string { return a.Annotations["summary"] }

// Description is the alert's description annotation, "" when absent.
func (a Alert) Description() string { return a.Annotations["description"] }

// Silenced reports whether a silence mutes the alert.
func (a Alert) Silenced() bool { return len(a.SilencedBy) > 0 }

// Inhibited reports whether another alert inhibits this one.
func (a Alert) Inhibited() bool { return len(a.InhibitedBy) > 0 }

// Matcher is one label matcher of a silence.
type Matcher struct {
	Name    string `json:"name"`
	Value   string `json:"value"`
	IsRegex bool   `json:"isRegex"`
	// IsEqual is false for != and !~ matchers.
	IsEqual bool `json:"isEqual"`
}

// String writes the matcher as Alertmanager's UI does: name="value".
func (m Matcher) String() string {
	op := "="
	if m.IsRegex {
		op = "=~"
	}
	if !m.IsEqual {
		op = map[bool]string{false: "!=", true: "!~"}[m.IsRegex]
	}
	return fmt.Sprintf("%s%s%q", m.Name, op, m.Value)
}

// Silence states as the API words them.
const (
	SilenceActive  = "active"
	SilencePending = "pending"
	SilenceExpired = "expired"
)

// Silence is one silence of Alertmanager.
type Silence struct {
	ID        string
	State     string // SilenceActive, SilencePending or SilenceExpired
	Matchers  []Matcher
	StartsAt  time.Time
	EndsAt    time.Time
	UpdatedAt time.Time
	CreatedBy string
	Comment   string
}

// AlertmanagerInfo is what /api/v2/status says about the server itself.
type AlertmanagerInfo struct {
	Version string
	// Cluster is "ready", "settling" or "disabled".
	Cluster string
	Peers   int
	// StartedAt is the process start ("uptime" in the API's words).
	StartedAt time.Time
}

// wireAlert is one element of GET /api/v2/alerts.
type wireAlert struct {
	Fingerprint  string            `json:"fingerprint"`
	Labels       map[string]string `json:"labels"`
	Annotations  map[string]string `json:"annotations"`
	StartsAt     time.Time         `json:"startsAt"`
	EndsAt       time.Time         `json:"endsAt"`
	UpdatedAt    time.Time         `json:"updatedAt"`
	GeneratorURL string            `json:"generatorURL"`
	Receivers    []struct {
		Name string `json:"name"`
	} `json:"receivers"`
	Status struct {
		State       string   `json:"state"`
		SilencedBy  []string `json:"silencedBy"`
		InhibitedBy []string `json:"inhibitedBy"`
	} `json:"status"`
}

// wireMatcher keeps isEqual optional: releases before 0.22 omit it and
// mean "equal".
type wireMatcher struct {
	Name    string `json:"name"`
	Value   string `json:"value"`
	IsRegex bool   `json:"isRegex"`
	IsEqual *bool  `json:"isEqual"`
}

// wireSilence is one element of GET /api/v2/silences.
type wireSilence struct {
	ID     string `json:"id"`
	Status struct {
		State string `json:"state"`
	} `json:"status"`
	Matchers  []wireMatcher `json:"matchers"`
	StartsAt  time.Time     `json:"startsAt"`
	EndsAt    time.Time     `json:"endsAt"`
	UpdatedAt time.Time     `json:"updatedAt"`
	CreatedBy string        `json:"createdBy"`
	Comment   string        `json:"comment"`
}

// wireStatus is GET /api/v2/status without the configuration text.
type wireStatus struct {
	Cluster *struct {
		Status string            `json:"status"`
		Peers  []json.RawMessage `json:"peers"`
	} `json:"cluster"`
	Uptime      time.Time `json:"uptime"`
	VersionInfo struct {
		Version string `json:"version"`
	} `json:"versionInfo"`
}

// DecodeAlerts parses the body of GET /api/v2/alerts.
func DecodeAlerts(data []byte) ([]Alert, error) {
	var wire []wireAlert
	if err := decodeJSON(data, &wire); err != nil {
		return nil, fmt.Errorf("alertmanager alerts: %w", err)
	}
	out := make([]Alert, 0, len(wire))
	for _, w := range wire {
		a := Alert{
			Fingerprint: w.Fingerprint, Labels: w.Labels, Annotations: w.Annotations,
			StartsAt: w.StartsAt, EndsAt: w.EndsAt, UpdatedAt: w.UpdatedAt,
			GeneratorURL: w.GeneratorURL, State: w.Status.State,
			SilencedBy: w.Status.SilencedBy, InhibitedBy: w.Status.InhibitedBy,
		}
		if a.Labels == nil {
			a.Labels = map[string]string{}
		}
		if a.Annotations == nil {
			a.Annotations = map[string]string{}
		}
		a.Name, a.Severity = a.Labels["alertname"], a.Labels["severity"]
		for _, r := range w.Receivers {
			a.Receivers = append(a.Receivers, r.Name)
		}
		out = append(out, a)
	}
	return out, nil
}

// DecodeSilences parses the body of GET /api/v2/silences.
func DecodeSilences(data []byte) ([]Silence, error) {
	var wire []wireSilence
	if err := decodeJSON(data, &wire); err != nil {
		return nil, fmt.Errorf("alertmanager silences: %w", err)
	}
	out := make([]Silence, 0, len(wire))
	for _, w := range wire {
		out = append(out, w.silence())
	}
	return out, nil
}

// DecodeSilence parses the body of GET /api/v2/silence/{id}.
func DecodeSilence(data []byte) (Silence, error) {
	var w wireSilence
	if err := decodeJSON(data, &w); err != nil {
		return Silence{}, fmt.Errorf("alertmanager silence: %w", err)
	}
	return w.silence(), nil
}

func (w wireSilence) silence() Silence {
	s := Silence{ID: w.ID, State: w.Status.State, StartsAt: w.StartsAt, EndsAt: w.EndsAt,
		UpdatedAt: w.UpdatedAt, CreatedBy: w.CreatedBy, Comment: w.Comment}
	for _, m := range w.Matchers {
		s.Matchers = append(s.Matchers, Matcher{Name: m.Name, Value: m.Value, IsRegex: m.IsRegex, IsEqual: m.IsEqual == nil || *m.IsEqual})
	}
	return s
}

// DecodeReceivers parses the body of GET /api/v2/receivers into names.
func DecodeReceivers(data []byte) ([]string, error) {
	var wire []struct {
		Name string `json:"name"`
	}
	if err := decodeJSON(data, &wire); err != nil {
		return nil, fmt.Errorf("alertmanager receivers: %w", err)
	}
	out := make([]string, 0, len(wire))
	for _, r := range wire {
		out = append(out, r.Name)
	}
	return out, nil
}

// DecodeAlertmanagerStatus parses the body of GET /api/v2/status.
func DecodeAlertmanagerStatus(data []byte) (AlertmanagerInfo, error) {
	var w wireStatus
	if err := decodeJSON(data, &w); err != nil {
		return AlertmanagerInfo{}, fmt.Errorf("alertmanager status: %w", err)
	}
	if w.VersionInfo.Version == "" {
		return AlertmanagerInfo{}, fmt.Errorf("alertmanager status: no versionInfo.version: not an Alertmanager v2 answer")
	}
	info := AlertmanagerInfo{Version: w.VersionInfo.Version, StartedAt: w.Uptime}
	if w.Cluster != nil {
		info.Cluster, info.Peers = w.Cluster.Status, len(w.Cluster.Peers)
	}
	return info, nil
}

// decodeJSON refuses an empty body, which json.Unmarshal would call an
// unhelpful "unexpected end of JSON input".
func decodeJSON(data []byte, v any) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return fmt.Errorf("empty body")
	}
	return json.Unmarshal(data, v)
}
