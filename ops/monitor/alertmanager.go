package monitor

import (
	"context"
	"sort"
	"strings"
	"time"

	"github.com/opsdeck/opsdeck/ops"
)

// DefaultAlertmanagerURL is where Alertmanager listens on the host unless
// the host's config says otherwise.
const DefaultAlertmanagerURL = "http://127.0.0.1:9093"

// amMaxBody bounds what one API answer may weigh: a runaway or hostile
// server must not fill this machine's memory.
const amMaxBody = 16 << 20

// AlertmanagerStatus is everything the pane shows about Alertmanager.
type AlertmanagerStatus struct {
	// Service says whether Alertmanager answered and, if not, why.
	Service ServiceStatus
	AlertmanagerInfo
	// Uptime is now minus StartedAt; zero when unknown.
	Uptime time.Duration
	// Groups are the alerts grouped by alertname, most severe first.
	Groups    []AlertGroup
	Silences  []Silence
	Receivers []string
	// Problems lists the reads that failed after the status answered;
	// what they would have filled stays empty.
	Problems []string
}

// AlertGroup is every alert of one alertname.
type AlertGroup struct {
	Name string
	// Severity is the most severe severity label among the alerts.
	Severity string
	Alerts   []Alert
}

// Firing counts the group's alerts that are neither silenced nor inhibited.
func (g AlertGroup) Firing() int {
	n := 0
	for _, a := range g.Alerts {
		if a.State == "active" {
			n++
		}
	}
	return n
}

// ReadAlertmanager reads Alertmanager's v2 API at baseURL (as seen from
// the host) through h's connection. An unreachable Alertmanager is not an
// error: the Service field says why, for the pane to show.
func ReadAlertmanager(ctx context.Context, h *ops.Host, baseURL string, now time.Time) AlertmanagerStatus {
	if baseURL == "" {
		baseURL = DefaultAlertmanagerURL
	}
	c := clientFor(ctx, h.Runner)
	defer c.CloseIdleConnections()
	st := AlertmanagerStatus{Service: ServiceStatus{Name: "Alertmanager", URL: baseURL}}
	body, reason := amGet(ctx, c, baseURL, "/api/v2/status")
	if reason != "" {
		st.Service.Reason = reason
		return st
	}
	info, err := DecodeAlertmanagerStatus(body)
	if err != nil {
		st.Service.Reason = err.Error()
		return st
	}
	st.Service.Reachable, st.AlertmanagerInfo = true, info
	if !info.StartedAt.IsZero() && now.After(info.StartedAt) {
		st.Uptime = now.Sub(info.StartedAt)
	}
	if alerts, err := amRead(ctx, c, baseURL, "/api/v2/alerts", DecodeAlerts); err != nil {
		st.Problems = append(st.Problems, err.Error())
	} else {
		st.Groups = GroupAlerts(alerts)
	}
	if sil, err := amRead(ctx, c, baseURL, "/api/v2/silences", DecodeSilences); err != nil {
		st.Problems = append(st.Problems, err.Error())
	} else {
		st.Silences = SortSilences(sil)
	}
	if recv, err := amRead(ctx, c, baseURL, "/api/v2/receivers", DecodeReceivers); err != nil {
		st.Problems = append(st.Problems, err.Error())
	} else {
		st.Receivers = recv
	}
	return st
}

// severityRank orders severities, most urgent first; unknown ones last.
func severityRank(s string) int {
	switch strings.ToLower(s) {
	case "critical", "page":
		return 0
	case "error":
		return 1
	case "warning", "warn":
		return 2
	case "info":
		return 3
	}
	return 4
}

// GroupAlerts groups alerts by alertname: the most severe groups first,
// then by name; inside a group the oldest alert first.
func GroupAlerts(alerts []Alert) []AlertGroup {
	idx := map[string]int{}
	var groups []AlertGroup
	for _, a := range alerts {
		i, ok := idx[a.Name]
		if !ok {
			i = len(groups)
			idx[a.Name] = i
			groups = append(groups, AlertGroup{Name: a.Name, Severity: a.Severity})
		}
		g := &groups[i]
		if severityRank(a.Severity) < severityRank(g.Severity) {
			g.Severity = a.Severity
		}
		g.Alerts = append(g.Alerts, a)
	}
	for _, g := range groups {
		sort.SliceStable(g.Alerts, func(i, j int) bool { return g.Alerts[i].StartsAt.Before(g.Alerts[j].StartsAt) })
	}
	sort.SliceStable(groups, func(i, j int) bool {
		ri, rj := severityRank(groups[i].Severity), severityRank(groups[j].Severity)
		if ri != rj {
			return ri < rj
		}
		return groups[i].Name < groups[j].Name
	})
	return groups
}

// SortSilences orders silences active, pending, expired; inside each, the
// one ending soonest first.
func SortSilences(s []Silence) []Silence {
	rank := map[string]int{SilenceActive: 0, SilencePending: 1, SilenceExpired: 2}
	sort.SliceStable(s, func(i, j int) bool {
		ri, okI := rank[s[i].State]
		rj, okJ := rank[s[j].State]
		if !okI {
			ri = 3
		}
		if !okJ {
			rj = 3
		}
		if ri != rj {
			return ri < rj
		}
		return s[i].EndsAt.Before(s[j].EndsAt)
	})
	return s
}

// RunbookText is what the operator copies to look into an alert: its
// runbook_url annotation, else its generatorURL, else "".
func RunbookText(a Alert) string {
	if u := strings.TrimSpace(a.Annotations["runbook_url"]); u != "" {
		return u
	}
	return strings.TrimSpace(a.GeneratorURL)
}
