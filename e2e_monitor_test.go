//go:build e2e

package main

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ops/monitor"
)

// readNode reads the guest's node_exporter through h's SSH connection, with
// a deadline so that a stuck channel fails the poll instead of the suite.
func readNode(h *ops.Host) monitor.NodeExporterStatus {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	return monitor.ReadNodeExporter(ctx, h, monitor.DefaultNodeExporterURL)
}

// waitNodePoolState polls node_exporter until it reports the lab pool in
// state; node_exporter reads the pool's kstat on every scrape.
func waitNodePoolState(t *testing.T, h *ops.Host, state string) {
	t.Helper()
	waitFor(t, "node_exporter reporting "+labPool+" "+state, 2*time.Minute, func() (bool, string) {
		ne := readNode(h)
		if !ne.Service.Reachable || ne.Error != "" {
			return false, fmt.Sprintf("node_exporter: %+v", ne)
		}
		got := ne.ZFS.Pools[labPool]
		return got == state, fmt.Sprintf("%s is %q (pools %v)", labPool, got, ne.ZFS.Pools)
	})
}

// TestE2EMonitorStack: the guest's node_exporter, Prometheus and
// Alertmanager are read through the SSH connection, as the Monitoring pane
// reads them, and report what the guest really runs.
func TestE2EMonitorStack(t *testing.T) {
	h := labHost(t)
	ne := readNode(h)
	if !ne.Service.Reachable {
		t.Fatalf("node_exporter not reachable: %+v", ne.Service)
	}
	if ne.Error != "" {
		t.Fatalf("node_exporter metrics page: %s", ne.Error)
	}
	z := ne.ZFS
	if !z.CollectorKnown || !z.CollectorRunning {
		t.Errorf("zfs collector known=%v running=%v; the guest has real ZFS", z.CollectorKnown, z.CollectorRunning)
	}
	if z.Pools[labPool] != "online" {
		t.Errorf("node_zfs_zpool_state for %s is %q (pools %v); want online", labPool, z.Pools[labPool], z.Pools)
	}
	if !z.HasARC || z.ARCSize <= 0 {
		t.Errorf("ARC: present=%v size=%v; want a positive size", z.HasARC, z.ARCSize)
	}

	readProm := func() monitor.PrometheusStatus {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		return monitor.ReadPrometheus(ctx, h, monitor.DefaultPrometheusURL, time.Now())
	}
	ps := readProm()
	if !ps.Service.Reachable {
		t.Fatalf("Prometheus not reachable: %+v", ps.Service)
	}
	if ps.Version == "" {
		t.Errorf("Prometheus without a version (errors %v)", ps.Errors)
	}
	if len(ps.Targets) == 0 {
		t.Errorf("Prometheus has no active targets (errors %v)", ps.Errors)
	}
	// Whatever the guest's config scrapes, a node_exporter target (port
	// 9100) must come up: it is the same service read above.
	scrapesNode := false
	for _, tg := range ps.Targets {
		scrapesNode = scrapesNode || strings.Contains(tg.ScrapeURL, ":9100/")
	}
	if scrapesNode {
		waitFor(t, "Prometheus' node_exporter target up", 3*time.Minute, func() (bool, string) {
			ps := readProm()
			for _, tg := range ps.Targets {
				if strings.Contains(tg.ScrapeURL, ":9100/") && tg.Health != "up" {
					return false, fmt.Sprintf("%s %s: %s", tg.ScrapeURL, tg.Health, tg.LastError)
				}
			}
			return true, ""
		})
	} else {
		t.Logf("Prometheus does not scrape node_exporter; targets: %+v", ps.Targets)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	am := monitor.ReadAlertmanager(ctx, h, monitor.DefaultAlertmanagerURL, time.Now())
	if !am.Service.Reachable {
		t.Fatalf("Alertmanager not reachable: %+v", am.Service)
	}
	if am.Version == "" {
		t.Errorf("Alertmanager without a version: %+v", am.AlertmanagerInfo)
	}
}

// TestE2EMonitorDegraded: a data disk taken offline turns node_exporter's
// pool state to degraded, on the wire and in the console's Monitoring
// pane, and back to online when the disk returns.
func TestE2EMonitorDegraded(t *testing.T) {
	const disk = "virtio-zdata3"
	h := labHost(t)
	waitNodePoolState(t, h, "online")
	t.Cleanup(func() {
		guestAs(t, labAlias, "zpool online tank "+disk+"; zpool wait -t resilver tank")
		waitFor(t, "tank ONLINE after cleanup", 2*time.Minute, func() (bool, string) {
			r := guestAs(t, labAlias, "zpool list -H -o health tank")
			return strings.TrimSpace(r.Stdout) == "ONLINE", r.Stdout + r.Stderr
		})
	})
	guest(t, "zpool offline tank "+disk)
	waitNodePoolState(t, h, "degraded")

	c := startConsole(t, labAlias)
	c.waitScreen("the console", 2*time.Minute, "Pool")
	c.keys("5")
	// The pane's node_exporter section words each pool as "pool NAME STATE".
	c.waitScreen("the Monitoring pane with the degraded pool", 2*time.Minute,
		"zfs collector: running", fmt.Sprintf("pool %-12s %s", labPool, "degraded"))

	guest(t, "zpool online tank "+disk+" && zpool wait -t resilver tank")
	waitNodePoolState(t, h, "online")
	c.waitScreen("the Monitoring pane with the pool online again", 2*time.Minute,
		fmt.Sprintf("pool %-12s %s", labPool, "online"))
}
