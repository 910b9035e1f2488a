package action

import (
	"errors"
	"strings"
	"testing"
)

func TestParamCheck(t *testing.T) {
	even := func(s string) error {
		if len(s)%2 != 0 {
			return errors.New("odd length")
		}
		return nil
	}
	tests := []struct {
		p    Param
		want string // substring of the error; "" for valid
	}{
		{Param{Name: "s", Value: "tank/data"}, ""},
		{Param{Name: "s", Value: ""}, "s: a value is required"},
		{Param{Name: "s", Label: "Dataset", Value: ""}, "Dataset: a value is required"},
		{Param{Name: "s", Value: "", Optional: true}, ""},
		{Param{Name: "n", Kind: ParamInt, Value: "42"}, ""},
		{Param{Name: "n", Kind: ParamInt, Value: "-3"}, ""},
		{Param{Name: "n", Kind: ParamInt, Value: "4.2"}, `n: "4.2" is not a whole number`},
		{Param{Name: "n", Kind: ParamInt, Value: "99999999999999999999"}, "not a whole number"},
		{Param{Name: "n", Kind: ParamInt, Value: "5", Validate: IntRange(1, 4)}, "n: 5 is outside 1…4"},
		{Param{Name: "n", Kind: ParamInt, Value: "4", Validate: IntRange(1, 4)}, ""},
		{Param{Name: "b", Kind: ParamBool, Value: "true"}, ""},
		{Param{Name: "b", Kind: ParamBool, Value: "maybe"}, `b: "maybe" is not true or false`},
		{Param{Name: "c", Kind: ParamChoice, Value: "lz4", Choices: []string{"off", "lz4", "zstd"}}, ""},
		{Param{Name: "c", Kind: ParamChoice, Value: "LZ4", Choices: []string{"off", "lz4", "zstd"}}, `c: "LZ4" is not one of off, lz4, zstd`},
		{Param{Name: "k", Kind: ParamKind(42), Value: "x"}, "unknown parameter kind 42"},
		{Param{Name: "s", Value: "abc", Validate: even}, "s: odd length"},
		{Param{Name: "s", Value: "abcd", Validate: even}, ""},
		// A secret's value never appears in an error the UI shows.
		{Param{Name: "pw", Kind: ParamInt, Value: "hunter2", Secret: true}, `pw: "<redacted>" is not a whole number`},
	}
	for _, tt := range tests {
		err := tt.p.Check()
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%+v: unexpected %v", tt.p, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%+v: error %v, want %q", tt.p, err, tt.want)
		}
	}
}

func TestCheckParamsNames(t *testing.T) {
	if err := checkParams([]Param{{Name: "a", Value: "1"}, {Name: "a", Value: "2"}}); err == nil || !strings.Contains(err.Error(), "declared twice") {
		t.Errorf("duplicate: %v", err)
	}
	if err := checkParams([]Param{{Value: "1"}}); err == nil {
		t.Error("nameless parameter accepted")
	}
}

func TestSubstitutionIsSinglePass(t *testing.T) {
	a := Action{Params: []Param{{Name: "a", Value: "{b}"}, {Name: "b", Value: "B"}}}
	got := substitute(a.substituter(false), []string{"x={a}", "y={b}", "{c}", "{}"})
	want := []string{"x={b}", "y=B", "{c}", "{}"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("arg %d: %q, want %q", i, got[i], want[i])
		}
	}
}

func TestValuesTyped(t *testing.T) {
	a := Action{Params: []Param{{Name: "n", Value: "7"}, {Name: "b", Value: "false"}}}
	v := a.Values()
	if n, err := v.Int("n"); err != nil || n != 7 {
		t.Errorf("Int: %d %v", n, err)
	}
	if b, err := v.Bool("b"); err != nil || b {
		t.Errorf("Bool: %v %v", b, err)
	}
	if _, err := v.Int("missing"); err == nil {
		t.Error("missing value parsed as int")
	}
}
