package pool

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ui/components/tree"
	"github.com/opsdeck/opsdeck/ui/format"
	"github.com/opsdeck/opsdeck/ui/layout"
	"github.com/opsdeck/opsdeck/ui/panes"
)

// View implements panes.Pane.
func (p *Pane) View() string {
	if p.width <= 0 || p.height <= 0 {
		return ""
	}
	var lines []string
	leftW := p.width * 9 / 20
	if io := p.io(); io.rows != nil {
		// The tree and its I/O take what they need if the datasets keep
		// enough room beside them; otherwise the datasets go below.
		leftW = max(leftW, treeWidth(p.env, p.data.Status.Pools[p.selected])+io.width())
	}
	if p.width >= wideAt && p.width-leftW-2 >= minDatasetsW {
		left := p.left(leftW)
		right := p.right(p.width - leftW - 2)
		for i := 0; i < max(len(left), len(right)); i++ {
			l, r := "", ""
			if i < len(left) {
				l = left[i]
			}
			if i < len(right) {
				r = right[i]
			}
			lines = append(lines, layout.Line(l, leftW)+"  "+r)
		}
	} else {
		lines = append(p.left(p.width), "")
		lines = append(lines, p.right(p.width)...)
	}
	return p.window(lines)
}

// window shows the scrolled part of lines, with a marker when more lies
// below or above.
func (p *Pane) window(lines []string) string {
	s := p.env.Styles
	shown, off := layout.Window(lines, p.offset, p.height)
	p.offset = off
	if len(lines) > p.height && p.height > 1 {
		shown = append([]string(nil), shown...)
		if off+p.height < len(lines) {
			shown[len(shown)-1] = s.Muted.Render(fmt.Sprintf("↓ %d more lines (j/k, pgdn)", len(lines)-off-p.height))
		} else if off > 0 {
			shown[0] = s.Muted.Render(fmt.Sprintf("↑ %d lines above (k, g)", off))
		}
	}
	return layout.Block(strings.Join(shown, "\n"), p.width, p.height)
}

// left is the pool itself: summary, health text, vdev tree, errors.
func (p *Pane) left(w int) []string {
	s := p.env.Styles
	d := p.data
	if !d.Loaded {
		return []string{s.Muted.Render("Reading pools…")}
	}
	var out []string
	out = append(out, panes.Problem(p.env, d, panes.SectionPools, w)...)
	if len(d.Status.Pools) == 0 {
		if d.Has(panes.SectionPools) {
			out = append(out, s.Muted.Render("No pools imported on this host."))
		}
		return out
	}
	pl := d.Status.Pools[p.selected]
	if len(d.Status.Pools) > 1 {
		out = append(out, p.poolList())
	}
	out = append(out, summary(p.env, pl), capacity(p.env, pl, w))
	out = append(out, health(p.env, pl, w)...)
	// Errors come before the tree: on a damaged pool they are what the
	// operator must see without scrolling.
	out = append(out, errorsLines(p.env, pl, w)...)
	if io := p.io(); io.rows != nil {
		return append(out, io.beside(tree.Render(pl.Root, s, w-io.width()), s)...)
	}
	out = append(out, "")
	out = append(out, tree.Render(pl.Root, s, w)...)
	return out
}

// io is the selected pool's per-vdev I/O when the pane is wide enough to
// show it beside the tree; empty otherwise.
func (p *Pane) io() ioTable {
	if p.width < ioAt || !p.data.Loaded || p.selected >= len(p.data.Status.Pools) {
		return ioTable{}
	}
	return poolIO(p.data.Status.IOStat, p.data.Status.Pools[p.selected].Name)
}

// treeWidth is the narrowest width at which the pool's tree is drawn
// without cutting a name: tree.Render keeps some room for the counters
// beyond what its lines use, so it is searched for rather than assumed.
func treeWidth(env panes.Env, pl ops.Pool) int {
	widest := func(w int) int {
		n := 0
		for _, l := range tree.Render(pl.Root, env.Styles, w) {
			n = max(n, ansi.StringWidth(l))
		}
		return n
	}
	natural := widest(1 << 10)
	w := natural
	for w < natural+40 && widest(w) < natural {
		w++
	}
	return w
}

func (p *Pane) poolList() string {
	s := p.env.Styles
	parts := []string{s.Muted.Render("pools:")}
	for i, pl := range p.data.Status.Pools {
		name := pl.Name + " " + s.State(pl.State).Render(pl.State)
		if i == p.selected {
			name = s.Selected.Render("› "+pl.Name) + " " + s.State(pl.State).Render(pl.State)
		}
		parts = append(parts, name)
	}
	return strings.Join(parts, "  ") + s.Muted.Render("   (h/l)")
}

