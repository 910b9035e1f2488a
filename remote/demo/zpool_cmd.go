package demo

import (
	"fmt"
	"time"
)

// zpool answers the zpool subcommands the console runs.
func (s *Sim) zpool(sub string, args []string, now time.Time) Output {
	argv := append([]string{"zpool", sub}, args...)
	switch sub {
	case "status":
		o, err := getopt(args, "vpj", "", "json-int")
		if err != nil {
			return usageError("zpool", err)
		}
		pools, out := s.selectPools(o.args)
		if out != nil {
			return *out
		}
		switch {
		case o.has('j') && o.long["json-int"]:
			return Output{Stdout: statusJSON(pools, o.has('v'))}
		case !o.has('j') && !o.long["json-int"]:
			return Output{Stdout: statusText(pools, o.has('v'), o.has('p'), now, s.host.Loc)}
		}
	case "list":
		o, err := getopt(args, "Hpj", "o", "json-int")
		if err != nil {
			return usageError("zpool", err)
		}
		cols, err := poolListColumns(o.short['o'])
		if err != nil {
			return usageError("zpool", err)
		}
		pools, out := s.selectPools(o.args)
		if out != nil {
			return *out
		}
		switch {
		case o.has('j') && o.long["json-int"]:
			return Output{Stdout: poolListJSON(pools, cols)}
		case o.has('H') && o.has('p') && !o.has('j'):
			return Output{Stdout: poolListText(pools, cols)}
		}
	case "iostat":
		o, err := getopt(args, "vlHp", "")
		if err != nil {
			return usageError("zpool", err)
		}
		if !o.has('v') || !o.has('H') || !o.has('p') {
			break
		}
		pools, out := s.selectPools(o.args)
		if out != nil {
			return *out
		}
		return Output{Stdout: iostatText(pools, o.has('l'))}
	case "scrub":
		return s.scrubCommand(args, now)
	}
	return notSimulated(argv)
}

// selectPools returns the named pools, or all when none is named; an
// unknown name fails as zpool's "cannot open" does.
func (s *Sim) selectPools(names []string) ([]*Pool, *Output) {
	if len(names) == 0 {
		return s.host.Pools, nil
	}
	var pools []*Pool
	for _, n := range names {
		p := s.host.pool(n)
		if p == nil {
			return nil, &Output{Stderr: fmt.Sprintf("cannot open '%s': no such pool\n", n), Code: 1}
		}
		pools = append(pools, p)
	}
	return pools, nil
}
