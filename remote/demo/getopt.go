package demo

import (
	"fmt"
	"strings"
)

// opts is a parsed command line: single-letter flags (value "" when the
// flag takes none), the long options seen, and the operands.
type opts struct {
	short map[byte]string
	long  map[string]bool
	args  []string
}

func (o opts) has(c byte) bool { _, ok := o.short[c]; return ok }

// getopt parses argv the way zpool and zfs do with getopt_long: bundled
// short flags, valued flags (listed in withValue) taking the rest of the
// word or the next one, and the long options in long. Anything else is an
// error naming the option.
func getopt(argv []string, flags, withValue string, long ...string) (opts, error) {
	o := opts{short: map[byte]string{}, long: map[string]bool{}}
	for i := 0; i < len(argv); i++ {
		a := argv[i]
		if a == "--" {
			o.args = append(o.args, argv[i+1:]...)
			break
		}
		if strings.HasPrefix(a, "--") {
			name := a[2:]
			if !contains(long, name) {
				return o, fmt.Errorf("unrecognized option '%s'", a)
			}
			o.long[name] = true
			continue
		}
		if len(a) < 2 || a[0] != '-' {
			o.args = append(o.args, a)
			continue
		}
		for j := 1; j < len(a); j++ {
			c := a[j]
			switch {
			case strings.IndexByte(withValue, c) >= 0:
				v := a[j+1:]
				if v == "" {
					if i+1 >= len(argv) {
						return o, fmt.Errorf("missing argument for '%c' option", c)
					}
					i++
					v = argv[i]
				}
				o.short[c] = v
				j = len(a)
			case strings.IndexByte(flags, c) >= 0:
				o.short[c] = ""
			default:
				return o, fmt.Errorf("invalid option '%c'", c)
			}
		}
	}
	return o, nil
}

func contains(list []string, s string) bool {
	for _, l := range list {
		if l == s {
			return true
		}
	}
	return false
}
