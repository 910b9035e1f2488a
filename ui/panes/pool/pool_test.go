package pool

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/themes"
	"github.com/opsdeck/opsdeck/ui/panes"
)

func TestDatasetRowsBelongToThePool(t *testing.T) {
	ds := []ops.Dataset{{Name: "tank"}, {Name: "tank/a"}, {Name: "tankette"}, {Name: "tankette/b"}}
	var names []string
	for _, r := range datasetRows(ds, "tank") {
		names = append(names, r.Cells[0])
	}
	if got := strings.Join(names, ","); got != "tank,tank/a" {
		t.Errorf("rows of tank = %s (a pool whose name starts alike must not leak in)", got)
	}
	if n := len(datasetRows(ds, "")); n != 4 {
		t.Errorf("no pool: %d rows", n)
	}
}

func TestTwoPoolsShowTheirOwnDatasets(t *testing.T) {
	s, _ := themes.New(themes.NameDark, termenv.Ascii, true)
	p := New(panes.Env{Styles: &s, Keys: panes.DefaultNavKeys()})
	st := ops.HostStatus{
		Pools:    []ops.Pool{{Name: "tank", State: "ONLINE"}, {Name: "backup", State: "FAULTED", Status: "One or more devices are faulted."}},
		Datasets: []ops.Dataset{{Name: "tank/home"}, {Name: "backup/restic"}},
	}
	p.SetData(panes.Merge(panes.Data{}, st))
	p.SetSize(160, 40)
	if v := p.View(); !strings.Contains(v, "tank/home") || strings.Contains(v, "backup/restic") {
		t.Fatalf("tank selected:\n%s", v)
	}
	p.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("l")})
	v := p.View()
	if !strings.Contains(v, "backup/restic") || strings.Contains(v, "tank/home") || !strings.Contains(v, "devices are faulted") {
		t.Fatalf("backup selected:\n%s", v)
	}
	// Pools vanishing (exported) must not leave the selection dangling.
	p.SetData(panes.Merge(panes.Data{}, ops.HostStatus{Pools: []ops.Pool{}}))
	if v := p.View(); !strings.Contains(v, "No pools imported") {
		t.Fatalf("no pools:\n%s", v)
	}
}
