package monitor

import (
	"context"
	"fmt"
	"math"
	"time"

	"github.com/prometheus/client_golang/api"
	v1 "github.com/prometheus/client_golang/api/prometheus/v1"
	"github.com/prometheus/common/model"

	"github.com/opsdeck/opsdeck/ops"
)

// The Monitoring pane's sparkline queries. Rates use a 5m window so that
// one missed scrape does not punch a hole in the line; loopback traffic
// is left out of the throughput as it never leaves the host.
const (
	QueryARCHitRatio = `sum(rate(node_zfs_arc_hits[5m])) / (sum(rate(node_zfs_arc_hits[5m])) + sum(rate(node_zfs_arc_misses[5m])))`
	QueryNetReceive  = `sum(rate(node_network_receive_bytes_total{device!="lo"}[5m]))`
	QueryNetTransmit = `sum(rate(node_network_transmit_bytes_total{device!="lo"}[5m]))`
	// QueryPoolCapacity is percent used per pool. node_exporter (1.5, as
	// Debian 12 ships it) exports no pool sizes; zfs_exporter does, under
	// these names, so the sparkline appears only where such a metric exists.
	QueryPoolCapacity = `100 * max by (pool) (zfs_pool_allocated_bytes) / max by (pool) (zfs_pool_size_bytes)`
)

// SparkWindow and SparkStep are the sparklines' span and resolution: the
// last hour, one point a minute.
const (
	SparkWindow = time.Hour
	SparkStep   = time.Minute
)

// Sparklines are the one-hour series the pane draws, oldest first. A
// series with no data (the metric does not exist) is nil; one whose query
// failed is nil too, with a line in Errors.
type Sparklines struct {
	ARCHitRatio []float64
	// NetRx and NetTx are bytes per second over all non-loopback links.
	NetRx, NetTx []float64
	// PoolCapacity is percent used per pool name; nil without a metric.
	PoolCapacity map[string][]float64
	Errors       []string
}

// ReadSparklines runs the sparkline queries over the last hour before now
// on Prometheus at baseURL, through h's connection.
func ReadSparklines(ctx context.Context, h *ops.Host, baseURL string, now time.Time) Sparklines {
	if baseURL == "" {
		baseURL = DefaultPrometheusURL
	}
	hc := clientFor(ctx, h.Runner)
	defer hc.CloseIdleConnections()
	client, err := api.NewClient(api.Config{Address: baseURL, Client: hc})
	if err != nil {
		return Sparklines{Errors: []string{"client: " + err.Error()}}
	}
	return readSparklinesAPI(ctx, v1.NewAPI(client), now)
}

// readSparklinesAPI is ReadSparklines on any v1.API, for tests.
func readSparklinesAPI(ctx context.Context, a v1.API, now time.Time) Sparklines {
	r := v1.Range{Start: now.Add(-SparkWindow), End: now, Step: SparkStep}
	var s Sparklines
	for _, q := range []struct {
		name  string
		query string
		dst   *[]float64
	}{
		{"ARC hit ratio", QueryARCHitRatio, &s.ARCHitRatio},
		{"network receive", QueryNetReceive, &s.NetRx},
		{"network transmit", QueryNetTransmit, &s.NetTx},
	} {
		vals, err := QueryRangeValues(ctx, a, q.query, r)
		if err != nil {
			s.Errors = append(s.Errors, q.name+": "+ClassifyError(err))
			continue
		}
		*q.dst = vals
	}
	caps, err := QueryRangeByLabel(ctx, a, QueryPoolCapacity, r, "pool")
	if err != nil {
		s.Errors = append(s.Errors, "pool capacity: "+ClassifyError(err))
	} else if len(caps) > 0 {
		s.PoolCapacity = caps
	}
	return s
}

// QueryRangeByLabel runs query over r and returns one series per value of
// label (e.g. per pool), each as QueryRangeValues fills it; nil when the
// query matched nothing.
func QueryRangeByLabel(ctx context.Context, a v1.API, query string, r v1.Range, label string) (map[string][]float64, error) {
	m, err := queryMatrix(ctx, a, query, r)
	if err != nil || len(m) == 0 {
		return nil, err
	}
	out := make(map[string][]float64, len(m))
	for _, series := range m {
		out[string(series.Metric[model.LabelName(label)])] = fillPoints(series.Values, r)
	}
	return out, nil
}

// QueryRangeValues runs query over r and returns the values of its one
// series, oldest first; nil when the query matched nothing. Points
// Prometheus left out (no samples in the window) are NaN, so a gap shows
// as one rather than as the line shifting left.
func QueryRangeValues(ctx context.Context, a v1.API, query string, r v1.Range) ([]float64, error) {
	m, err := queryMatrix(ctx, a, query, r)
	if err != nil || len(m) == 0 {
		return nil, err
	}
	if len(m) > 1 {
		return nil, fmt.Errorf("query_range: %d series, want one (the query must aggregate)", len(m))
	}
	return fillPoints(m[0].Values, r), nil
}

// queryMatrix runs a range query and insists on a matrix answer.
func queryMatrix(ctx context.Context, a v1.API, query string, r v1.Range) (model.Matrix, error) {
	if r.Step <= 0 || !r.End.After(r.Start) {
		return nil, fmt.Errorf("query_range: empty range %v..%v step %v", r.Start, r.End, r.Step)
	}
	res, _, _, err := a.QueryRange(ctx, query, r)
	if err != nil {
		return nil, err
	}
	m, ok := res.(model.Matrix)
	if !ok {
		return nil, fmt.Errorf("query_range: got a %s, want a matrix", res.Type())
	}
	return m, nil
}

// fillPoints places samples on r's grid, NaN where Prometheus left one out.
func fillPoints(values []model.SamplePair, r v1.Range) []float64 {
	n := int(r.End.Sub(r.Start)/r.Step) + 1
	out := make([]float64, n)
	for i := range out {
		out[i] = math.NaN()
	}
	start := model.TimeFromUnixNano(r.Start.UnixNano())
	for _, p := range values {
		i := int(p.Timestamp.Sub(start) / r.Step)
		if i >= 0 && i < n {
			out[i] = float64(p.Value)
		}
	}
	return out
}
