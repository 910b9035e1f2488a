package app

import (
	"time"

	"github.com/opsdeck/opsdeck/remote"
	"github.com/opsdeck/opsdeck/ui"
)

// uiConnState translates the SSH layer's state for the console header.
func uiConnState(s remote.ConnState) ui.ConnState {
	out := ui.ConnState{Attempt: s.Attempt, Since: s.Since}
	switch s.Phase {
	case remote.Connected:
		out.Status = ui.ConnConnected
	case remote.Connecting:
		out.Status = ui.ConnConnecting
	case remote.Reconnecting:
		out.Status = ui.ConnReconnecting
	default:
		out.Status = ui.ConnDisconnected
	}
	if s.LastErr != nil {
		out.Err = s.LastErr.Error()
	}
	return out
}

func daysToDuration(days int) time.Duration { return time.Duration(days) * 24 * time.Hour }
