package action

import (
	"fmt"
	"strconv"
	"strings"
)

// Danger is how much harm an action can do. It alone decides the
// confirmation, so no pane can invent a weaker dialog for a risky action.
type Danger int

// Danger levels, least to most dangerous.
const (
	// Safe actions change nothing that matters; no confirmation.
	Safe Danger = iota
	// Change actions ask y/N naming the target; Enter alone means No.
	Change
	// Destructive actions make the operator type the target's name.
	Destructive
	// Bulk actions make the operator type how many objects they affect.
	Bulk
)

// String names the level as previews and errors show it.
func (d Danger) String() string {
	switch d {
	case Safe:
		return "safe"
	case Change:
		return "change"
	case Destructive:
		return "destructive"
	case Bulk:
		return "bulk"
	}
	return "danger(" + strconv.Itoa(int(d)) + ")"
}

// Confirmation is what the UI's dialog renders and checks. It is derived
// from the action, never chosen by the pane.
type Confirmation struct {
	Danger Danger
	// Required is false for Safe actions: no dialog at all.
	Required bool
	// Prompt is the dialog's text; it names the target.
	Prompt string
	// Expect is what must be typed: "y" for Change, the target's name
	// for Destructive, the count for Bulk.
	Expect string
}

// Confirmation returns the dialog the action's danger level demands.
func (a Action) Confirmation() Confirmation {
	c := Confirmation{Danger: a.Danger, Required: a.Danger != Safe}
	switch a.Danger {
	case Safe:
	case Change:
		c.Expect = "y"
		c.Prompt = fmt.Sprintf("%s on %s? [y/N]", a.Title, a.Target)
	case Destructive:
		c.Expect = a.Target
		c.Prompt = fmt.Sprintf("%s on %s cannot be undone. Type %s to confirm:", a.Title, a.Target, a.Target)
	case Bulk:
		c.Expect = strconv.Itoa(a.Count)
		c.Prompt = fmt.Sprintf("%s affects %d objects. Type %d to confirm:", a.Title, a.Count, a.Count)
	default:
		// An unknown level must never be easier to confirm than the
		// known ones: nothing is accepted.
		c.Prompt = fmt.Sprintf("%s: unknown danger level", a.Title)
	}
	return c
}

// Accepts reports whether input confirms the action. Change accepts y or
// yes in any case and treats anything else, the empty Enter included, as
// No. Destructive and Bulk need Expect exactly (case-sensitive); only the
// line ending a terminal may leave is ignored.
func (c Confirmation) Accepts(input string) bool {
	if !c.Required {
		return c.Danger == Safe
	}
	input = strings.TrimRight(input, "\r\n")
	switch c.Danger {
	case Change:
		s := strings.ToLower(strings.TrimSpace(input))
		return s == "y" || s == "yes"
	case Destructive, Bulk:
		return c.Expect != "" && input == c.Expect
	}
	return false
}
