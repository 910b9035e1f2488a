package monitor

import (
	"context"
	"sync"
	"time"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ops/action"
	"github.com/opsdeck/opsdeck/ops/monitor"
)

// HostDeps are the pane's deps for a host whose services block is
// services ("prometheus", "alertmanager", "node_exporter" → URL as seen
// from the host; unset ones take ops/monitor's defaults).
func HostDeps(services map[string]string) Deps {
	return HostDepsWithAuth(services, nil)
}

// HostDepsWithAuth is HostDeps for services some of which need
// credentials (service name → credentials; a missing name needs none).
func HostDepsWithAuth(services map[string]string, auth map[string]*monitor.Credentials) Deps {
	prom, am, node := services["prometheus"], services["alertmanager"], services["node_exporter"]
	promAuth, amAuth, nodeAuth := auth["prometheus"], auth["alertmanager"], auth["node_exporter"]
	return Deps{
		Read: func(ctx context.Context, h *ops.Host, now time.Time) Status {
			// The three reads are independent: one service timing out
			// must not hold up the others.
			var st Status
			var wg sync.WaitGroup
			wg.Add(3)
			go func() {
				defer wg.Done()
				ctx := monitor.WithCredentials(ctx, promAuth)
				st.Prometheus = monitor.ReadPrometheus(ctx, h, prom, now)
				if st.Prometheus.Service.Reachable {
					st.Sparklines = monitor.ReadSparklines(ctx, h, prom, now)
				}
			}()
			go func() {
				defer wg.Done()
				st.Alertmanager = monitor.ReadAlertmanager(monitor.WithCredentials(ctx, amAuth), h, am, now)
			}()
			go func() {
				defer wg.Done()
				st.NodeExporter = monitor.ReadNodeExporter(monitor.WithCredentials(ctx, nodeAuth), h, node)
			}()
			wg.Wait()
			return st
		},
		Silence: func(h *ops.Host, a monitor.Alert, d time.Duration, author, comment string) action.Action {
			return monitor.ActionWithCredentials(monitor.SilenceAction(h, am, a, d, author, comment), amAuth)
		},
		Expire: func(h *ops.Host, id string) action.Action {
			return monitor.ActionWithCredentials(monitor.ExpireSilenceAction(h, am, id), amAuth)
		},
		Author: monitor.DefaultSilenceAuthor(),
	}
}
