package ui

import (
	"github.com/opsdeck/opsdeck/ui/panes/scrub"
)

// scrubActions are the ops constructors of the scrub actions.
var scrubActions = scrub.Actions{}
