package app

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"time"
)

// Status prints what the panes show as one JSON document (ops.HostStatus)
// and fails only when the host cannot be reached at all; sections that
// could not be read carry their error inside the document.
func Status(ctx context.Context, o Options, w io.Writer) error {
	cfg, err := loadConfig(o)
	if err != nil {
		return err
	}
	h, err := connect(ctx, o, hostConfig(cfg, o), NewTTYPrompter(), nil)
	if err != nil {
		return err
	}
	defer h.Runner.Close()
	st := collect(ctx, h)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(st); err != nil {
		return fmt.Errorf("writing status: %w", err)
	}
	return nil
}

// readTimeout bounds one full read of the host.
const readTimeout = 60 * time.Second
