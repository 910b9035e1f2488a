package action

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// ParamKind is the type a parameter's value must parse as.
type ParamKind int

// Parameter kinds.
const (
	ParamString ParamKind = iota
	ParamInt
	ParamBool
	ParamChoice
)

// Redacted replaces secret values in previews, output and the audit log.
const Redacted = "<redacted>"

// Param is one typed value an action needs from the operator. Values are
// kept as the text typed into the UI and checked against Kind, Choices and
// Validate before any step runs.
type Param struct {
	// Name is how steps refer to the value: "{name}" inside an argv
	// element is replaced by it.
	Name string
	// Label is what the UI's form shows.
	Label string
	Kind  ParamKind
	// Value is the current value as text.
	Value string
	// Choices are the allowed values of a ParamChoice.
	Choices []string
	// Optional lets a value be empty; otherwise empty is an error.
	Optional bool
	// Secret values never reach previews, the task line or the audit log.
	Secret bool
	// Validate adds a check of its own after the kind's (nil: none).
	Validate func(value string) error
}

// Check validates the parameter's current value.
func (p Param) Check() error {
	if p.Value == "" {
		if p.Optional {
			return nil
		}
		return fmt.Errorf("%s: a value is required", p.label())
	}
	switch p.Kind {
	case ParamString:
	case ParamInt:
		if _, err := strconv.Atoi(p.Value); err != nil {
			return fmt.Errorf("%s: %q is not a whole number", p.label(), p.shown())
		}
	case ParamBool:
		if _, err := strconv.ParseBool(p.Value); err != nil {
			return fmt.Errorf("%s: %q is not true or false", p.label(), p.shown())
		}
	case ParamChoice:
		if !slices.Contains(p.Choices, p.Value) {
			return fmt.Errorf("%s: %q is not one of %s", p.label(), p.shown(), strings.Join(p.Choices, ", "))
		}
	default:
		return fmt.Errorf("%s: unknown parameter kind %d", p.label(), int(p.Kind))
	}
	if p.Validate != nil {
		if err := p.Validate(p.Value); err != nil {
			return fmt.Errorf("%s: %w", p.label(), err)
		}
	}
	return nil
}

func (p Param) label() string {
	if p.Label != "" {
		return p.Label
	}
	return p.Name
}

// shown is the value as an error message may quote it.
func (p Param) shown() string {
	if p.Secret {
		return Redacted
	}
	return p.Value
}

func checkParams(params []Param) error {
	seen := make(map[string]bool, len(params))
	for _, p := range params {
		if p.Name == "" {
			return errors.New("a parameter has no name")
		}
		if seen[p.Name] {
			return fmt.Errorf("parameter %q declared twice", p.Name)
		}
		seen[p.Name] = true
		if err := p.Check(); err != nil {
			return err
		}
	}
	return nil
}

// IntRange returns a Validate func for a ParamInt bounded to [lo, hi].
func IntRange(lo, hi int) func(string) error {
	return func(s string) error {
		n, err := strconv.Atoi(s)
		if err != nil {
			return fmt.Errorf("%q is not a whole number", s)
		}
		if n < lo || n > hi {
			return fmt.Errorf("%d is outside %d…%d", n, lo, hi)
		}
		return nil
	}
}

// Values are an action's parameter values by name.
type Values map[string]string

// Int returns the named value as an int.
func (v Values) Int(name string) (int, error) { return strconv.Atoi(v[name]) }

// Bool returns the named value as a bool.
func (v Values) Bool(name string) (bool, error) { return strconv.ParseBool(v[name]) }

// Values returns the current parameter values.
func (a Action) Values() Values {
	v := make(Values, len(a.Params))
	for _, p := range a.Params {
		v[p.Name] = p.Value
	}
	return v
}

// substituter replaces {name} by each parameter's value in one pass, so a
// value that itself contains "{other}" is never expanded again. With
// redact, secret values become Redacted.
func (a Action) substituter(redact bool) *strings.Replacer {
	pairs := make([]string, 0, 2*len(a.Params))
	for _, p := range a.Params {
		val := p.Value
		if redact && p.Secret {
			val = Redacted
		}
		pairs = append(pairs, "{"+p.Name+"}", val)
	}
	return strings.NewReplacer(pairs...)
}

func substitute(r *strings.Replacer, argv []string) []string {
	out := make([]string, len(argv))
	for i, arg := range argv {
		out[i] = r.Replace(arg)
	}
	return out
}

// redactText removes every non-empty secret value from free text such as
// stderr or an error message, which may echo a command line.
func (a Action) redactText(s string) string {
	for _, p := range a.Params {
		if p.Secret && p.Value != "" {
			s = strings.ReplaceAll(s, p.Value, Redacted)
		}
	}
	return s
}
