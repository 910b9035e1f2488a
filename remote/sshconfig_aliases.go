package remote

import (
	"bufio"
	"errors"
	"os"
	"path/filepath"
	"strings"
)

// maxIncludeDepth bounds Include recursion, as ssh does, so a file that
// includes itself cannot loop.
const maxIncludeDepth = 16

// ListAliases returns the host aliases an operator can pick from: every
// Host pattern in configFile ("" = ~/.ssh/config) and the files it
// Includes that is a plain name, not a wildcard or negation. Order is
// file order, without duplicates. A missing config file is an empty list.
func ListAliases(configFile string) ([]string, error) {
	home, err := os.UserHomeDir()
	if err != nil {
		return nil, err
	}
	return listAliases(configFile, home)
}

func listAliases(configFile, home string) ([]string, error) {
	if configFile == "" {
		configFile = filepath.Join(home, ".ssh", "config")
	}
	l := aliasLister{home: home, seen: map[string]bool{}}
	if err := l.file(configFile, 0); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, nil
		}
		return nil, err
	}
	return l.out, nil
}

type aliasLister struct {
	home string
	seen map[string]bool
	out  []string
}

func (l *aliasLister) file(name string, depth int) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		key, args := splitDirective(sc.Text())
		switch strings.ToLower(key) {
		case "host":
			for _, p := range args {
				if p != "" && !strings.ContainsAny(p, "*?!") && !l.seen[p] {
					l.seen[p] = true
					l.out = append(l.out, p)
				}
			}
		case "include":
			if depth >= maxIncludeDepth {
				continue
			}
			for _, pat := range args {
				matches, _ := filepath.Glob(l.includePath(pat))
				for _, m := range matches {
					// An unreadable included file is skipped, as ssh does
					// for a glob that matches nothing.
					_ = l.file(m, depth+1)
				}
			}
		}
	}
	return sc.Err()
}

// includePath resolves an Include argument: ~ is the home directory and a
// relative path is relative to ~/.ssh (ssh_config(5)).
func (l *aliasLister) includePath(p string) string {
	switch {
	case strings.HasPrefix(p, "~/"):
		return filepath.Join(l.home, p[2:])
	case filepath.IsAbs(p):
		return p
	}
	return filepath.Join(l.home, ".ssh", p)
}

// splitDirective splits "Key value ...", "Key=value" and quoted values.
func splitDirective(line string) (string, []string) {
	line = strings.TrimSpace(line)
	if line == "" || line[0] == '#' {
		return "", nil
	}
	i := strings.IndexAny(line, " \t=")
	if i < 0 {
		return line, nil
	}
	key, rest := line[:i], strings.TrimLeft(line[i:], " \t")
	rest = strings.TrimLeft(strings.TrimPrefix(rest, "="), " \t")
	var args []string
	for rest != "" {
		var arg string
		if rest[0] == '"' {
			end := strings.IndexByte(rest[1:], '"')
			if end < 0 {
				arg, rest = rest[1:], ""
			} else {
				arg, rest = rest[1:end+1], rest[end+2:]
			}
		} else {
			j := strings.IndexAny(rest, " \t")
			if j < 0 {
				j = len(rest)
			}
			arg, rest = rest[:j], rest[j:]
		}
		if strings.HasPrefix(arg, "#") {
			break
		}
		args = append(args, arg)
		rest = strings.TrimLeft(rest, " \t")
	}
	return key, args
}
