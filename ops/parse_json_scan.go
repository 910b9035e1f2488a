package ops

import (
	"math"
	"strings"
	"time"
)

// jsonScan is scan_stats of `zpool status -j`.
type jsonScan struct {
	Function         string `json:"function"`
	State            string `json:"state"`
	StartTime        jtime  `json:"start_time"`
	EndTime          jtime  `json:"end_time"`
	ToExamine        jnum   `json:"to_examine"`
	Examined         jnum   `json:"examined"`
	Skipped          jnum   `json:"skipped"`
	Processed        jnum   `json:"processed"`
	Errors           jnum   `json:"errors"`
	PassStart        jtime  `json:"pass_start"`
	ScrubPause       jtime  `json:"scrub_pause"`
	ScrubSpentPaused jnum   `json:"scrub_spent_paused"`
	PassIssued       jnum   `json:"issued_bytes_per_scan"`
	Issued           jnum   `json:"issued"`
}

// etaMinRate is the issue rate below which zpool status gives no
// estimate (10 MiB/s).
const etaMinRate = 10 << 20

// scan maps scan_stats with the rules print_scan_scrub_resilver_status
// applies, so JSON and text agree: percent is issued over (to_examine -
// skipped), a finished scan is 100 %, a scrub with scrub_pause set is
// paused, and an ETA exists only when zpool would print one.
func (js jsonScan) scan(now time.Time) Scan {
	sc := Scan{
		Function: strings.ToLower(js.Function),
		State:    ScanNone,
		Examined: uint64(js.Examined),
		Issued:   uint64(js.Issued),
		Total:    uint64(js.ToExamine),
		Repaired: uint64(js.Processed),
		Errors:   uint64(js.Errors),
		Start:    js.StartTime.Time,
	}
	switch strings.ToUpper(js.State) {
	case "FINISHED":
		sc.State, sc.End, sc.Percent = ScanFinished, js.EndTime.Time, 100
		return sc
	case "CANCELED":
		sc.State, sc.End = ScanCanceled, js.EndTime.Time
		return sc
	case "SCANNING":
	default:
		if sc.Function == "none" {
			sc.Function = ""
		}
		return Scan{Function: sc.Function, State: ScanNone}
	}
	sc.State = ScanScanning
	if !js.ScrubPause.IsZero() {
		sc.State, sc.PausedSince = ScanPaused, js.ScrubPause.Time
	}
	totalIssue := uint64(js.ToExamine) - min(uint64(js.Skipped), uint64(js.ToExamine))
	if totalIssue > 0 {
		sc.Percent = math.Round(float64(js.Issued)/float64(totalIssue)*10000) / 100
	}
	if sc.State != ScanScanning || now.IsZero() || js.PassStart.IsZero() {
		return sc
	}
	elapsed := int64(now.Sub(js.PassStart.Time)/time.Second) - int64(js.ScrubSpentPaused)
	if elapsed <= 0 {
		elapsed = 1
	}
	sc.Rate = uint64(js.PassIssued) / uint64(elapsed)
	started := (sc.Function == "resilver" && sc.Repaired > 0) || (sc.Function == "scrub" && sc.Issued > 0)
	if totalIssue >= sc.Issued && sc.Rate >= etaMinRate && started {
		sc.ETA = time.Duration((totalIssue-sc.Issued)/sc.Rate) * time.Second
		sc.HasETA = true
	}
	return sc
}
