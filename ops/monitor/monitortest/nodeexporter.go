package monitortest

import "testing"

// StartNodeExporter starts node_exporter on a free loopback port with its
// default collectors (zfs included: it reports failure on a host without
// ZFS, which is what tests on this machine see), ready to be scraped.
func StartNodeExporter(t testing.TB) *Service {
	t.Helper()
	addr := FreeAddr(t)
	return start(t, NodeExporterBin, "prometheus-node-exporter", addr, t.TempDir(), "/metrics",
		"--web.listen-address="+addr)
}
