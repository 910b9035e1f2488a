package ui

import (
	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ui/panes"
	"github.com/opsdeck/opsdeck/ui/panes/backup"
	"github.com/opsdeck/opsdeck/ui/panes/monitor"
	"github.com/opsdeck/opsdeck/ui/panes/network"
	"github.com/opsdeck/opsdeck/ui/panes/pool"
	"github.com/opsdeck/opsdeck/ui/panes/scrub"
)

// registry lists the panes in tab order. Adding a pane is a new package
// under ui/panes and one line here.
func registry(env panes.Env, net network.Deps, bk backup.Deps, mon monitor.Deps) []panes.Pane {
	return []panes.Pane{
		pool.New(env),
		scrub.New(env, scrub.Actions{
			Start: ops.ScrubStartAction, Pause: ops.ScrubPauseAction,
			Resume: ops.ScrubResumeAction, Cancel: ops.ScrubCancelAction,
		}),
		network.New(env, net),
		backup.New(env, bk),
		monitor.New(env, mon),
	}
}
