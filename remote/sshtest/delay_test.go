package sshtest

import (
	"bufio"
	"net"
	"testing"
	"time"
)

func TestDelayProxyAddsRoundTrip(t *testing.T) {
	echo, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer echo.Close()
	go func() {
		c, err := echo.Accept()
		if err != nil {
			return
		}
		defer c.Close()
		r := bufio.NewReader(c)
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				return
			}
			c.Write([]byte(line))
		}
	}()
	p, err := NewDelayProxy(echo.Addr().String(), 60*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	c, err := net.Dial("tcp", p.Addr())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	r := bufio.NewReader(c)
	start := time.Now()
	if _, err := c.Write([]byte("ping\n")); err != nil {
		t.Fatal(err)
	}
	got, err := r.ReadString('\n')
	if err != nil || got != "ping\n" {
		t.Fatalf("echo through proxy: %q, %v", got, err)
	}
	// A lower bound only: the delay must be there; an upper bound would
	// make the test depend on machine load.
	if el := time.Since(start); el < 60*time.Millisecond {
		t.Fatalf("round trip took %v, want at least 60ms", el)
	}
}
