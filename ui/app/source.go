package app

import (
	"context"
	"time"

	"github.com/opsdeck/opsdeck/ops"
)

// hostSource feeds the console from a connected host.
type hostSource struct{ h *ops.Host }

// Collect reads everything the panes show, all reads at once on the one
// connection.
func (s hostSource) Collect(ctx context.Context) ops.HostStatus {
	return ops.Collect(ctx, s.h, time.Now())
}

// Host is where actions run.
func (s hostSource) Host() *ops.Host { return s.h }

// collect is one bounded full read, for the non-interactive commands.
func collect(ctx context.Context, h *ops.Host) ops.HostStatus {
	ctx, cancel := context.WithTimeout(ctx, readTimeout)
	defer cancel()
	return hostSource{h}.Collect(ctx)
}
