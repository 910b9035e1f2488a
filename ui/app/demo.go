package app

import (
	"context"
	"fmt"
	"os"

	"github.com/opsdeck/opsdeck/remote/demo"
)

// Demo runs the console against the built-in simulated server: a real
// SSH server in this process on 127.0.0.1, with a fresh host key pinned in
// a throwaway known_hosts, reached through the same SSH client code as any
// other host. Nothing it writes outlives the run.
func Demo(ctx context.Context, o Options) error {
	dir, err := os.MkdirTemp("", "opsdeck-demo-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	srv, err := demo.Start(ctx, dir, demo.SystemClock{})
	if err != nil {
		return fmt.Errorf("starting the demo server: %w", err)
	}
	defer srv.Close()
	o.Alias = srv.Alias()
	o.SSHConfig = srv.ConfigFile()
	o.Local = false
	o.demo = true
	return Console(ctx, o)
}
