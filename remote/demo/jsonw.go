package demo

import (
	"fmt"
	"strconv"
	"strings"
)

// jsonObj writes one JSON object with its keys in insertion order, the
// way libnvpair's nvlist_print_json does: compact, no spaces. ZFS prints
// nvlists in the order the fields were added, so map marshalling (sorted
// keys) could never reproduce it.
type jsonObj struct {
	b     *strings.Builder
	first bool
}

func newJSONObj(b *strings.Builder) *jsonObj {
	b.WriteByte('{')
	return &jsonObj{b: b, first: true}
}

func (o *jsonObj) key(k string) {
	if !o.first {
		o.b.WriteByte(',')
	}
	o.first = false
	writeJSONString(o.b, k)
	o.b.WriteByte(':')
}

// str adds a string member.
func (o *jsonObj) str(k, v string) {
	o.key(k)
	writeJSONString(o.b, v)
}

// num adds an unsigned integer member.
func (o *jsonObj) num(k string, v uint64) {
	o.key(k)
	o.b.WriteString(strconv.FormatUint(v, 10))
}

// strs adds an array of strings.
func (o *jsonObj) strs(k string, vs []string) {
	o.key(k)
	o.b.WriteByte('[')
	for i, v := range vs {
		if i > 0 {
			o.b.WriteByte(',')
		}
		writeJSONString(o.b, v)
	}
	o.b.WriteByte(']')
}

// obj adds a nested object; the caller fills it and calls end.
func (o *jsonObj) obj(k string) *jsonObj {
	o.key(k)
	return newJSONObj(o.b)
}

// end closes the object.
func (o *jsonObj) end() { o.b.WriteByte('}') }

// propValue adds a property the way zprop_nvlist_one_property does with
// --json-int: a value made only of digits becomes a number, anything
// else ("-", "1.00", "lz4") stays a string.
func (o *jsonObj) propValue(k, v string) {
	if v != "" && strings.Trim(v, "0123456789") == "" {
		if n, err := strconv.ParseUint(v, 10, 64); err == nil {
			o.num(k, n)
			return
		}
	}
	o.str(k, v)
}

// writeJSONString follows nvlist_print_json_string: the usual escapes,
// \uXXXX for control characters and the rest of the Basic Multilingual
// Plane beyond ASCII, and characters outside it dropped.
func writeJSONString(b *strings.Builder, s string) {
	b.WriteByte('"')
	for _, c := range s {
		switch c {
		case '"':
			b.WriteString(`\"`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\\':
			b.WriteString(`\\`)
		case '\f':
			b.WriteString(`\f`)
		case '\t':
			b.WriteString(`\t`)
		case '\b':
			b.WriteString(`\b`)
		default:
			switch {
			case c <= 0x1f || (c > 0x7f && c <= 0xffff):
				fmt.Fprintf(b, `\u%04x`, c)
			case c >= 0x20 && c <= 0x7f:
				b.WriteRune(c)
			}
		}
	}
	b.WriteByte('"')
}
