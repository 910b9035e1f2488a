package ops

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
)

// Probe finds what the host is: kernel (uname -sr), distribution
// (/etc/os-release), OpenZFS userland version, which tools exist and the
// UTC offset (date +%z), all issued concurrently. Only a missing ZFS version is an
// error (the console cannot choose JSON or text without it, and a host
// without ZFS is not one it can manage); its message also names the
// other failures. Otherwise the OS, kernel or tools a host would not
// reveal are left empty rather than failing the connection.
func Probe(ctx context.Context, h *Host) (Platform, error) {
	type result struct {
		out []byte
		err error
	}
	argvs := [][]string{ArgvUname(), ArgvOSRelease(), ArgvZFSVersion(), ArgvTools(), ArgvUTCOffset()}
	res := make([]result, len(argvs))
	var wg sync.WaitGroup
	for i, argv := range argvs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res[i].out, res[i].err = output(ctx, h.Runner, argv)
		}()
	}
	wg.Wait()

	var p Platform
	var errs []error
	if err := res[0].err; err != nil {
		errs = append(errs, fmt.Errorf("uname: %w", err))
	} else {
		p.Kernel = strings.TrimSpace(firstLine(res[0].out))
	}
	if err := res[1].err; err != nil {
		errs = append(errs, fmt.Errorf("os-release: %w", err))
	} else if p.OS, err = ParseOSRelease(res[1].out); err != nil {
		errs = append(errs, err)
	}
	if err := res[2].err; err != nil {
		errs = append(errs, fmt.Errorf("zfs version: %w", err))
	} else if p.ZFSVersion, err = ParseZFSVersion(res[2].out); err != nil {
		errs = append(errs, err)
	}
	if err := res[3].err; err != nil {
		errs = append(errs, fmt.Errorf("tools: %w", err))
	} else {
		p.Tools = ParseTools(res[3].out)
	}
	if err := res[4].err; err == nil {
		// Optional: without it text dates are read in the local zone.
		p.UTCOffset = strings.TrimSpace(string(res[4].out))
	}
	if p.ZFSVersion.Major == 0 {
		return p, errors.Join(errs...)
	}
	return p, nil
}
