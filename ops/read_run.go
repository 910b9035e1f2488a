package ops

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/opsdeck/opsdeck/remote"
)

// errNoRunner is returned when a Host has no transport yet.
var errNoRunner = errors.New("no runner: the host is not connected")

// output runs argv on r and returns its standard output.
func output(ctx context.Context, r remote.Runner, argv []string) ([]byte, error) {
	if r == nil {
		return nil, errNoRunner
	}
	res, err := r.Run(ctx, argv)
	if err != nil {
		return res.Stdout, err
	}
	return res.Stdout, nil
}

// privileged is the runner for reads that show more to root: `zpool
// status -v` lists damaged files only when the caller may read the error
// log (ZFS_IOC_ERROR_LOG needs the inject privilege); as a plain user the
// same command still succeeds, without the list.
func privileged(h *Host) remote.Runner {
	if h.Privileged != nil {
		return h.Privileged
	}
	return h.Runner
}

// hostLocation is the zone scan dates in text output are printed in.
// ctime() uses the host's TZ, which nothing in the text says; the local
// zone is right for --local and for hosts in the operator's zone (JSON
// output carries epoch seconds and needs no zone).
func hostLocation(*Host) *time.Location { return time.Local }

// describe turns a read error into the message HostStatus.Errors shows:
// the remote package's hint when it has one (sudoers line, zfs allow,
// not installed, connection down), then the evidence.
func describe(err error) string {
	if err == nil {
		return ""
	}
	if hint := remote.Hint(err); hint != "" {
		return fmt.Sprintf("%s (%v)", hint, err)
	}
	return err.Error()
}
