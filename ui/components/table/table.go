// Package table is a sortable, filterable text table. It owns the sort
// column, the order and the filter text; the caller owns the rows and
// gives them again whenever the data changes.
package table

import (
	"fmt"
	"sort"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/opsdeck/opsdeck/themes"
)

// Column describes one column.
type Column struct {
	Title string
	// Width is the column's fixed width; 0 makes it take the space left.
	Width int
	// Numeric columns sort by Row.Num and are right-aligned.
	Numeric bool
}

// Row is one table row: the text of each cell and, for numeric columns,
// the value to sort by.
type Row struct {
	Cells []string
	Num   []float64
}

// Table is the state of one table.
type Table struct {
	cols    []Column
	rows    []Row
	sortCol int
	desc    bool
	// Filter is the text rows must contain (case-insensitive, any cell).
	filter string
	// editing is true while the operator types the filter.
	editing bool
}

// New returns a table with the given columns, sorted by the first.
func New(cols []Column) *Table { return &Table{cols: cols} }

// SetRows replaces the rows.
func (t *Table) SetRows(rows []Row) { t.rows = rows }

// CycleSort moves the sort to the next column.
func (t *Table) CycleSort() { t.sortCol = (t.sortCol + 1) % len(t.cols) }

// Reverse flips the sort order.
func (t *Table) Reverse() { t.desc = !t.desc }

// SortColumn is the current sort column's title and whether it sorts
// descending.
func (t *Table) SortColumn() (string, bool) { return t.cols[t.sortCol].Title, t.desc }

// StartFilter begins typing a filter.
func (t *Table) StartFilter() { t.editing = true }

// Editing is true while a filter is typed.
func (t *Table) Editing() bool { return t.editing }

// Filter is the current filter text.
func (t *Table) Filter() string { return t.filter }

// FilterKey applies one key to the filter being typed: printable text is
// appended, backspace deletes, enter keeps the filter and esc drops it.
func (t *Table) FilterKey(k string, runes []rune) {
	switch k {
	case "enter":
		t.editing = false
	case "esc":
		t.editing, t.filter = false, ""
	case "backspace":
		if r := []rune(t.filter); len(r) > 0 {
			t.filter = string(r[:len(r)-1])
		}
	default:
		if len(runes) > 0 {
			t.filter += string(runes)
		}
	}
}

// ClearFilter drops the filter.
func (t *Table) ClearFilter() { t.filter, t.editing = "", false }

// Visible returns the rows that pass the filter, in sort order.
func (t *Table) Visible() []Row {
	f := strings.ToLower(t.filter)
	var out []Row
	for _, r := range t.rows {
		if f == "" || strings.Contains(strings.ToLower(strings.Join(r.Cells, "\x00")), f) {
			out = append(out, r)
		}
	}
	c := t.sortCol
	numeric := t.cols[c].Numeric
	sort.SliceStable(out, func(i, j int) bool {
		var less bool
		if numeric {
			less = num(out[i], c) < num(out[j], c)
		} else {
			less = cell(out[i], c) < cell(out[j], c)
		}
		if t.desc {
			if numeric {
				return num(out[i], c) > num(out[j], c)
			}
			return cell(out[i], c) > cell(out[j], c)
		}
		return less
	})
	return out
}

func num(r Row, c int) float64 {
	if c < len(r.Num) {
		return r.Num[c]
	}
	return 0
}

func cell(r Row, c int) string {
	if c < len(r.Cells) {
		return r.Cells[c]
	}
	return ""
}

// minFlex is the least width a flexible column gets before columns are
// dropped from the right.
const minFlex = 12

// Render draws the header, the visible rows and, when a filter is set or
// typed, a filter line, into lines at most width cells wide. Columns that
// do not fit are dropped from the right.
func (t *Table) Render(s *themes.Styles, width int) []string {
	vis := t.Visible()
	widths := t.widths(width, vis)
	n := len(widths)
	head := make([]string, n)
	for i, c := range t.cols[:n] {
		title := c.Title
		if i == t.sortCol {
			title += map[bool]string{false: "↑", true: "↓"}[t.desc]
		}
		head[i] = pad(title, widths[i], c.Numeric)
	}
	out := []string{s.TableHeader.Render(strings.Join(head, " "))}
	for _, r := range vis {
		cells := make([]string, n)
		for i, c := range t.cols[:n] {
			cells[i] = pad(cell(r, i), widths[i], c.Numeric)
		}
		out = append(out, strings.Join(cells, " "))
	}
	if len(vis) == 0 {
		out = append(out, s.Muted.Render("  (no rows match)"))
	}
	if t.editing || t.filter != "" {
		line := fmt.Sprintf("filter: %s", t.filter)
		if t.editing {
			line += "█  (enter keep, esc clear)"
		}
		out = append(out, s.Accent.Render(line)+s.Muted.Render(fmt.Sprintf("  %d of %d", len(vis), len(t.rows))))
	}
	return out
}

// widths decides how many columns fit and their widths: fixed columns get
// their width; flexible ones their longest cell when everything fits,
// otherwise the first flexible column (the name) is served first.
func (t *Table) widths(total int, rows []Row) []int {
	n := len(t.cols)
	for n > 1 && t.minWidth(n) > total {
		n--
	}
	w := make([]int, n)
	left := total - (n - 1)
	var flex []int
	for i, c := range t.cols[:n] {
		if c.Width > 0 {
			w[i] = c.Width
			left -= c.Width
		} else {
			flex = append(flex, i)
		}
	}
	for k, i := range flex {
		natural := ansi.StringWidth(t.cols[i].Title) + 1
		for _, r := range rows {
			natural = max(natural, ansi.StringWidth(cell(r, i)))
		}
		reserve := minFlex * (len(flex) - k - 1)
		w[i] = max(4, min(natural, left-reserve))
		if k == len(flex)-1 {
			w[i] = max(4, left)
		}
		left -= w[i]
	}
	return w
}

func (t *Table) minWidth(n int) int {
	sum := n - 1
	for _, c := range t.cols[:n] {
		if c.Width > 0 {
			sum += c.Width
		} else {
			sum += minFlex
		}
	}
	return sum
}

func pad(s string, w int, right bool) string {
	if ansi.StringWidth(s) > w {
		s = ansi.Truncate(s, w, "…")
	}
	p := strings.Repeat(" ", max(0, w-ansi.StringWidth(s)))
	if right {
		return p + s
	}
	return s + p
}
