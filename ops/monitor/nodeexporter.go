package monitor

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"github.com/opsdeck/opsdeck/ops"
)

// DefaultNodeExporterURL is node_exporter's metrics page on the host.
const DefaultNodeExporterURL = "http://127.0.0.1:9100/metrics"

// maxMetricsBytes bounds the metrics page read: node_exporter's is a few
// hundred KiB; anything far larger is not node_exporter.
const maxMetricsBytes = 16 << 20

// NodeExporterStatus is what the pane shows of node_exporter.
type NodeExporterStatus struct {
	Service ServiceStatus
	// ZFS is read from the metrics page; zero when it could not be read.
	ZFS ZFSMetrics
	// Error is the parse failure of a page that was fetched, if any.
	Error string
}

// ZFSMetrics is the ZFS part of node_exporter's metrics.
type ZFSMetrics struct {
	// CollectorRunning is true when node_scrape_collector_success for the
	// zfs collector is 1. It is 0 on a host whose kernel has no ZFS, and
	// absent when the collector is disabled.
	CollectorRunning bool
	// CollectorKnown is true when the zfs collector reported at all.
	CollectorKnown bool
	// Pools maps a pool name to its state ("online", "degraded", ...): the
	// node_zfs_zpool_state series whose value is 1.
	Pools map[string]string
	// HasARC is true when ARC metrics were present.
	HasARC bool
	// ARCSize is node_zfs_arc_size in bytes.
	ARCSize float64
	// ARCHits and ARCMisses are the counters since boot.
	ARCHits, ARCMisses float64
}

// ARCHitRatio is hits/(hits+misses), and false when there were no reads.
func (z ZFSMetrics) ARCHitRatio() (float64, bool) {
	total := z.ARCHits + z.ARCMisses
	if !z.HasARC || total <= 0 {
		return 0, false
	}
	return z.ARCHits / total, true
}

// Summary words the ZFS state for the pane in one line.
func (z ZFSMetrics) Summary() string {
	if !z.CollectorRunning {
		return "zfs collector not running/no ZFS"
	}
	names := make([]string, 0, len(z.Pools))
	for n := range z.Pools {
		names = append(names, n)
	}
	sort.Strings(names)
	parts := make([]string, 0, len(names))
	for _, n := range names {
		parts = append(parts, n+" "+z.Pools[n])
	}
	if len(parts) == 0 {
		return "zfs collector running, no pools"
	}
	return strings.Join(parts, ", ")
}

// ParseMetrics parses Prometheus text exposition format with UTF-8 name
// validation, which accepts everything legacy validation does.
func ParseMetrics(r io.Reader) (map[string]*dto.MetricFamily, error) {
	p := expfmt.NewTextParser(model.UTF8Validation)
	return p.TextToMetricFamilies(r)
}

// ParseZFSMetrics reads the ZFS metrics out of a node_exporter page.
func ParseZFSMetrics(r io.Reader) (ZFSMetrics, error) {
	fams, err := ParseMetrics(r)
	if err != nil {
		return ZFSMetrics{}, err
	}
	return zfsFromFamilies(fams), nil
}

// zfsFromFamilies picks the ZFS series out of parsed families.
func zfsFromFamilies(fams map[string]*dto.MetricFamily) ZFSMetrics {
	z := ZFSMetrics{Pools: map[string]string{}}
	for _, m := range fams["node_scrape_collector_success"].GetMetric() {
		if label(m, "collector") == "zfs" {
			z.CollectorKnown = true
			z.CollectorRunning = value(m) == 1
		}
	}
	for _, m := range fams["node_zfs_zpool_state"].GetMetric() {
		pool := label(m, "zpool")
		if _, seen := z.Pools[pool]; !seen {
			z.Pools[pool] = "unknown"
		}
		if value(m) == 1 {
			z.Pools[pool] = label(m, "state")
		}
	}
	if f, ok := fams["node_zfs_arc_size"]; ok && len(f.GetMetric()) > 0 {
		z.HasARC = true
		z.ARCSize = value(f.GetMetric()[0])
	}
	if f, ok := fams["node_zfs_arc_hits"]; ok && len(f.GetMetric()) > 0 {
		z.ARCHits = value(f.GetMetric()[0])
	}
	if f, ok := fams["node_zfs_arc_misses"]; ok && len(f.GetMetric()) > 0 {
		z.ARCMisses = value(f.GetMetric()[0])
	}
	// A page captured with grep has the zfs series but no scrape line: the
	// series themselves prove the collector ran.
	if !z.CollectorKnown {
		for name := range fams {
			if strings.HasPrefix(name, "node_zfs_") {
				z.CollectorRunning = true
				break
			}
		}
	}
	return z
}

// label returns the value of the label called name on m, "" if absent.
func label(m *dto.Metric, name string) string {
	for _, lp := range m.GetLabel() {
		if lp.GetName() == name {
			return lp.GetValue()
		}
	}
	return ""
}

// value returns m's sample whatever its type.
func value(m *dto.Metric) float64 {
	switch {
	case m.Gauge != nil:
		return m.GetGauge().GetValue()
	case m.Counter != nil:
		return m.GetCounter().GetValue()
	case m.Untyped != nil:
		return m.GetUntyped().GetValue()
	}
	return 0
}

// ReadNodeExporter fetches node_exporter's metrics page at url (as seen
// from h, through h.Runner's connection) and reads its ZFS metrics.
func ReadNodeExporter(ctx context.Context, h *ops.Host, url string) NodeExporterStatus {
	if url == "" {
		url = DefaultNodeExporterURL
	}
	url = MetricsURL(url)
	st := NodeExporterStatus{Service: ServiceStatus{Name: "node_exporter", URL: url}}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		st.Service.Reason = "bad URL: " + err.Error()
		return st
	}
	hc := clientFor(ctx, h.Runner)
	defer hc.CloseIdleConnections()
	resp, err := hc.Do(req)
	if err != nil {
		st.Service.Reason = ClassifyError(err)
		return st
	}
	defer resp.Body.Close()
	if reason := StatusReason(resp.StatusCode); reason != "" {
		st.Service.Reason = reason
		return st
	}
	st.Service.Reachable = true
	z, err := ParseZFSMetrics(io.LimitReader(resp.Body, maxMetricsBytes))
	if err != nil {
		st.Error = fmt.Sprintf("metrics page: %v", ClassifyError(err))
		return st
	}
	st.ZFS = z
	return st
}

// MetricsURL is the metrics page of a node_exporter configured as u: u
// itself when its path already ends in /metrics, else u's path (a
// reverse proxy's prefix, or none) joined with /metrics — the example
// config writes the bare "http://127.0.0.1:9100".
func MetricsURL(u string) string {
	if strings.HasSuffix(strings.TrimRight(u, "/"), "/metrics") {
		return u
	}
	return strings.TrimRight(u, "/") + "/metrics"
}
