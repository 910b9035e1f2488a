package config

import (
	"fmt"
	"math"
	"time"
)

// Setting is one optional value from the file. Set tells a key that was
// written from one left out, which is what lets a host section override
// only the keys it names.
//
// It decodes itself (toml.Unmarshaler), so a value of the wrong type
// comes back from the decoder as a toml.ParseError carrying the key and
// its line, instead of the decoder's free-text error.
type Setting[T bool | int | float64 | string | time.Duration] struct {
	V   T
	Set bool
}

// UnmarshalTOML implements toml.Unmarshaler.
func (s *Setting[T]) UnmarshalTOML(data any) error {
	var v any
	switch any(s.V).(type) {
	case bool:
		b, ok := data.(bool)
		if !ok {
			return fmt.Errorf("want true or false, got %s", describe(data))
		}
		v = b
	case int:
		n, ok := data.(int64)
		if !ok {
			return fmt.Errorf("want a whole number, got %s", describe(data))
		}
		if n < math.MinInt32 || n > math.MaxInt32 {
			return fmt.Errorf("%d is out of range", n)
		}
		v = int(n)
	case float64:
		// rtt_ms = 12 is as natural as rtt_ms = 12.5: TOML keeps the
		// two apart, people do not.
		switch n := data.(type) {
		case float64:
			v = n
		case int64:
			v = float64(n)
		default:
			return fmt.Errorf("want a number, got %s", describe(data))
		}
	case string:
		str, ok := data.(string)
		if !ok {
			return fmt.Errorf("want a string, got %s", describe(data))
		}
		v = str
	case time.Duration:
		str, ok := data.(string)
		if !ok {
			// A bare number would be nanoseconds to Go and seconds to
			// most people; make the unit explicit.
			return fmt.Errorf(`want a duration with a unit such as "5s", got %s`, describe(data))
		}
		d, err := time.ParseDuration(str)
		if err != nil {
			return fmt.Errorf(`%q is not a duration (write e.g. "5s", "1m30s")`, str)
		}
		v = d
	}
	s.V = v.(T)
	s.Set = true
	return nil
}

// describe names a decoded TOML value's type for error messages.
func describe(data any) string {
	switch v := data.(type) {
	case bool:
		return fmt.Sprintf("the boolean %v", v)
	case int64:
		return fmt.Sprintf("the number %d", v)
	case float64:
		return fmt.Sprintf("the number %v", v)
	case string:
		return fmt.Sprintf("the string %q", v)
	case map[string]any:
		return "a table"
	case []any, []map[string]any:
		return "an array"
	}
	return fmt.Sprintf("a %T", data)
}
