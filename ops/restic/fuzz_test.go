package restic

import (
	"testing"
	"time"
)

// Seeds are the real captures; no input may panic.

func seed(f *testing.F, names ...string) {
	for _, n := range names {
		for _, gen := range generations {
			f.Add(loadOpt(f, gen+"_"+n))
		}
	}
}

func FuzzParseSnapshots(f *testing.F) {
	seed(f, "snapshots.json")
	f.Fuzz(func(t *testing.T, s string) {
		if snaps, err := ParseSnapshots([]byte(s)); err == nil {
			LatestPerGroup(snaps, time.Now(), time.Hour)
		}
	})
}

func FuzzParseLocks(f *testing.F) {
	seed(f, "locks_one.txt", "cat_lock.json")
	f.Fuzz(func(t *testing.T, s string) {
		ParseLockList(s)
		ParseLock([]byte(s))
		ParsePIDs(s)
	})
}

func FuzzParseCheck(f *testing.F) {
	seed(f, "check.txt", "check.json", "damaged_check.txt.err", "damaged_check.json.err")
	f.Fuzz(func(t *testing.T, s string) {
		ParseCheckText(s, s, 1)
		ParseCheckJSON(s, s, 1)
		ParseFailure(1, s)
	})
}

func FuzzParseLs(f *testing.F) {
	seed(f, "ls.json")
	f.Fuzz(func(t *testing.T, s string) {
		ParseLs(s)
	})
}

func FuzzParseUnitShow(f *testing.F) {
	f.Add("ExecMainStatus=0\nExecMainExitTimestamp=Thu 2026-11-26 10:36:33 CET\nActiveState=inactive\n", "+0100")
	f.Add("ExecMainExitTimestamp=@1700000000\n", "")
	f.Fuzz(func(t *testing.T, s, off string) {
		ParseUnitShow(s, "u", off)
		ParseVersion(s)
		ParseSha256(s)
		ParseMtime(s)
	})
}
