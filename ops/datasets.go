package ops

import (
	"encoding/json"
	"fmt"
	"strings"
)

// ParseDatasetsText parses `zfs list -Hp -t filesystem,volume -o
// <datasetProps>`. Like zrepl's ZFSList it splits on tabs only (dataset
// names may contain spaces) and rejects a line with the wrong number of
// fields instead of guessing which column moved.
func ParseDatasetsText(b []byte) ([]Dataset, error) {
	var out []Dataset
	for i, line := range strings.Split(string(b), "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != len(datasetProps) {
			return nil, fmt.Errorf("zfs list line %d: %d fields, want %d: %q", i+1, len(f), len(datasetProps), line)
		}
		props := make(map[string]string, len(f))
		for j, name := range datasetProps {
			props[name] = f[j]
		}
		d, err := datasetFromProps(props)
		if err != nil {
			return nil, fmt.Errorf("zfs list line %d: %w", i+1, err)
		}
		out = append(out, d)
	}
	return out, nil
}

// datasetFromProps builds a Dataset from property values as `zfs -p`
// prints them. "-" (not applicable, e.g. recordsize of a volume) gives
// 0 or "".
func datasetFromProps(p map[string]string) (Dataset, error) {
	str := func(k string) string {
		if v := p[k]; v != "-" {
			return v
		}
		return ""
	}
	d := Dataset{
		Name:        p["name"],
		Type:        str("type"),
		Compression: str("compression"),
		Atime:       str("atime"),
		Xattr:       str("xattr"),
		Mountpoint:  str("mountpoint"),
	}
	if d.Name == "" {
		return d, fmt.Errorf("empty dataset name")
	}
	for _, u := range []struct {
		key string
		dst *uint64
	}{
		{"used", &d.Used}, {"avail", &d.Avail}, {"refer", &d.Refer},
		{"recordsize", &d.Recordsize}, {"special_small_blocks", &d.SpecialSmallBlocks},
	} {
		v, err := parseDashUint(p[u.key])
		if err != nil {
			return d, fmt.Errorf("%s %s=%q: %w", d.Name, u.key, p[u.key], err)
		}
		*u.dst = v
	}
	var err error
	if d.CompressRatio, err = parseRatio(p["compressratio"]); err != nil {
		return d, fmt.Errorf("%s: %w", d.Name, err)
	}
	return d, nil
}

type jsonDatasets struct {
	Datasets json.RawMessage `json:"datasets"`
}

type jsonDataset struct {
	Name       string                      `json:"name"`
	Type       string                      `json:"type"`
	Properties map[string]jsonPropertyItem `json:"properties"`
}

// jsonPropAliases maps the short -o names to the full names JSON uses.
var jsonPropAliases = map[string]string{"avail": "available", "refer": "referenced"}

// ParseDatasetsJSON parses `zfs list -j --json-int -t filesystem,volume
// -o <datasetProps>`, in the order ZFS lists them.
func ParseDatasetsJSON(b []byte) ([]Dataset, error) {
	var doc jsonDatasets
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("zfs list JSON: %w", err)
	}
	members, err := orderedObject(doc.Datasets)
	if err != nil {
		return nil, fmt.Errorf("zfs list JSON datasets: %w", err)
	}
	var out []Dataset
	for _, m := range members {
		var jd jsonDataset
		if err := json.Unmarshal(m.Value, &jd); err != nil {
			return nil, fmt.Errorf("zfs list JSON %q: %w", m.Key, err)
		}
		props := map[string]string{"name": jd.Name, "type": strings.ToLower(jd.Type)}
		if jd.Name == "" {
			props["name"] = m.Key
		}
		for _, name := range datasetProps[1:] {
			key := name
			if full, ok := jsonPropAliases[name]; ok {
				key = full
			}
			v, ok := jd.Properties[key]
			if !ok {
				v, ok = jd.Properties[name]
			}
			if ok {
				props[name] = string(v.Value)
			} else if name != "type" {
				props[name] = "-"
			}
		}
		d, err := datasetFromProps(props)
		if err != nil {
			return nil, fmt.Errorf("zfs list JSON: %w", err)
		}
		out = append(out, d)
	}
	return out, nil
}
