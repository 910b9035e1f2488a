package ops

import (
	"context"
	"testing"

	"github.com/opsdeck/opsdeck/remote"
)

// TestReadPoolsFallsBackWhenSudoRefuses: a host whose sudoers allows only
// `zpool scrub` refuses `sudo -n zpool status`; the pools are still read
// without sudo (only the damaged-file list needs root).
func TestReadPoolsFallsBackWhenSudoRefuses(t *testing.T) {
	replies := hostReplies("2.3")
	f := newFake(t, replies)
	refusing := newFake(t, map[string]reply{
		key(ArgvPoolStatusJSON()): {err: &remote.ExitError{Argv: append([]string{"sudo", "-n", "--"}, ArgvPoolStatusJSON()...), Code: 1,
			Stderr: "sudo: a password is required\n"}},
	})
	h := &Host{Name: "lab", Runner: f, Privileged: refusing, Platform: Platform{ZFSVersion: ZFSVersion{Major: 2, Minor: 3}}}
	pools, err := ReadPools(context.Background(), h)
	if err != nil {
		t.Fatalf("ReadPools: %v", err)
	}
	if len(pools) != 1 || pools[0].Name != "tank" {
		t.Fatalf("pools %+v", pools)
	}
	// Any other failure of the privileged read is reported, not hidden.
	refusing = newFake(t, map[string]reply{
		key(ArgvPoolStatusJSON()): {err: &remote.ExitError{Argv: ArgvPoolStatusJSON(), Code: 1, Stderr: "internal error\n"}},
	})
	h.Privileged = refusing
	if _, err := ReadPools(context.Background(), h); err == nil {
		t.Fatal("a failing zpool status was hidden by the fallback")
	}
}
