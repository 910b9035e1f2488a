package demo

import (
	"fmt"
	"strconv"
	"strings"
)

// datasetListDefault are `zfs list`'s columns when -o is not given.
var datasetListDefault = []string{"name", "used", "available", "referenced", "mountpoint"}

// datasetPropAliases maps the short names zfs accepts to canonical ones.
var datasetPropAliases = map[string]string{"avail": "available", "refer": "referenced",
	"ratio": "compressratio", "compress": "compression", "recsize": "recordsize",
	"reserv": "reservation", "refreserv": "refreservation"}

// datasetProp returns one property; name and type are not stored in
// Props. A property the dataset lacks (recordsize of a volume) prints as
// "-" from source NONE, as zfs_prop_get failing does.
func datasetProp(d *Dataset, name string) Prop {
	switch name {
	case "name":
		return Prop{Value: d.Name, Source: SrcNone}
	case "type":
		return Prop{Value: d.Type, Source: SrcNone}
	case "createtxg":
		return Prop{Value: strconv.FormatUint(d.CreateTXG, 10), Source: SrcNone}
	}
	if p, ok := d.Props[name]; ok {
		return p
	}
	return Prop{Value: "-", Source: SrcNone}
}

// datasetColumns resolves a -o argument to canonical names.
func datasetColumns(arg string) []string {
	if arg == "" {
		return datasetListDefault
	}
	cols := strings.Split(arg, ",")
	for i, c := range cols {
		if a, ok := datasetPropAliases[c]; ok {
			cols[i] = a
		}
	}
	return cols
}

// datasetTypes parses -t; "all" means every type.
func datasetTypes(arg string) (map[string]bool, error) {
	types := map[string]bool{}
	if arg == "" {
		types["filesystem"], types["volume"] = true, true
		return types, nil
	}
	for _, t := range strings.Split(arg, ",") {
		switch t {
		case "all":
			types["filesystem"], types["volume"], types["snapshot"] = true, true, true
		case "filesystem", "volume", "snapshot":
			types[t] = true
		case "fs":
			types["filesystem"] = true
		case "snap":
			types["snapshot"] = true
		default:
			return nil, fmt.Errorf("invalid type '%s'", t)
		}
	}
	return types, nil
}

// datasetListText renders `zfs list -Hp -t types -o cols`.
func datasetListText(ds []*Dataset, types map[string]bool, cols []string) string {
	var b strings.Builder
	for _, d := range ds {
		if !types[d.Type] {
			continue
		}
		for i, c := range cols {
			if i > 0 {
				b.WriteByte('\t')
			}
			b.WriteString(datasetProp(d, c).Value)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// datasetListJSON renders `zfs list -j --json-int`, following
// collect_dataset and fill_dataset_info in zfs_main.c.
func datasetListJSON(ds []*Dataset, types map[string]bool, cols []string) string {
	var b strings.Builder
	root := newJSONObj(&b)
	ov := root.obj("output_version")
	ov.str("command", "zfs list")
	ov.num("vers_major", 0)
	ov.num("vers_minor", 1)
	ov.end()
	dso := root.obj("datasets")
	for _, d := range ds {
		if !types[d.Type] {
			continue
		}
		o := dso.obj(d.Name)
		o.str("name", d.Name)
		o.str("type", strings.ToUpper(d.Type))
		pool, _, _ := strings.Cut(d.Name, "/")
		pool, _, _ = strings.Cut(pool, "@")
		o.str("pool", pool)
		o.num("createtxg", d.CreateTXG)
		if ds, snap, ok := strings.Cut(d.Name, "@"); ok {
			o.str("dataset", ds)
			o.str("snapshot_name", snap)
		}
		props := o.obj("properties")
		for _, c := range cols {
			if c != "name" {
				writePropJSON(props, c, datasetProp(d, c))
			}
		}
		props.end()
		o.end()
	}
	dso.end()
	root.end()
	b.WriteString("\n")
	return b.String()
}
