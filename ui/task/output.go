package task

import tea "github.com/charmbracelet/bubbletea"

// Output returns the line msg carries when it is an output line of the
// running action, so the root can also hand it to the pane that asked
// for the action (iperf3 intervals drawn live). It does not consume msg:
// Update must still see it.
func (r *Runner) Output(msg tea.Msg) (string, bool) {
	l, ok := msg.(lineMsg)
	if !ok || r.running == nil || l.id != r.running.id {
		return "", false
	}
	return l.line, true
}
