// Package layout fits drawn text into exact rectangles: every line cut or
// padded to a width, a block cut or padded to a height, and boxes laid
// over a background. It is what keeps views resize-safe.
package layout

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Line cuts s to width cells (with an ellipsis when cut) and pads it with
// spaces to exactly width cells.
func Line(s string, width int) string {
	if width <= 0 {
		return ""
	}
	if w := ansi.StringWidth(s); w > width {
		s = ansi.Truncate(s, width, "…")
	}
	if pad := width - ansi.StringWidth(s); pad > 0 {
		s += strings.Repeat(" ", pad)
	}
	return s
}

// Block makes s exactly width × height cells: long lines are cut, short
// ones padded, surplus lines dropped and missing ones added blank.
func Block(s string, width, height int) string {
	if height <= 0 || width <= 0 {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > height {
		lines = lines[:height]
	}
	for len(lines) < height {
		lines = append(lines, "")
	}
	for i, l := range lines {
		lines[i] = Line(l, width)
	}
	return strings.Join(lines, "\n")
}

// Window returns height lines of lines starting at offset, with offset
// clamped so the window never runs past the end. It returns the clamped
// offset too.
func Window(lines []string, offset, height int) ([]string, int) {
	if height <= 0 {
		return nil, 0
	}
	maxOff := len(lines) - height
	if maxOff < 0 {
		maxOff = 0
	}
	if offset > maxOff {
		offset = maxOff
	}
	if offset < 0 {
		offset = 0
	}
	end := offset + height
	if end > len(lines) {
		end = len(lines)
	}
	return lines[offset:end], offset
}

// Overlay draws box centred over bg (a width × height block) and returns
// the combined block. Cells of bg outside the box stay visible.
func Overlay(bg, box string, width, height int) string {
	bgLines := strings.Split(Block(bg, width, height), "\n")
	boxLines := strings.Split(box, "\n")
	if len(boxLines) > height {
		boxLines = boxLines[:height]
	}
	bw := 0
	for _, l := range boxLines {
		bw = max(bw, ansi.StringWidth(l))
	}
	bw = min(bw, width)
	top := (height - len(boxLines)) / 2
	left := (width - bw) / 2
	for i, l := range boxLines {
		row := bgLines[top+i]
		bgLines[top+i] = ansi.Cut(row, 0, left) + Line(l, bw) + ansi.Cut(row, left+bw, width)
	}
	return strings.Join(bgLines, "\n")
}

// Wrap breaks s into lines of at most width cells, at spaces where it
// can.
func Wrap(s string, width int) []string {
	if width <= 0 {
		return nil
	}
	return strings.Split(ansi.Wrap(s, width, ""), "\n")
}
