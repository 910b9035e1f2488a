package ui

import (
	"fmt"
	"os"
	"testing"

	"github.com/opsdeck/opsdeck/ui/internal/fixture"
)

func TestLook(t *testing.T) {
	if os.Getenv("LOOK") == "" {
		t.Skip()
	}
	for _, st := range []string{"healthy", "degraded", "midscrub", "paused", "denied"} {
		s := map[string]func() any{}
		_ = s
		var m *Model
		switch st {
		case "healthy":
			m, _ = loaded(t, fixture.Healthy(), 80, 24, nil)
		case "degraded":
			m, _ = loaded(t, fixture.Degraded(), 80, 24, nil)
		case "midscrub":
			m, _ = loaded(t, fixture.MidScrub(), 80, 24, nil)
		case "paused":
			m, _ = loaded(t, fixture.Paused(), 80, 24, nil)
		case "denied":
			m, _ = loaded(t, fixture.PermissionDenied(), 80, 24, nil)
		}
		fmt.Println(m.View())
		press(m, "2")
		fmt.Println(m.View())
	}
}
