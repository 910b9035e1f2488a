package ops

import (
	"encoding/json"
	"fmt"
)

// The status JSON is read in one streaming pass: a 100-disk tree decoded
// level by level through json.RawMessage would be rescanned once per
// level. Objects are walked key by key, which also keeps ZFS's order.

// expectDelim consumes the next token and checks it is d.
func expectDelim(dec *json.Decoder, d json.Delim) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if got, ok := tok.(json.Delim); !ok || got != d {
		return fmt.Errorf("expected %v, got %v", d, tok)
	}
	return nil
}

// eachKey walks an object, calling fn with each key while the decoder
// sits before the value; fn must consume the value. null is an empty
// object.
func eachKey(dec *json.Decoder, fn func(key string) error) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if tok == nil {
		return nil
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return fmt.Errorf("expected an object, got %v", tok)
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		key, ok := tok.(string)
		if !ok {
			return fmt.Errorf("object key %v is not a string", tok)
		}
		if err := fn(key); err != nil {
			return fmt.Errorf("%s: %w", key, err)
		}
	}
	return expectDelim(dec, '}')
}

// skipValue consumes one value of any shape.
func skipValue(dec *json.Decoder) error {
	var skip json.RawMessage
	return dec.Decode(&skip)
}

// namedVdev is one member of a "vdevs" object, children included.
type namedVdev struct {
	key  string
	jv   jsonVdev
	kids []namedVdev
}

// decodeVdevTree reads an object of vdevs keyed by name, recursively.
func decodeVdevTree(dec *json.Decoder, depth int) ([]namedVdev, error) {
	if depth > maxVdevDepth {
		return nil, fmt.Errorf("vdev tree deeper than %d", maxVdevDepth)
	}
	var out []namedVdev
	err := eachKey(dec, func(key string) error {
		n := namedVdev{key: key}
		err := eachKey(dec, func(field string) error {
			if field == "vdevs" {
				kids, err := decodeVdevTree(dec, depth+1)
				n.kids = kids
				return err
			}
			return n.jv.decodeField(dec, field)
		})
		out = append(out, n)
		return err
	})
	return out, err
}

// decodeField reads one vdev member into jv, skipping unknown ones.
func (jv *jsonVdev) decodeField(dec *json.Decoder, field string) error {
	var dst any
	switch field {
	case "name":
		dst = &jv.Name
	case "vdev_type":
		dst = &jv.VdevType
	case "path":
		dst = &jv.Path
	case "state":
		dst = &jv.State
	case "read_errors":
		dst = &jv.ReadErrors
	case "write_errors":
		dst = &jv.WriteErrors
	case "checksum_errors":
		dst = &jv.ChecksumErrors
	case "slow_ios":
		dst = &jv.SlowIOs
	case "scan_processed":
		dst = &jv.ScanProcessed
	case "resilver_deferred":
		dst = &jv.ResilverDeferred
	case "was":
		dst = &jv.Was
	case "aux":
		dst = &jv.Aux
	case "used_by":
		dst = &jv.UsedBy
	case "configured_ashift":
		jv.ConfiguredAshift = new(jnum)
		dst = jv.ConfiguredAshift
	case "physical_ashift":
		jv.PhysicalAshift = new(jnum)
		dst = jv.PhysicalAshift
	case "removing":
		dst = &jv.Removing
	case "noalloc":
		dst = &jv.Noalloc
	default:
		return skipValue(dec)
	}
	return dec.Decode(dst)
}

// toVdevs maps decoded vdevs once the scan state (for notes) is known.
func toVdevs(nodes []namedVdev, class string, nc noteContext) []Vdev {
	var out []Vdev // nil for leaves, as the text parser leaves them
	for _, n := range nodes {
		out = append(out, n.jv.vdev(n.key, class, nc, toVdevs(n.kids, class, nc)))
	}
	return out
}
