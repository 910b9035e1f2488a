package remote

import (
	"fmt"
	"os"
	"os/user"
	"strconv"
	"strings"
)

// tokenEnv holds the values ssh_config %-tokens expand to.
type tokenEnv struct {
	home, localUser         string
	alias, host, port, user string
}

// expand replaces the %-tokens ssh_config allows in file names and
// ProxyCommand: %% %d %h %n %p %r %u %i %l %L. An unknown token is an
// error rather than a silently wrong path.
func (e tokenEnv) expand(s string) (string, error) {
	if !strings.Contains(s, "%") {
		return s, nil
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			b.WriteByte(s[i])
			continue
		}
		if i+1 == len(s) {
			return "", fmt.Errorf("ssh_config value %q ends in a lone %%", s)
		}
		i++
		switch s[i] {
		case '%':
			b.WriteByte('%')
		case 'd':
			b.WriteString(e.home)
		case 'h':
			b.WriteString(e.host)
		case 'n':
			b.WriteString(e.alias)
		case 'p':
			b.WriteString(e.port)
		case 'r':
			b.WriteString(e.user)
		case 'u':
			b.WriteString(e.localUser)
		case 'i':
			b.WriteString(strconv.Itoa(os.Getuid()))
		case 'l', 'L':
			h, _ := os.Hostname()
			if s[i] == 'L' {
				h, _, _ = strings.Cut(h, ".")
			}
			b.WriteString(h)
		default:
			return "", fmt.Errorf("ssh_config value %q: unsupported token %%%c", s, s[i])
		}
	}
	return b.String(), nil
}

// expandPath expands a leading ~ (the user's home) and then tokens.
func (e tokenEnv) expandPath(p string) (string, error) {
	if p == "~" {
		p = e.home
	} else if strings.HasPrefix(p, "~/") {
		p = e.home + p[1:]
	}
	return e.expand(p)
}

// currentUser is the local login name, for User's default and %u.
func currentUser() string {
	if u, err := user.Current(); err == nil {
		return u.Username
	}
	return os.Getenv("USER")
}
