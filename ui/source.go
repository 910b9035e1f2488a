package ui

import (
	"context"
	"time"

	"github.com/opsdeck/opsdeck/ops"
)

// HostSource is the Source of a real host: every read is one ops.Collect.
type HostSource struct {
	host  *ops.Host
	clock func() time.Time
}

// NewHostSource reads h, stamping results with clock (nil: time.Now).
func NewHostSource(h *ops.Host, clock func() time.Time) *HostSource {
	if clock == nil {
		clock = time.Now
	}
	return &HostSource{host: h, clock: clock}
}

// Collect implements Source.
func (s *HostSource) Collect(ctx context.Context) ops.HostStatus {
	return ops.Collect(ctx, s.host, s.clock())
}

// Host implements Source.
func (s *HostSource) Host() *ops.Host { return s.host }
