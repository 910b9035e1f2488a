package app

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ops/action"
)

// Scrub runs one scrub action without the console, through the same
// action model: the confirmation its danger level asks for must be given
// on the command line (--yes for a change, --confirm POOL for a
// destructive one), --read-only prints the command instead, and the run
// is audited and verified like one from the console.
func Scrub(ctx context.Context, o Options, verb, pool string, w io.Writer) error {
	build, ok := scrubVerbs[verb]
	if !ok {
		return fmt.Errorf("unknown scrub action %q: use start, pause, resume or cancel", verb)
	}
	cfg, err := loadConfig(o)
	if err != nil {
		return err
	}
	hc := hostConfig(cfg, o)
	h, err := connect(ctx, o, hc, NewTTYPrompter(), nil)
	if err != nil {
		return err
	}
	defer h.Runner.Close()
	pools, err := ops.ReadPools(ctx, h)
	if err != nil {
		return fmt.Errorf("reading pools on %s: %w", h.Name, err)
	}
	var target *ops.Pool
	for i := range pools {
		if pools[i].Name == pool {
			target = &pools[i]
		}
	}
	if target == nil {
		return fmt.Errorf("no pool %q on %s", pool, h.Name)
	}
	a := build(h, *target)
	for _, c := range a.Commands() {
		fmt.Fprintf(w, "%s$ %s%s\n", h.Name, c.Line, privilegeNote(c, hc.Sudo))
	}
	audit, err := openAudit()
	if err != nil {
		return err
	}
	ex := &action.Executor{ReadOnly: hc.ReadOnly, Audit: audit, User: action.LocalUser(), Host: h.Name}
	if !hc.ReadOnly {
		if err := confirmedOnCommandLine(a.Confirmation(), o); err != nil {
			return err
		}
	}
	res := ex.Run(ctx, a, func(line string) { fmt.Fprintln(w, line) })
	if res.Err != nil {
		if errors.Is(res.Err, action.ErrReadOnly) {
			return fmt.Errorf("%s: not run: %w", a.Title, res.Err)
		}
		return fmt.Errorf("%s on %s failed: %w", a.Title, a.Target, res.Err)
	}
	if res.VerifyText != "" {
		fmt.Fprintln(w, res.VerifyText)
	}
	if res.VerifyErr != nil {
		fmt.Fprintf(w, "could not verify: %v\n", res.VerifyErr)
	}
	return nil
}

var scrubVerbs = map[string]func(*ops.Host, ops.Pool) action.Action{
	"start":  ops.ScrubStartAction,
	"pause":  ops.ScrubPauseAction,
	"resume": ops.ScrubResumeAction,
	"cancel": ops.ScrubCancelAction,
}

// confirmedOnCommandLine maps the dialog the console would show onto
// flags: nothing for safe, --yes for a change, --confirm with the exact
// name (or count) for destructive and bulk actions.
func confirmedOnCommandLine(c action.Confirmation, o Options) error {
	switch {
	case !c.Required:
		return nil
	case c.Danger == action.Change:
		if o.Yes || c.Accepts(o.Confirm) {
			return nil
		}
		return fmt.Errorf("%s — not confirmed: add --yes", c.Prompt)
	default:
		if c.Accepts(o.Confirm) {
			return nil
		}
		return fmt.Errorf("%s — not confirmed: add --confirm %s", c.Prompt, c.Expect)
	}
}

// privilegeNote says how a privileged step gets its rights, so the
// preview shows what really runs.
func privilegeNote(c action.Command, sudo bool) string {
	switch {
	case !c.Privileged, sudo: // with sudo the line itself shows it
		return ""
	default:
		return "   (needs root or zfs allow)"
	}
}
