package remote

import (
	"context"
	"errors"
	"net"
	"strings"
	"testing"
	"time"
)

func TestLocalRun(t *testing.T) {
	r := NewLocal()
	defer r.Close()
	res, err := r.Run(context.Background(), []string{"printf", "%s|", "a b", "$(x)"})
	if err != nil {
		t.Fatal(err)
	}
	if got := string(res.Stdout); got != "a b|$(x)|" {
		t.Errorf("stdout = %q", got)
	}
}

func TestLocalExitError(t *testing.T) {
	r := NewLocal()
	res, err := r.Run(context.Background(), []string{"sh", "-c", "echo oops >&2; exit 3"})
	var ee *ExitError
	if !errors.As(err, &ee) || ee.Code != 3 || res.ExitCode != 3 {
		t.Fatalf("err = %v, res = %+v", err, res)
	}
	if strings.TrimSpace(ee.Stderr) != "oops" {
		t.Errorf("stderr = %q", ee.Stderr)
	}
}

func TestLocalNotInstalled(t *testing.T) {
	_, err := NewLocal().Run(context.Background(), []string{"opsdeck-no-such-tool"})
	if !errors.Is(err, ErrNotInstalled) {
		t.Fatalf("err = %v, want ErrNotInstalled", err)
	}
	if h := Hint(err); h != "opsdeck-no-such-tool is not installed on localhost" {
		t.Errorf("hint = %q", h)
	}
}

func TestLocalStderrBounded(t *testing.T) {
	// 200 KiB of stderr, then a final line that must survive.
	script := "head -c 204800 /dev/zero | tr '\\0' x >&2; echo; echo LAST >&2; exit 1"
	res, err := NewLocal().Run(context.Background(), []string{"sh", "-c", script})
	if err == nil {
		t.Fatal("want an error")
	}
	if len(res.Stderr) > MaxStderr {
		t.Errorf("stderr kept %d bytes, max %d", len(res.Stderr), MaxStderr)
	}
	if !strings.HasSuffix(string(res.Stderr), "LAST\n") {
		t.Errorf("stderr tail lost: ...%q", res.Stderr[len(res.Stderr)-20:])
	}
}

func TestLocalCancel(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := NewLocal().Run(ctx, []string{"sleep", "30"})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("cancel took %v", d)
	}
}

func TestLocalStream(t *testing.T) {
	var lines []string
	res, err := NewLocal().Stream(context.Background(), []string{"printf", "one\ntwo\nthree"}, func(l string) {
		lines = append(lines, l)
	})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(lines, ",") != "one,two,three" || len(res.Stdout) != 0 {
		t.Errorf("lines = %q, stdout = %q", lines, res.Stdout)
	}
}

func TestLocalDial(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		c, err := ln.Accept()
		if err == nil {
			c.Write([]byte("hello"))
			c.Close()
		}
	}()
	c, err := NewLocal().Dial(context.Background(), "tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	buf := make([]byte, 5)
	if _, err := c.Read(buf); err != nil || string(buf) != "hello" {
		t.Errorf("read %q, %v", buf, err)
	}
}

func TestBadArgv(t *testing.T) {
	for _, argv := range [][]string{nil, {""}, {"echo", "a\x00b"}} {
		_, err := NewLocal().Run(context.Background(), argv)
		var ae *ArgvError
		if !errors.As(err, &ae) {
			t.Errorf("Run(%q) err = %v, want *ArgvError", argv, err)
		}
	}
}
