package app

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ops/config"
	"github.com/opsdeck/opsdeck/remote"
)

// connectTimeout bounds connecting and the first probe when ssh_config
// sets no ConnectTimeout of its own; a dead host must not hang the CLI.
const connectTimeout = 60 * time.Second

// connect reaches the host (SSH, or this machine with --local) and probes
// it once. The prompter answers host-key and password questions; onState
// (may be nil) hears about reconnects.
func connect(ctx context.Context, o Options, hc config.HostConfig, p remote.Prompter, onState func(remote.ConnState)) (*ops.Host, error) {
	h := &ops.Host{Name: o.Alias, Output: ops.OutputMode(hc.Output)}
	if o.Local {
		h.Local = true
		h.Runner = remote.NewLocal()
		if h.Name == "" {
			name, err := os.Hostname()
			if err != nil {
				name = "localhost"
			}
			h.Name = name
		}
		ops.InitLocalZFS(connectTimeout)
	} else {
		r, err := remote.DialSSH(ctx, remote.SSHOptions{
			Alias:      o.Alias,
			ConfigFile: o.SSHConfig,
			Prompter:   p,
			OnState:    onState,
		})
		if err != nil {
			return nil, err
		}
		h.Runner = r
	}
	h.Privileged = h.Runner
	if hc.Sudo {
		h.Privileged = remote.WithSudo(h.Runner)
	}
	pctx, cancel := context.WithTimeout(ctx, connectTimeout)
	defer cancel()
	plat, err := ops.Probe(pctx, h)
	if err != nil {
		h.Runner.Close()
		return nil, fmt.Errorf("probing %s: %w", h.Name, err)
	}
	h.Platform = plat
	return h, nil
}
