package app

import (
	"context"
	"time"

	"github.com/opsdeck/opsdeck/ops"
)

// collect is one bounded full read, for the non-interactive commands.
func collect(ctx context.Context, h *ops.Host) ops.HostStatus {
	ctx, cancel := context.WithTimeout(ctx, readTimeout)
	defer cancel()
	return ops.Collect(ctx, h, time.Now())
}
