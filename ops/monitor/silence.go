package monitor

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ops/action"
)

// Action IDs in the audit log.
const (
	SilenceActionID       = "alertmanager.silence"
	ExpireSilenceActionID = "alertmanager.expire-silence"
)

// DefaultSilenceDuration is how long a silence lasts unless the operator
// says otherwise.
const DefaultSilenceDuration = 2 * time.Hour

// DefaultSilenceAuthor is the local user@host, who the silence says
// created it.
func DefaultSilenceAuthor() string {
	host, err := os.Hostname()
	if err != nil || host == "" {
		return action.LocalUser()
	}
	return action.LocalUser() + "@" + host
}

// SilenceMatchers are exact matchers on every label of a, alertname and
// instance first: Prometheus identifies an alert by its whole label set,
// so this silences exactly that alert and nothing else.
func SilenceMatchers(a Alert) []Matcher {
	names := make([]string, 0, len(a.Labels))
	for k := range a.Labels {
		if k != "alertname" && k != "instance" {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	names = append([]string{"alertname", "instance"}, names...)
	var out []Matcher
	for _, k := range names {
		if v, ok := a.Labels[k]; ok && v != "" {
			out = append(out, Matcher{Name: k, Value: v, IsEqual: true})
		}
	}
	return out
}

// silenceBody is the body of POST /api/v2/silences.
type silenceBody struct {
	Matchers  []Matcher `json:"matchers"`
	StartsAt  time.Time `json:"startsAt"`
	EndsAt    time.Time `json:"endsAt"`
	CreatedBy string    `json:"createdBy"`
	Comment   string    `json:"comment"`
}

// SilenceAction silences alert on the Alertmanager at baseURL for
// duration (<= 0: DefaultSilenceDuration). author "" means
// DefaultSilenceAuthor; an empty comment fails validation, as
// Alertmanager's own UI requires one. Verify re-reads the alert and says
// whether the new silence mutes it.
func SilenceAction(h *ops.Host, baseURL string, alert Alert, duration time.Duration, author, comment string) action.Action {
	if baseURL == "" {
		baseURL = DefaultAlertmanagerURL
	}
	if duration <= 0 {
		duration = DefaultSilenceDuration
	}
	if author == "" {
		author = DefaultSilenceAuthor()
	}
	matchers := SilenceMatchers(alert)
	words := make([]string, len(matchers))
	for i, m := range matchers {
		words[i] = m.String()
	}
	url := strings.TrimRight(baseURL, "/") + "/api/v2/silences"
	s := &silenceRun{host: h, baseURL: baseURL, alert: alert}
	body := silenceBody{Matchers: matchers, CreatedBy: author, Comment: strings.TrimSpace(comment)}
	return action.Action{
		ID:     SilenceActionID,
		Title:  fmt.Sprintf("Silence %s for %s {%s}", amOrName(alert.Name), shortDuration(duration), strings.Join(words, ", ")),
		Target: "alert " + amOrName(alert.Name),
		Danger: action.Change,
		Steps: []action.Step{{Argv: []string{"POST", url}, Runner: h.Runner, Do: func(ctx context.Context, env action.StepEnv) error {
			b := body
			b.StartsAt = time.Now().UTC()
			b.EndsAt = b.StartsAt.Add(duration)
			return s.create(ctx, env, url, b)
		}}},
		Precondition: func() error {
			if body.Comment == "" {
				return errors.New("silence: a comment is required (say why the alert is silenced)")
			}
			if len(matchers) == 0 {
				return errors.New("silence: the alert has no labels to match")
			}
			return nil
		},
		Verify: s.verify,
	}
}

// shortDuration writes 2h rather than time's 2h0m0s.
func shortDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

func amOrName(s string) string {
	if s == "" {
		return "(unnamed alert)"
	}
	return s
}

// silenceRun is the state the hooks of one SilenceAction share.
type silenceRun struct {
	host    *ops.Host
	baseURL string
	alert   Alert

	mu sync.Mutex
	id string
}

func (s *silenceRun) create(ctx context.Context, env action.StepEnv, url string, b silenceBody) error {
	payload, err := json.Marshal(b)
	if err != nil {
		return err
	}
	answer, err := amSend(ctx, env, http.MethodPost, url, payload)
	if err != nil {
		return err
	}
	var created struct {
		SilenceID string `json:"silenceID"`
	}
	if err := json.Unmarshal(answer, &created); err != nil || created.SilenceID == "" {
		return fmt.Errorf("POST %s: no silence ID in the answer %q", url, amTruncate(answer))
	}
	s.mu.Lock()
	s.id = created.SilenceID
	s.mu.Unlock()
	env.Out("created silence " + created.SilenceID)
	return nil
}

// verify re-reads the alert (by its labels: the fingerprint is the same
// while the labels are) and says whether the new silence mutes it.
func (s *silenceRun) verify(ctx context.Context) (string, error) {
	s.mu.Lock()
	id := s.id
	s.mu.Unlock()
	c := clientFor(ctx, s.host.Runner)
	defer c.CloseIdleConnections()
	alerts, err := amRead(ctx, c, s.baseURL, "/api/v2/alerts", DecodeAlerts)
	if err != nil {
		return "", err
	}
	for _, a := range alerts {
		if !amSameLabels(a.Labels, s.alert.Labels) {
			continue
		}
		for _, by := range a.SilencedBy {
			if by == id && a.State == "suppressed" {
				return fmt.Sprintf("%s is silenced by %s (state %s)", amOrName(a.Name), id, a.State), nil
			}
		}
		return "", fmt.Errorf("%s is still %s: silence %s does not mute it", amOrName(a.Name), a.State, id)
	}
	return fmt.Sprintf("silence %s created; %s no longer fires", id, amOrName(s.alert.Name)), nil
}

func amSameLabels(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}
