package app

import (
	"context"
	"errors"
	"fmt"
	"os"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/opsdeck/opsdeck/ops/action"
	"github.com/opsdeck/opsdeck/ops/config"
	"github.com/opsdeck/opsdeck/ops/iperf"
	opsmonitor "github.com/opsdeck/opsdeck/ops/monitor"
	"github.com/opsdeck/opsdeck/ops/restic"
	"github.com/opsdeck/opsdeck/remote"
	"github.com/opsdeck/opsdeck/themes"
	"github.com/opsdeck/opsdeck/ui"
	"github.com/opsdeck/opsdeck/ui/panes/backup"
	"github.com/opsdeck/opsdeck/ui/panes/monitor"
	"github.com/opsdeck/opsdeck/ui/panes/network"
	"github.com/opsdeck/opsdeck/ui/picker"
)

// Console runs the interactive console. Without a host it opens the host
// picker first, and returns to it when the operator switches host.
func Console(ctx context.Context, o Options) error {
	cfg, err := loadConfig(o)
	if err != nil {
		return err
	}
	styles, err := buildStyles(o, cfg)
	if err != nil {
		return err
	}
	audit, err := openAudit()
	if err != nil {
		return err
	}
	pickable := o.Alias == "" && !o.Local
	for {
		if pickable {
			alias, err := pick(ctx, o, cfg)
			if err != nil || alias == "" {
				return err
			}
			o.Alias = alias
		}
		switchHost, err := runConsole(ctx, o, cfg, styles, audit)
		if err != nil || !switchHost || !pickable {
			return err
		}
		o.Alias = ""
	}
}

// runConsole connects to one host and runs the console on it until the
// operator quits (false) or asks to switch host (true).
func runConsole(ctx context.Context, o Options, cfg *config.Config, styles themes.Styles, audit *action.AuditLog) (bool, error) {
	hc := hostConfig(cfg, o)
	conn := make(chan ui.ConnState, 16)
	fmt.Fprintf(os.Stderr, "opsdeck: connecting to %s…\n", describe(o))
	prompter := newHandoffPrompter(NewTTYPrompter())
	h, err := connect(ctx, o, hc, prompter, func(s remote.ConnState) {
		select { // never block the SSH layer on a busy console
		case conn <- uiConnState(s):
		default:
		}
	})
	if err != nil {
		return false, err
	}
	defer h.Runner.Close()
	uiPrompter := ui.NewPrompter()
	defer uiPrompter.Close()
	prompter.use(uiPrompter)
	defer prompter.use(remote.DenyPrompter{})
	m := ui.New(ui.Options{
		Host:         h.Name,
		Source:       ui.NewHostSource(h, nil),
		Prompter:     uiPrompter,
		Styles:       styles,
		Refresh:      hc.Refresh,
		ReadOnly:     hc.ReadOnly,
		Executor:     &action.Executor{ReadOnly: hc.ReadOnly, Audit: audit, User: action.LocalUser(), Host: h.Name},
		Demo:         o.demo,
		Conn:         conn,
		ScrubWarnAge: daysToDuration(hc.ScrubWarnDays),
		CapacityWarn: hc.CapacityWarnPercent,
		CapacityCrit: hc.CapacityCritPercent,
		Network:      network.HostDeps(h.Name, hc.Network, openIperfHistory(), nil),
		Backup:       backup.HostDeps(hc.Backup, openResticStore()),
		Monitor:      monitor.HostDepsWithAuth(hc.Services, opsmonitor.CredentialsFor(hc.ServicesAuth)),
	})
	final, err := tea.NewProgram(m, tea.WithAltScreen(), tea.WithMouseCellMotion(), tea.WithContext(ctx), tea.WithFPS(consoleFPS)).Run()
	if errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil {
		return false, nil // interrupted by a signal: a normal way out
	}
	if fm, ok := final.(*ui.Model); ok && fm.SwitchHost() {
		return true, err
	}
	return false, err
}

// pick runs the host picker over ssh_config's aliases and the hosts in
// opsdeck's own configuration.
func pick(ctx context.Context, o Options, cfg *config.Config) (string, error) {
	var hosts []picker.Host
	seen := map[string]bool{}
	aliases, err := remote.ListAliases(o.SSHConfig)
	if err != nil {
		fmt.Fprintf(os.Stderr, "opsdeck: reading ssh_config: %v\n", err)
	}
	for _, a := range aliases {
		seen[a] = true
		hosts = append(hosts, picker.Host{Alias: a, Source: "ssh_config"})
	}
	for _, a := range cfg.Hosts() {
		if !seen[a] {
			hosts = append(hosts, picker.Host{Alias: a, Source: "opsdeck config " + cfg.Path})
		}
	}
	final, err := tea.NewProgram(picker.New(hosts), tea.WithAltScreen(), tea.WithContext(ctx)).Run()
	if err != nil {
		if ctx.Err() != nil {
			return "", nil
		}
		return "", err
	}
	return final.(picker.Model).Chosen, nil
}

// buildStyles builds the theme once, for the terminal's colour support;
// NO_COLOR turns colour off entirely.
func buildStyles(o Options, cfg *config.Config) (themes.Styles, error) {
	name := o.Theme
	if name == "" {
		name = cfg.Theme
	}
	out := termenv.NewOutput(os.Stdout)
	return themes.New(name, themes.ProfileFor(os.Getenv, out.EnvColorProfile()), lipgloss.HasDarkBackground())
}

// openIperfHistory opens the iperf3 results kept in the XDG state dir;
// without one the tests still run, their results are just not kept.
func openIperfHistory() *iperf.History {
	dir, err := iperf.DefaultHistoryDir()
	if err == nil {
		var h *iperf.History
		if h, err = iperf.OpenHistory(dir); err == nil {
			return h
		}
	}
	fmt.Fprintf(os.Stderr, "opsdeck: iperf3 results will not be kept: %v\n", err)
	return nil
}

// openResticStore opens where opsdeck keeps its restic check and drill
// results; without it they still run, their results are just not kept.
func openResticStore() *restic.Store {
	s, err := restic.OpenDefaultStore()
	if err != nil {
		fmt.Fprintf(os.Stderr, "opsdeck: restic check and drill results will not be kept: %v\n", err)
		return nil
	}
	return s
}

func openAudit() (*action.AuditLog, error) {
	path, err := action.DefaultAuditPath()
	if err != nil {
		return nil, fmt.Errorf("audit log: %w", err)
	}
	return action.OpenAuditLog(path)
}

func describe(o Options) string {
	if o.Local {
		return "this machine"
	}
	return o.Alias
}

// consoleFPS caps redraws. bubbletea's renderer wakes up this often even
// when nothing changed; 20 frames a second keeps typing responsive (50 ms)
// at a third of the default's idle wake-ups.
const consoleFPS = 20
