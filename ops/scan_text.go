package ops

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// The first line of a `scan:` paragraph, in every form OpenZFS 2.1–2.3
// prints (print_scan_scrub_resilver_status and print_rebuild_status_impl
// in zpool_main.c). "(vdev)" appears for sequential rebuilds.
var (
	reScanActive = regexp.MustCompile(`^(?:thorough )?(scrub|resilver)(?: \([^)]*\))? (in progress since|paused since|canceled on) (.+)$`)
	reScrubDone  = regexp.MustCompile(`^(?:thorough )?scrub repaired (\S+) in (.+) with (\d+) errors on (.+)$`)
	reResilvered = regexp.MustCompile(`^resilvered(?: \([^)]*\))? (\S+) in (.+) with (\d+) errors on (.+)$`)

	reClauseScanned2 = regexp.MustCompile(`^(\S+) / (\S+) scanned(?: at (\S+)/s)?$`)
	reClauseScanned1 = regexp.MustCompile(`^(\S+) scanned(?: at (\S+)/s)?$`)
	reClauseIssued2  = regexp.MustCompile(`^(\S+) / (\S+) issued(?: at (\S+)/s)?$`)
	reClauseIssued1  = regexp.MustCompile(`^(\S+) issued(?: at (\S+)/s)?$`)
	reClauseTotal    = regexp.MustCompile(`^(\S+) total$`)
	reClauseRepaired = regexp.MustCompile(`^(\S+) (?:repaired|resilvered)$`)
	reClauseDone     = regexp.MustCompile(`^([0-9.]+)% done$`)
	reClauseToGo     = regexp.MustCompile(`^(.+) to go$`)
	reClauseStarted  = regexp.MustCompile(`^(?:thorough )?scrub started on (.+)$`)
)

// ParseScanText reads the paragraph zpool status prints after "scan:":
// its first line (without the "scan:" label) and the tab-indented lines
// below it, joined by newlines. Dates are ctime(3) strings in the host's
// zone loc. Byte figures are the rounded ones the text shows.
func ParseScanText(text string, loc *time.Location) (Scan, error) {
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	sc := Scan{State: ScanNone, Text: strings.Join(lines, "\n")}
	if len(lines) == 0 {
		return sc, fmt.Errorf("empty scan paragraph")
	}
	first := lines[0]
	if first == "none requested" {
		return sc, nil
	}
	if m := reScrubDone.FindStringSubmatch(first); m != nil {
		sc.Function = "scrub"
		return sc, finishedScan(&sc, m[1], m[2], m[3], m[4], loc)
	}
	if m := reResilvered.FindStringSubmatch(first); m != nil {
		sc.Function = "resilver"
		return sc, finishedScan(&sc, m[1], m[2], m[3], m[4], loc)
	}
	m := reScanActive.FindStringSubmatch(first)
	if m == nil {
		return sc, fmt.Errorf("unrecognised scan line %q", first)
	}
	sc.Function = m[1]
	when, err := parseCtime(m[3], loc)
	if err != nil {
		return sc, err
	}
	switch m[2] {
	case "canceled on":
		sc.State, sc.End = ScanCanceled, when
		return sc, nil
	case "paused since":
		sc.State, sc.PausedSince = ScanPaused, when
	default:
		sc.State, sc.Start = ScanScanning, when
	}
	return sc, progressClauses(&sc, lines[1:], loc)
}

func finishedScan(sc *Scan, repaired, dur, errs, date string, loc *time.Location) error {
	sc.State = ScanFinished
	sc.Percent = 100
	var err error
	if sc.Repaired, err = ParseNiceBytes(repaired); err != nil {
		return err
	}
	d, err := parseDHMS(dur)
	if err != nil {
		return err
	}
	if sc.Errors, err = strconv.ParseUint(errs, 10, 64); err != nil {
		return fmt.Errorf("scan errors: %w", err)
	}
	if sc.End, err = parseCtime(date, loc); err != nil {
		return err
	}
	// ZFS prints end-start; recover the start so both parsers agree.
	sc.Start = sc.End.Add(-d)
	return nil
}

// progressClauses reads the lines after "in progress"/"paused": comma
// separated clauses whose set differs between releases (2.1: "X scanned
// at R/s, Y issued at R/s, Z total"; 2.3: "X / T scanned, Y / T issued at
// R/s"). Unknown clauses are skipped so a new release's additions do not
// hide the figures we do know.
func progressClauses(sc *Scan, lines []string, loc *time.Location) error {
	var clauses []string
	for _, l := range lines {
		clauses = append(clauses, strings.Split(l, ", ")...)
	}
	for _, c := range clauses {
		c = strings.TrimSpace(c)
		if err := progressClause(sc, c, loc); err != nil {
			return fmt.Errorf("scan clause %q: %w", c, err)
		}
	}
	if sc.State != ScanScanning {
		// A paused scan has no rate and no estimate, whatever was parsed.
		sc.Rate, sc.ETA, sc.HasETA = 0, 0, false
	}
	return nil
}

func progressClause(sc *Scan, c string, loc *time.Location) error {
	var err error
	switch {
	case c == "no estimated completion time":
		sc.HasETA, sc.ETA = false, 0
	case reClauseStarted.MatchString(c):
		sc.Start, err = parseCtime(reClauseStarted.FindStringSubmatch(c)[1], loc)
	case reClauseScanned2.MatchString(c):
		m := reClauseScanned2.FindStringSubmatch(c)
		if sc.Examined, err = ParseNiceBytes(m[1]); err == nil {
			sc.Total, err = ParseNiceBytes(m[2])
		}
	case reClauseScanned1.MatchString(c):
		sc.Examined, err = ParseNiceBytes(reClauseScanned1.FindStringSubmatch(c)[1])
	case reClauseIssued2.MatchString(c):
		m := reClauseIssued2.FindStringSubmatch(c)
		if sc.Issued, err = ParseNiceBytes(m[1]); err == nil && m[3] != "" {
			sc.Rate, err = ParseNiceBytes(m[3])
		}
	case reClauseIssued1.MatchString(c):
		m := reClauseIssued1.FindStringSubmatch(c)
		if sc.Issued, err = ParseNiceBytes(m[1]); err == nil && m[2] != "" {
			sc.Rate, err = ParseNiceBytes(m[2])
		}
	case reClauseTotal.MatchString(c):
		sc.Total, err = ParseNiceBytes(reClauseTotal.FindStringSubmatch(c)[1])
	case reClauseRepaired.MatchString(c):
		sc.Repaired, err = ParseNiceBytes(reClauseRepaired.FindStringSubmatch(c)[1])
	case reClauseDone.MatchString(c):
		sc.Percent, err = strconv.ParseFloat(reClauseDone.FindStringSubmatch(c)[1], 64)
		if err == nil && (sc.Percent < 0 || sc.Percent > 1000) {
			err = fmt.Errorf("percent out of range")
		}
	case reClauseToGo.MatchString(c):
		var d time.Duration
		if d, err = parseDHMS(reClauseToGo.FindStringSubmatch(c)[1]); err == nil {
			sc.ETA, sc.HasETA = d, true
		}
	}
	return err
}
