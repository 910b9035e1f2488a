package action

import "testing"

func TestConfirmation(t *testing.T) {
	base := Action{ID: "x", Title: "Cancel scrub", Target: "tank", Count: 12}
	tests := []struct {
		danger   Danger
		required bool
		prompt   string
		expect   string
		accept   []string
		reject   []string
	}{
		{Safe, false, "", "", []string{"", "n", "anything"}, nil},
		{Change, true, "Cancel scrub on tank? [y/N]", "y",
			[]string{"y", "Y", "yes", "YES", " y ", "y\n", "y\r\n"},
			[]string{"", "\n", "n", "N", "no", "ye", "tank", "yess", "1"}},
		{Destructive, true, "Cancel scrub on tank cannot be undone. Type tank to confirm:", "tank",
			[]string{"tank", "tank\n", "tank\r\n"},
			[]string{"", "y", "yes", "Tank", "TANK", " tank", "tank ", "tan", "tank2", "12"}},
		{Bulk, true, "Cancel scrub affects 12 objects. Type 12 to confirm:", "12",
			[]string{"12", "12\n"},
			[]string{"", "y", "tank", "11", "13", "012", "12.0", " 12", "twelve"}},
		{Danger(9), true, "Cancel scrub: unknown danger level", "",
			nil, []string{"", "y", "tank", "12"}},
	}
	for _, tt := range tests {
		a := base
		a.Danger = tt.danger
		c := a.Confirmation()
		if c.Required != tt.required || c.Prompt != tt.prompt || c.Expect != tt.expect || c.Danger != tt.danger {
			t.Errorf("%s: confirmation %+v", tt.danger, c)
		}
		for _, in := range tt.accept {
			if !c.Accepts(in) {
				t.Errorf("%s: %q rejected", tt.danger, in)
			}
		}
		for _, in := range tt.reject {
			if c.Accepts(in) {
				t.Errorf("%s: %q accepted", tt.danger, in)
			}
		}
	}
}

func TestConfirmationZeroValueRejects(t *testing.T) {
	// A dialog built by hand with Required set but no level must not
	// accept anything by accident.
	if (Confirmation{Required: true}).Accepts("") {
		t.Error("zero confirmation accepted empty input")
	}
}

func TestDangerString(t *testing.T) {
	for d, want := range map[Danger]string{Safe: "safe", Change: "change", Destructive: "destructive", Bulk: "bulk", 7: "danger(7)"} {
		if got := d.String(); got != want {
			t.Errorf("%d: %q, want %q", int(d), got, want)
		}
	}
}
