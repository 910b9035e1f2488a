package monitor

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readFixture returns a testdata file; the first line of each names the
// command it was captured with.
func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("# $ ")) {
		t.Fatalf("%s: first line does not name its command", name)
	}
	return b
}

// TestParseZFSMetricsCaptures reads node_exporter 1.5 pages captured on an
// OpenZFS 2.3 host, healthy and with a disk offlined.
func TestParseZFSMetricsCaptures(t *testing.T) {
	cases := []struct {
		file    string
		pools   map[string]string
		arc     bool
		arcSize float64
		hits    float64
		ratioOK bool
		summary string
	}{
		{file: "node_exporter_zfs_all.txt", pools: map[string]string{"tank": "online"}, arc: true, arcSize: 9.9254568e+07, hits: 44340, ratioOK: true, summary: "tank online"},
		{file: "node_exporter_degraded.txt", pools: map[string]string{"tank": "degraded"}, summary: "tank degraded"},
		{file: "node_exporter_zfs_head.txt", pools: map[string]string{}, summary: "zfs collector running, no pools"},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			z, err := ParseZFSMetrics(bytes.NewReader(readFixture(t, c.file)))
			if err != nil {
				t.Fatal(err)
			}
			if !z.CollectorRunning {
				t.Error("zfs series present but collector not seen running")
			}
			if len(z.Pools) != len(c.pools) {
				t.Errorf("pools %v, want %v", z.Pools, c.pools)
			}
			for p, s := range c.pools {
				if z.Pools[p] != s {
					t.Errorf("pool %s state %q, want %q", p, z.Pools[p], s)
				}
			}
			if z.HasARC != c.arc || z.ARCSize != c.arcSize || z.ARCHits != c.hits {
				t.Errorf("arc %v size %v hits %v", z.HasARC, z.ARCSize, z.ARCHits)
			}
			ratio, ok := z.ARCHitRatio()
			if ok != c.ratioOK || (ok && ratio != 1) {
				t.Errorf("hit ratio %v %v (capture has 0 misses)", ratio, ok)
			}
			if got := z.Summary(); got != c.summary {
				t.Errorf("summary %q, want %q", got, c.summary)
			}
		})
	}
}

// TestParseZFSMetricsNoZFS: a host whose zfs collector fails (no ZFS module)
// says so rather than showing an empty pool list.
func TestParseZFSMetricsNoZFS(t *testing.T) {
	page := `# HELP node_scrape_collector_success node_exporter: Whether a collector succeeded.
# TYPE node_scrape_collector_success gauge
node_scrape_collector_success{collector="cpu"} 1
node_scrape_collector_success{collector="zfs"} 0
`
	z, err := ParseZFSMetrics(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	if !z.CollectorKnown || z.CollectorRunning {
		t.Fatalf("known %v running %v", z.CollectorKnown, z.CollectorRunning)
	}
	if z.Summary() != "zfs collector not running/no ZFS" {
		t.Fatalf("summary %q", z.Summary())
	}
	if _, ok := z.ARCHitRatio(); ok {
		t.Fatal("hit ratio without ARC metrics")
	}
}

// TestParseMetricsRejectsGarbage: a page that is not text format is an
// error, not an empty result.
func TestParseMetricsRejectsGarbage(t *testing.T) {
	for _, page := range []string{"<html>nope</html>\n", "metric{a=\"b\" 1\n", "x 1\nx 2 3 4\n"} {
		if _, err := ParseZFSMetrics(strings.NewReader(page)); err == nil {
			t.Errorf("%q: no error", page)
		}
	}
}

// FuzzParseZFSMetrics: no input makes the parser wrapper panic.
func FuzzParseZFSMetrics(f *testing.F) {
	for _, name := range []string{"node_exporter_degraded.txt", "node_exporter_zfs_head.txt"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("node_zfs_zpool_state{state=\"online\"} 1\nnode_scrape_collector_success{collector=\"zfs\"} NaN\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		z, err := ParseZFSMetrics(bytes.NewReader(b))
		if err == nil {
			_ = z.Summary()
			_, _ = z.ARCHitRatio()
		}
	})
}