func summary(env panes.Env, pl ops.Pool) string {
	s := env.Styles
	return s.Title.Render(pl.Name) + "  " + s.State(pl.State).Render(pl.State) + attention(env, pl)
}

func attention(env panes.Env, pl ops.Pool) string {
	if n := tree.Unhealthy(pl.Root); n > 0 {
		return "  " + env.Styles.Warn.Render(fmt.Sprintf("%d device(s) need attention", n))
	}
	return ""
}

func capacity(env panes.Env, pl ops.Pool, w int) string {
	s := env.Styles
	capStyle := s.Text
	warn, crit := thresholds(env)
	switch {
	case pl.Capacity >= crit:
		capStyle = s.Crit
	case pl.Capacity >= warn:
		capStyle = s.Warn
	}
	frag := "-"
	if pl.Fragmentation >= 0 {
		frag = fmt.Sprintf("%d%%", pl.Fragmentation)
	}
	line := fmt.Sprintf("size %s  alloc %s  free %s  ", format.Bytes(pl.Size), format.Bytes(pl.Alloc), format.Bytes(pl.Free)) +
		capStyle.Render(fmt.Sprintf("cap %d%%", pl.Capacity)) +
		fmt.Sprintf("  frag %s  dedup %s", frag, format.Ratio(pl.DedupRatio))
	return layout.Line(line, w)
}

// thresholds are the capacity percentages that warn and alarm; an Env
// without them (tests that build one by hand) gets ZFS's usual 80/90.
func thresholds(env panes.Env) (warn, crit int) {
	warn, crit = env.CapacityWarn, env.CapacityCrit
	if warn <= 0 {
		warn = 80
	}
	if crit <= 0 {
		crit = 90
	}
	return warn, crit
}

// health is the status/action/see text, shown only when ZFS gave some.
func health(env panes.Env, pl ops.Pool, w int) []string {
	s := env.Styles
	var out []string
	add := func(label, text string, st func(...string) string) {
		if text == "" {
			return
		}
		for i, l := range layout.Wrap(text, max(10, w-8)) {
			prefix := "        "
			if i == 0 {
				prefix = fmt.Sprintf("%7s ", label)
			}
			out = append(out, s.Bold.Render(prefix)+st(l))
		}
	}
	add("status:", pl.Status, s.Warn.Render)
	add("action:", pl.Action, s.Text.Render)
	add("see:", pl.See, s.Accent.Render)
	return out
}

// errorsLines is the errors: line and the files with permanent errors.
func errorsLines(env panes.Env, pl ops.Pool, w int) []string {
	s := env.Styles
	if pl.Errors == "" && len(pl.ErrorFiles) == 0 {
		return nil
	}
	st := s.OK
	if pl.ErrorCount > 0 || len(pl.ErrorFiles) > 0 {
		st = s.Crit
	}
	out := []string{s.Bold.Render("errors: ") + st.Render(pl.Errors)}
	for _, f := range pl.ErrorFiles {
		out = append(out, s.Crit.Render(layout.Line("  "+f, w)))
	}
	return out
}

// right is the datasets table and the ARC summary.
func (p *Pane) right(w int) []string {
	s := p.env.Styles
	d := p.data
	if !d.Loaded {
		return nil
	}
	col, desc := p.datasets.SortColumn()
	order := "ascending"
	if desc {
		order = "descending"
	}
	out := []string{s.Title.Render("Datasets") + s.Muted.Render(fmt.Sprintf("  sorted by %s %s · / filter · o sort · O reverse", col, order))}
	out = append(out, panes.Problem(p.env, d, panes.SectionDatasets, w)...)
	if d.Has(panes.SectionDatasets) {
		out = append(out, p.datasets.Render(s, w)...)
	}
	out = append(out, "", s.Title.Render("ARC"))
	out = append(out, panes.Problem(p.env, d, panes.SectionARC, w)...)
	if a := d.Status.ARC; a != nil {
		out = append(out, layout.Line(fmt.Sprintf("size %s of target %s (min %s, max %s) · hit ratio %.1f%% (%d hits, %d misses)",
			format.Bytes(a.Size), format.Bytes(a.Target), format.Bytes(a.Min), format.Bytes(a.Max),
			a.HitRatio*100, a.Hits, a.Misses), w))
	}
	return out
}
