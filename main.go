// Command opsdeck is a terminal operations console for ZFS storage
// servers reached over SSH. main parses flags and hands over to ui/app;
// user-facing errors are printed plainly and set the exit status.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/remote"
	"github.com/opsdeck/opsdeck/ui/app"
)

const usage = `opsdeck — a terminal console for ZFS storage servers over SSH

Usage:
  opsdeck [flags] [HOST]               open the console on HOST (an ssh_config alias);
                                       without HOST, pick one from ~/.ssh/config
  opsdeck demo [flags]                 the console on the built-in simulated server
  opsdeck status [flags] HOST --json   print what the panes show, as JSON
  opsdeck scrub start|pause|resume|cancel POOL HOST [--yes | --confirm POOL]
                                       run a scrub action without the console

Flags:
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run is main without the process: it returns the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	cmd := ""
	if len(args) > 0 {
		switch args[0] {
		case "demo", "status", "scrub":
			cmd, args = args[0], args[1:]
		}
	}
	fs := flag.NewFlagSet("opsdeck", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o app.Options
	var output string
	fs.StringVar(&o.SSHConfig, "F", "", "ssh_config file (default ~/.ssh/config)")
	fs.StringVar(&o.ConfigPath, "config", "", "opsdeck config file (default $XDG_CONFIG_HOME/opsdeck/config.toml)")
	fs.BoolVar(&o.Local, "local", false, "run on this machine instead of over SSH")
	fs.BoolVar(&o.ReadOnly, "read-only", false, "show every action and its commands, but run none")
	fs.DurationVar(&o.Refresh, "refresh", 0, "refresh interval (default 5s, or the config's)")
	fs.StringVar(&o.Theme, "theme", "", "colour theme: dark, light or contrast (NO_COLOR turns colour off)")
	fs.StringVar(&output, "zfs-output", "", "force ZFS output parsing: auto, json or text")
	fs.BoolVar(&o.JSON, "json", false, "status: print JSON (the only format)")
	fs.BoolVar(&o.Yes, "yes", false, "scrub: confirm a change")
	fs.StringVar(&o.Confirm, "confirm", "", "scrub: the pool's name, to confirm a destructive action")
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	pos, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		return 2
	}
	if output != "" {
		o.Output = ops.OutputMode(output)
		switch o.Output {
		case ops.OutputAuto, ops.OutputJSON, ops.OutputText:
		default:
			fmt.Fprintf(stderr, "opsdeck: --zfs-output must be auto, json or text, not %q\n", output)
			return 2
		}
	}
	if o.Refresh < 0 || (o.Refresh > 0 && o.Refresh < 500*time.Millisecond) {
		fmt.Fprintln(stderr, "opsdeck: --refresh must be at least 500ms")
		return 2
	}

	switch cmd {
	case "demo":
		err = app.Demo(ctx, o)
	case "status":
		if len(pos) > 1 || (len(pos) == 0 && !o.Local) {
			fmt.Fprintln(stderr, "usage: opsdeck status HOST --json (or --local --json)")
			return 2
		}
		if len(pos) == 1 {
			o.Alias = pos[0]
		}
		err = app.Status(ctx, o, stdout)
	case "scrub":
		if len(pos) < 2 || len(pos) > 3 || (len(pos) == 2 && !o.Local) {
			fmt.Fprintln(stderr, "usage: opsdeck scrub start|pause|resume|cancel POOL HOST [--yes | --confirm POOL]")
			return 2
		}
		if len(pos) == 3 {
			o.Alias = pos[2]
		}
		err = app.Scrub(ctx, o, pos[0], pos[1], stdout)
	default:
		if len(pos) > 1 {
			fs.Usage()
			return 2
		}
		if len(pos) == 1 {
			o.Alias = pos[0]
		}
		err = app.Console(ctx, o)
	}
	if err != nil {
		fmt.Fprintf(stderr, "opsdeck: %v\n", err)
		// Known failures (permission denied, sudo, host keys) come with
		// the one line that says what to do about them.
		if hint := remote.Hint(err); hint != "" && !strings.Contains(err.Error(), hint) {
			fmt.Fprintf(stderr, "hint: %s\n", hint)
		}
		return 1
	}
	return 0
}

// parseInterspersed lets flags follow positional arguments
// (`opsdeck status nas1 --json`), which the flag package alone does not.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}
