package app

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/remote/sshtest"
)

// TestStatusOverSSH runs `status --json` end to end against a real sshd,
// both parse paths, and checks the document against what the captures
// say: the lab pool tank, healthy, a raidz2 of six disks and a special
// mirror, its datasets and the ARC.
func TestStatusOverSSH(t *testing.T) {
	srv := sshtest.Start(t)
	srv.InstallZFSReplay(t, "../../testdata/zfs/2.3")
	for _, mode := range []ops.OutputMode{ops.OutputJSON, ops.OutputText} {
		t.Run(string(mode), func(t *testing.T) {
			t.Setenv("XDG_STATE_HOME", t.TempDir())
			o := Options{Alias: srv.Alias, SSHConfig: srv.ConfigFile, Output: mode,
				ConfigPath: filepath.Join(t.TempDir(), "none.toml")}
			ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
			defer cancel()
			var out bytes.Buffer
			if err := Status(ctx, o, &out); err != nil {
				t.Fatalf("status: %v\n%s", err, srv.Logs())
			}
			var st ops.HostStatus
			if err := json.Unmarshal(out.Bytes(), &st); err != nil {
				t.Fatalf("output is not JSON: %v\n%s", err, out.String())
			}
			if st.Platform.ZFSVersion.Major != 2 || st.Platform.ZFSVersion.Minor != 3 {
				t.Errorf("zfs version %+v, want 2.3", st.Platform.ZFSVersion)
			}
			if len(st.Pools) != 1 || st.Pools[0].Name != "tank" || st.Pools[0].State != "ONLINE" {
				t.Fatalf("pools = %+v", st.Pools)
			}
			p := st.Pools[0]
			if p.Size != 6408896512 {
				t.Errorf("pool size %d, want 6408896512 (from zpool list)", p.Size)
			}
			if n := len(p.Root.Children); n != 2 {
				t.Fatalf("top-level vdevs %d, want raidz2 + special mirror", n)
			}
			if rz := p.Root.Children[0]; len(rz.Children) != 6 || rz.Class != ops.ClassNormal {
				t.Errorf("raidz2: %d disks, class %q", len(rz.Children), rz.Class)
			}
			if sp := p.Root.Children[1]; sp.Class != ops.ClassSpecial || len(sp.Children) != 2 {
				t.Errorf("special mirror: class %q, %d disks", sp.Class, len(sp.Children))
			}
			if len(st.Datasets) < 5 || st.Datasets[0].Name != "tank" {
				t.Errorf("datasets: %d, first %+v", len(st.Datasets), st.Datasets)
			}
			if st.ARC == nil || st.ARC.Max == 0 {
				t.Errorf("ARC missing: %+v (errors %v)", st.ARC, st.Errors)
			}
			for section, msg := range st.Errors {
				t.Errorf("section %s failed: %s", section, msg)
			}
		})
	}
}
