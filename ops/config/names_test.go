package config_test

import (
	"os"
	"slices"
	"testing"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ops/config"
	"github.com/opsdeck/opsdeck/themes"
)

// The file's enums must stay the names the rest of opsdeck accepts.
func TestEnumsMatchTheirConsumers(t *testing.T) {
	for _, name := range themes.Names() {
		src := "[defaults]\ntheme = \"" + name + "\"\n"
		if _, err := loadString(t, src); err != nil {
			t.Errorf("theme %q rejected: %v", name, err)
		}
	}
	modes := []ops.OutputMode{ops.OutputAuto, ops.OutputJSON, ops.OutputText}
	if got := []string{config.OutputAuto, config.OutputJSON, config.OutputText}; !slices.Equal(got, []string{string(modes[0]), string(modes[1]), string(modes[2])}) {
		t.Errorf("output modes %v differ from ops %v", got, modes)
	}
	for _, m := range modes {
		if _, err := loadString(t, "[defaults]\noutput = \""+string(m)+"\"\n"); err != nil {
			t.Errorf("output %q rejected: %v", m, err)
		}
	}
}

func loadString(t *testing.T, src string) (*config.Config, error) {
	t.Helper()
	path := t.TempDir() + "/config.toml"
	if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	return config.Load(path)
}
