// Package ui is the console's terminal interface: a root model that lays
// out the header, the pane tabs, the focused pane, the task line and the
// footer, and routes messages between them. Everything it draws comes
// from the ops data model through a Source; it parses nothing itself.
package ui

import (
	"context"
	"time"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ops/action"
	"github.com/opsdeck/opsdeck/themes"
	"github.com/opsdeck/opsdeck/ui/panes/backup"
	"github.com/opsdeck/opsdeck/ui/panes/monitor"
	"github.com/opsdeck/opsdeck/ui/panes/network"
)

// Source is where the console's data comes from: the real host through
// ops.Collect, or fixtures in tests.
type Source interface {
	// Collect reads everything the panes show. Sections that failed carry
	// their error in HostStatus.Errors; Collect itself never fails.
	Collect(ctx context.Context) ops.HostStatus
	// Host is the host actions run on (nil: actions unavailable).
	Host() *ops.Host
}

// ConnStatus is the state of the connection to the host.
type ConnStatus int

// Connection states.
const (
	ConnConnected ConnStatus = iota
	ConnConnecting
	ConnReconnecting
	ConnDisconnected
)

// ConnState is one change of the connection's state, sent by the SSH
// layer's owner on Options.Conn.
type ConnState struct {
	Status ConnStatus
	// Attempt counts reconnect attempts (ConnReconnecting).
	Attempt int
	// Err is why the connection is down.
	Err string
	// Since is when this state began.
	Since time.Time
}

// Defaults for Options.
const (
	DefaultRefresh      = 5 * time.Second
	DefaultReadTimeout  = 30 * time.Second
	DefaultScrubWarnAge = 35 * 24 * time.Hour
	// DefaultCapacityWarn and DefaultCapacityCrit are the pool capacity
	// percentages from which the Pool pane warns and alarms.
	DefaultCapacityWarn = 80
	DefaultCapacityCrit = 90
)

// Options configure the console.
type Options struct {
	// Host is the name shown in the header (the alias typed).
	Host string
	// Source provides the data.
	Source Source
	// Clock is the time (nil: time.Now); tests freeze it.
	Clock func() time.Time
	// Styles are the theme's styles, built once (themes.New).
	Styles themes.Styles
	// Refresh is the read interval (0: DefaultRefresh).
	Refresh time.Duration
	// ReadTimeout bounds one Collect (0: DefaultReadTimeout).
	ReadTimeout time.Duration
	// ReadOnly shows actions and their commands but never runs them.
	ReadOnly bool
	// Executor runs actions (nil: actions are refused).
	Executor *action.Executor
	// Demo marks the simulated server; the header says DEMO.
	Demo bool
	// Conn delivers connection state changes (nil: always connected).
	Conn <-chan ConnState
	// Prompter, when set, lets the SSH layer ask the operator questions
	// through this UI (host keys, passphrases, passwords).
	Prompter *Prompter
	// ScrubWarnAge is how old the last scrub may be before the Scrub pane
	// warns (0: DefaultScrubWarnAge).
	ScrubWarnAge time.Duration
	// CapacityWarn and CapacityCrit are the pool capacity percentages from
	// which the Pool pane colours it as a warning and as critical (0:
	// DefaultCapacityWarn, DefaultCapacityCrit).
	CapacityWarn, CapacityCrit int
	// Network is what the Network pane reads and tests with: the
	// network read, the iperf3 tester and the host's test peers.
	Network network.Deps
	// Backup is what the Backup pane reads and acts with: the snapshot
	// listing, the restic reads and the backup actions.
	Backup backup.Deps
	// Monitor is what the Monitoring pane reads and acts with.
	Monitor monitor.Deps
}

func (o *Options) defaults() {
	if o.Clock == nil {
		o.Clock = time.Now
	}
	if o.Refresh <= 0 {
		o.Refresh = DefaultRefresh
	}
	if o.ReadTimeout <= 0 {
		o.ReadTimeout = DefaultReadTimeout
	}
	if o.ScrubWarnAge <= 0 {
		o.ScrubWarnAge = DefaultScrubWarnAge
	}
	if o.CapacityWarn <= 0 {
		o.CapacityWarn = DefaultCapacityWarn
	}
	if o.CapacityCrit <= 0 {
		o.CapacityCrit = DefaultCapacityCrit
	}
}
