package monitortest

import (
	"os"
	"path/filepath"
	"testing"
)

// AlertmanagerBin is what `apt-get install prometheus-alertmanager`
// installs.
const AlertmanagerBin = "/usr/bin/prometheus-alertmanager"

// alertmanagerConfig routes every alert to a receiver with no
// integration, so nothing is ever sent anywhere.
const alertmanagerConfig = `route:
  receiver: blackhole
  group_by: [alertname]
  group_wait: 1s
receivers:
- name: blackhole
`

// StartAlertmanager starts Alertmanager on a free loopback port with a
// temp config and storage dir, and returns once /-/ready answers.
// Clustering is disabled: left on, it would listen on 0.0.0.0:9094.
func StartAlertmanager(t testing.TB) *Service {
	t.Helper()
	dir := t.TempDir()
	conf := filepath.Join(dir, "alertmanager.yml")
	if err := os.WriteFile(conf, []byte(alertmanagerConfig), 0o644); err != nil {
		t.Fatal(err)
	}
	addr := FreeAddr(t)
	return start(t, AlertmanagerBin, "prometheus-alertmanager", addr, dir, "/-/ready",
		"--config.file="+conf,
		"--storage.path="+filepath.Join(dir, "data"),
		"--cluster.listen-address=",
		"--web.listen-address="+addr,
	)
}
