package ops

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	zfs "github.com/mistifyio/go-zfs/v3"
)

// localZFSOnce makes InitLocalZFS set go-zfs's package-level runner once.
var localZFSOnce sync.Once

// InitLocalZFS configures go-zfs for `opsdeck --local`: every zfs command
// it runs is killed (SIGTERM, then SIGKILL after a grace period) after
// timeout. main calls it once at start-up; go-zfs keeps this in a package
// global, so nothing else may touch it and later calls do nothing.
func InitLocalZFS(timeout time.Duration) {
	localZFSOnce.Do(func() {
		zfs.SetRunner(&zfs.Runner{Timeout: timeout, Grace: 2 * time.Second})
	})
}

// localPropsArgv reads, in one call, the dataset properties go-zfs's
// fixed column set lacks.
func localPropsArgv() []string {
	return []string{"zfs", "get", "-Hp", "-t", "filesystem,volume", "-o", "name,property,value",
		"compressratio,recordsize,atime,xattr,special_small_blocks"}
}

// readDatasetsLocal lists datasets through go-zfs (filesystems and
// volumes, two zfs calls) plus one `zfs get` for the missing properties,
// all concurrently, and maps them into the same []Dataset the SSH path
// gives, sorted by name as `zfs list` sorts them.
func readDatasetsLocal(ctx context.Context, h *Host) ([]Dataset, error) {
	var (
		wg            sync.WaitGroup
		fs, vols      []*zfs.Dataset
		fsErr, volErr error
	)
	wg.Add(2)
	go func() { defer wg.Done(); fs, fsErr = zfs.Filesystems("") }()
	go func() { defer wg.Done(); vols, volErr = zfs.Volumes("") }()
	propsOut, propsErr := output(ctx, h.Runner, localPropsArgv())
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-ctx.Done():
		// go-zfs takes no context; its own timeout (InitLocalZFS) ends
		// the commands, this only stops waiting for them.
		return nil, ctx.Err()
	}
	for _, err := range []error{fsErr, volErr, propsErr} {
		if err != nil {
			return nil, err
		}
	}
	props, err := parseZFSGet(propsOut)
	if err != nil {
		return nil, err
	}
	out := make([]Dataset, 0, len(fs)+len(vols))
	for _, d := range append(fs, vols...) {
		p := props[d.Name]
		if p == nil {
			p = map[string]string{}
		}
		p["name"], p["type"], p["compression"], p["mountpoint"] = d.Name, d.Type, d.Compression, d.Mountpoint
		p["used"], p["avail"], p["refer"] = u64(d.Used), u64(d.Avail), u64(d.Referenced)
		ds, err := datasetFromProps(p)
		if err != nil {
			return nil, err
		}
		out = append(out, ds)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

func u64(v uint64) string { return fmt.Sprint(v) }

// parseZFSGet reads `zfs get -Hp -o name,property,value` into
// name → property → value. Names may contain spaces, never tabs.
func parseZFSGet(b []byte) (map[string]map[string]string, error) {
	out := map[string]map[string]string{}
	for i, line := range strings.Split(string(b), "\n") {
		if line == "" {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("zfs get line %d: %d fields, want 3: %q", i+1, len(f), line)
		}
		if out[f[0]] == nil {
			out[f[0]] = map[string]string{}
		}
		out[f[0]][f[1]] = f[2]
	}
	return out, nil
}
