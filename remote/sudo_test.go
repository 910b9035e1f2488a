package remote

import (
	"context"
	"net"
	"reflect"
	"testing"
)

// recordRunner remembers the argv it was asked to run.
type recordRunner struct{ got [][]string }

func (r *recordRunner) Run(_ context.Context, argv []string) (Result, error) {
	r.got = append(r.got, argv)
	return Result{}, nil
}

func (r *recordRunner) Stream(_ context.Context, argv []string, _ func(string)) (Result, error) {
	r.got = append(r.got, argv)
	return Result{}, nil
}

func (r *recordRunner) Dial(context.Context, string, string) (net.Conn, error) { return nil, nil }
func (r *recordRunner) Close() error                                           { return nil }

func TestWithSudo(t *testing.T) {
	rec := &recordRunner{}
	s := WithSudo(rec)
	argv := []string{"zpool", "scrub", "-p", "tank"}
	s.Run(context.Background(), argv)
	s.Stream(context.Background(), []string{"zpool", "wait", "tank"}, func(string) {})
	want := [][]string{
		{"sudo", "-n", "--", "zpool", "scrub", "-p", "tank"},
		{"sudo", "-n", "--", "zpool", "wait", "tank"},
	}
	if !reflect.DeepEqual(rec.got, want) {
		t.Errorf("ran %q, want %q", rec.got, want)
	}
	if argv[0] != "zpool" || len(argv) != 4 {
		t.Errorf("caller's argv modified: %q", argv)
	}
	if _, err := s.Run(context.Background(), nil); err == nil {
		t.Error("empty argv accepted")
	}
}
