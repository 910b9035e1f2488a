package ops

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// member is one key of a JSON object, in document order. ZFS prints
// vdevs and pools as objects whose key order is the order zpool status
// shows them; a Go map would lose it.
type member struct {
	Key   string
	Value json.RawMessage
}

// orderedObject decodes a JSON object into its members in order. null and
// an absent value give no members.
func orderedObject(raw json.RawMessage) ([]member, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
		return nil, nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return nil, fmt.Errorf("expected an object, got %v", tok)
	}
	var out []member
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		key, ok := tok.(string)
		if !ok {
			return nil, fmt.Errorf("object key %v is not a string", tok)
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		out = append(out, member{Key: key, Value: v})
	}
	if _, err := dec.Token(); err != nil {
		return nil, err
	}
	return out, nil
}

// jnum is an unsigned count that ZFS prints as a JSON number with
// --json-int and as a string ("896M", "0", "-") without it.
type jnum uint64

// UnmarshalJSON accepts a number, a numeric string, a nicenum string or
// "-"/"none" (0).
func (n *jnum) UnmarshalJSON(b []byte) error {
	s := string(bytes.TrimSpace(b))
	if s == "null" {
		return nil
	}
	if strings.HasPrefix(s, `"`) {
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		if s == "-" || s == "none" || s == "" {
			*n = 0
			return nil
		}
		v, err := ParseNiceBytes(s)
		if err != nil {
			return err
		}
		*n = jnum(v)
		return nil
	}
	v, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		f, ferr := strconv.ParseFloat(s, 64)
		if ferr != nil || f < 0 || f > 1.8e19 {
			return fmt.Errorf("not a count: %s", s)
		}
		v = uint64(f)
	}
	*n = jnum(v)
	return nil
}

// jtime is a Unix time that ZFS prints as a number with --json-int and as
// a date string ("Thu Nov 26 10:41:16 UTC 2026") without it. 0 and "-"
// mean unset.
type jtime struct{ time.Time }

// UnmarshalJSON accepts seconds since the epoch or ZFS's date string.
func (t *jtime) UnmarshalJSON(b []byte) error {
	s := string(bytes.TrimSpace(b))
	if s == "null" {
		return nil
	}
	if strings.HasPrefix(s, `"`) {
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
	}
	if s == "-" || s == "" || s == "0" {
		t.Time = time.Time{}
		return nil
	}
	if secs, err := strconv.ParseInt(s, 10, 64); err == nil {
		if secs < 0 || secs > 1<<40 {
			return fmt.Errorf("time out of range: %s", s)
		}
		t.Time = time.Unix(secs, 0).UTC()
		return nil
	}
	// A zone abbreviation other than UTC cannot be resolved reliably;
	// ParseInLocation treats unknown ones as UTC+0, so accept that.
	v, err := parseCtime(s, time.UTC)
	if err != nil {
		return err
	}
	t.Time = v
	return nil
}

// jratio is a ratio ZFS prints as "1.00", "1.05x" or a number.
type jratio float64

// UnmarshalJSON accepts a number or a ratio string.
func (r *jratio) UnmarshalJSON(b []byte) error {
	s := string(bytes.TrimSpace(b))
	if s == "null" {
		return nil
	}
	if strings.HasPrefix(s, `"`) {
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
	}
	f, err := parseRatio(s)
	if err != nil {
		return err
	}
	*r = jratio(f)
	return nil
}

// jstring is a property value that may be a string or a number (with
// --json-int, numeric properties are numbers).
type jstring string

// UnmarshalJSON keeps strings as they are and numbers in their literal form.
func (j *jstring) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if bytes.Equal(b, []byte("null")) {
		return nil
	}
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*j = jstring(s)
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return err
	}
	*j = jstring(n.String())
	return nil
}
