package ops

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/opsdeck/opsdeck/remote"
)

// ReadPools reads every pool's status and capacity — `zpool status` and
// `zpool list`, issued concurrently — as JSON when h.UseJSON() and as
// text otherwise, merged into one []Pool.
//
// --local reads pools this way too, not through go-zfs: go-zfs v3.1.0's
// GetZpool asks `zpool get -Hp`, whose dedupratio has no trailing "x",
// and strips the last character anyway (1.25 becomes 1.2), turns an
// unknown fragmentation ("-") into 0, and has no vdev tree at all.
func ReadPools(ctx context.Context, h *Host) ([]Pool, error) {
	return readPools(ctx, h, time.Now())
}

// readPools is ReadPools with the reading time for JSON rate/ETA.
func readPools(ctx context.Context, h *Host, now time.Time) ([]Pool, error) {
	useJSON := h.UseJSON()
	statusArgv, listArgv := ArgvPoolStatusText(), ArgvPoolListText()
	if useJSON {
		statusArgv, listArgv = ArgvPoolStatusJSON(), ArgvPoolListJSON()
	}
	var wg sync.WaitGroup
	var listOut []byte
	var listErr error
	wg.Add(1)
	go func() {
		defer wg.Done()
		listOut, listErr = output(ctx, h.Runner, listArgv)
	}()
	statusOut, statusErr := readStatus(ctx, h, statusArgv)
	wg.Wait()
	if statusErr != nil {
		return nil, statusErr
	}
	var pools []Pool
	var err error
	if useJSON {
		pools, err = ParsePoolStatusJSONAt(statusOut, now)
	} else {
		pools, err = ParsePoolStatusText(statusOut, hostLocation(h))
	}
	if err != nil {
		return nil, err
	}
	// The tree and health matter more than capacity figures: a failed
	// list leaves them at zero/-1 and says why.
	if listErr != nil {
		return pools, fmt.Errorf("zpool list: %w", listErr)
	}
	var list []Pool
	if useJSON {
		list, err = ParsePoolListJSON(listOut)
	} else {
		list, err = ParsePoolListText(listOut)
	}
	if err != nil {
		return pools, err
	}
	return MergePoolList(pools, list), nil
}

// poolNames lists the pools' names, in order.
func poolNames(pools []Pool) []string {
	names := make([]string, len(pools))
	for i, p := range pools {
		names[i] = p.Name
	}
	return names
}

// readStatus runs zpool status as root when it can, for the list of
// damaged files. A sudoers line that allows only some commands (say
// `zpool scrub *`) makes `sudo -n zpool status` fail; the same read
// without sudo still shows everything but that list, so it falls back.
func readStatus(ctx context.Context, h *Host, argv []string) ([]byte, error) {
	priv := privileged(h)
	out, err := output(ctx, priv, argv)
	if err != nil && h.Runner != nil && errors.Is(err, remote.ErrSudoPassword) {
		return output(ctx, h.Runner, argv)
	}
	return out, err
}
