package demo

import (
	"fmt"
	"strconv"
	"strings"
)

// poolListDefault are `zpool list`'s columns when -o is not given.
var poolListDefault = []string{"name", "size", "allocated", "free", "checkpoint",
	"expandsize", "fragmentation", "capacity", "dedupratio", "health", "altroot"}

// poolPropAliases maps the short column names zpool accepts.
var poolPropAliases = map[string]string{"alloc": "allocated", "cap": "capacity",
	"frag": "fragmentation", "dedup": "dedupratio", "expandsz": "expandsize"}

// poolProp is one pool property as `zpool get -p` prints it, with its
// source; ok is false for a name zpool does not know.
func poolProp(p *Pool, name string) (value, source string, ok bool) {
	size, alloc := p.Root.Space, p.Root.Alloc
	switch name {
	case "name":
		return p.Name, SrcNone, true
	case "size":
		return strconv.FormatUint(size, 10), SrcNone, true
	case "allocated":
		return strconv.FormatUint(alloc, 10), SrcNone, true
	case "free":
		return strconv.FormatUint(size-alloc, 10), SrcNone, true
	case "checkpoint", "expandsize":
		return "-", SrcNone, true
	case "fragmentation":
		if p.Fragmentation < 0 {
			return "-", SrcNone, true
		}
		return strconv.Itoa(p.Fragmentation), SrcNone, true
	case "capacity":
		if size == 0 {
			return "0", SrcNone, true
		}
		return strconv.FormatUint(alloc*100/size, 10), SrcNone, true
	case "dedupratio":
		return p.DedupRatio, SrcNone, true
	case "health":
		return p.State, SrcNone, true
	case "altroot":
		return "-", SrcDefault, true
	case "guid":
		return strconv.FormatUint(p.GUID, 10), SrcNone, true
	}
	return "", "", false
}

// poolListColumns resolves a -o argument; an unknown name is the error
// zpool prints.
func poolListColumns(arg string) ([]string, error) {
	if arg == "" {
		return poolListDefault, nil
	}
	cols := strings.Split(arg, ",")
	for i, c := range cols {
		if a, ok := poolPropAliases[c]; ok {
			cols[i] = a
		}
		if _, _, ok := poolProp(&Pool{Root: &Vdev{}}, cols[i]); !ok {
			return nil, fmt.Errorf("bad property list: invalid property '%s'", c)
		}
	}
	return cols, nil
}

// poolListText renders `zpool list -Hp -o cols`.
func poolListText(pools []*Pool, cols []string) string {
	var b strings.Builder
	for _, p := range pools {
		for i, c := range cols {
			if i > 0 {
				b.WriteByte('\t')
			}
			v, _, _ := poolProp(p, c)
			b.WriteString(v)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// poolListJSON renders `zpool list -j --json-int -o cols` as collect_pool
// builds it: the pool's identity, then every column but name.
func poolListJSON(pools []*Pool, cols []string) string {
	var b strings.Builder
	root := newJSONObj(&b)
	ov := root.obj("output_version")
	ov.str("command", "zpool list")
	ov.num("vers_major", 0)
	ov.num("vers_minor", 1)
	ov.end()
	ps := root.obj("pools")
	for _, p := range pools {
		o := ps.obj(p.Name)
		o.str("name", p.Name)
		o.str("type", "POOL")
		o.str("state", p.State)
		if p.GUID != 0 {
			o.num("pool_guid", p.GUID)
		}
		if p.TXG != 0 {
			o.num("txg", p.TXG)
		}
		o.num("spa_version", 5000)
		o.num("zpl_version", 5)
		props := o.obj("properties")
		for _, c := range cols {
			if c == "name" {
				continue
			}
			v, src, _ := poolProp(p, c)
			writePropJSON(props, c, Prop{Value: v, Source: src})
		}
		props.end()
		o.end()
	}
	ps.end()
	root.end()
	b.WriteString("\n")
	return b.String()
}

// writePropJSON adds {"value":…,"source":{"type":…,"data":…}} as
// zprop_nvlist_one_property does.
func writePropJSON(o *jsonObj, name string, p Prop) {
	po := o.obj(name)
	po.propValue("value", p.Value)
	so := po.obj("source")
	so.str("type", p.Source)
	data := "-"
	if p.Source == SrcInherited {
		data = p.From
	}
	so.str("data", data)
	so.end()
	po.end()
}
