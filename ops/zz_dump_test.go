package ops

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestDump(t *testing.T) {
	for _, rel := range append(fixtures(t, "*/*status*.txt"), fixtures(t, "2.3/*status*.json")...) {
		var ps []Pool
		var err error
		if strings.HasSuffix(rel, ".json") {
			ps, err = ParsePoolStatusJSON(fixture(t, rel))
		} else {
			ps, err = ParsePoolStatusText(fixture(t, rel), time.UTC)
		}
		if err != nil {
			fmt.Println(rel, "ERR", err)
			continue
		}
		for _, p := range ps {
			root := p.Root
			p.Root = Vdev{}
			b, _ := json.Marshal(p)
			fmt.Println(rel, string(b))
			var walk func(v Vdev, d int)
			walk = func(v Vdev, d int) {
				fmt.Printf("   %s%s %s %s %s %d/%d/%d %q %s\n", strings.Repeat("  ", d), v.Name, v.Type, v.Class, v.State, v.ReadErrors, v.WriteErrors, v.ChecksumErrors, v.Note, v.Path)
				for _, c := range v.Children {
					walk(c, d+1)
				}
			}
			if strings.Contains(rel, "resilver_inprog2") || strings.Contains(rel, "replaceback") || strings.Contains(rel, "zpool_status_s") {
				walk(root, 0)
			}
		}
	}
}
