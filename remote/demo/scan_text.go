package demo

import (
	"fmt"
	"strings"
	"time"
)

// writeScanText prints the `scan:` line(s) the way OpenZFS 2.3's
// print_scan_scrub_resilver_status does. now is the server's clock: the
// rates are averages over the pass so far, exactly as zpool computes them.
func writeScanText(b *strings.Builder, s Scan, now time.Time, loc *time.Location) {
	if s.Func == "" {
		return
	}
	b.WriteString("  scan: ")
	processed := niceBytes(s.Processed)
	scrub := s.Func == FuncScrub
	switch s.State {
	case StateFinished:
		verb := "scrub repaired"
		if !scrub {
			verb = "resilvered"
		}
		fmt.Fprintf(b, "%s %s in %s with %d errors on %s", verb, processed,
			secsToDHMS(s.EndTime-s.StartTime), s.Errors, ctime(s.EndTime, loc))
		return
	case StateCanceled:
		what := "scrub"
		if !scrub {
			what = "resilver"
		}
		fmt.Fprintf(b, "%s canceled on %s", what, ctime(s.EndTime, loc))
		return
	}

	paused := s.PauseTime != 0
	switch {
	case scrub && !paused:
		fmt.Fprintf(b, "scrub in progress since %s", ctime(s.StartTime, loc))
	case scrub:
		fmt.Fprintf(b, "scrub paused since %s", ctime(s.PauseTime, loc))
		fmt.Fprintf(b, "\tscrub started on %s", ctime(s.StartTime, loc))
	default:
		fmt.Fprintf(b, "resilver in progress since %s", ctime(s.StartTime, loc))
	}

	totalI := s.ToExamine - s.Skipped
	fraction := float64(s.Issued) / float64(totalI)
	// zpool does this arithmetic in uint64, so a clock behind pass_start
	// wraps; the simulator's clock never goes back, so plain ints suffice.
	elapsed := uint64(now.Unix()) - s.PassStart - s.SpentPaused
	if elapsed == 0 {
		elapsed = 1
	}
	scanRate := s.PassExam / elapsed
	issueRate := s.PassIssued / elapsed

	fmt.Fprintf(b, "\t%s / %s scanned", niceBytes(s.Examined), niceBytes(s.ToExamine))
	if !paused && scanRate > 0 {
		fmt.Fprintf(b, " at %s/s", niceBytes(scanRate))
	}
	fmt.Fprintf(b, ", %s / %s issued", niceBytes(s.Issued), niceBytes(totalI))
	if !paused && issueRate > 0 {
		fmt.Fprintf(b, " at %s/s", niceBytes(issueRate))
	}
	b.WriteString("\n")
	verb := "repaired"
	if !scrub {
		verb = "resilvered"
	}
	fmt.Fprintf(b, "\t%s %s, %.2f%% done", processed, verb, 100*fraction)
	if paused {
		b.WriteString("\n")
		return
	}
	if totalI >= s.Issued && issueRate >= 10*1024*1024 &&
		((!scrub && s.Processed > 0) || (scrub && s.Issued > 0)) {
		fmt.Fprintf(b, ", %s to go\n", secsToDHMS((totalI-s.Issued)/issueRate))
	} else {
		b.WriteString(", no estimated completion time\n")
	}
}
