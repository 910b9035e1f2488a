package ui

// SwitchHost reports whether the console ended because the operator chose
// "host" in the palette to pick another host, rather than quitting.
func (m *Model) SwitchHost() bool { return m.switchHost }
