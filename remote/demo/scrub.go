package demo

import (
	"fmt"
	"time"
)

// scrubCommand is `zpool scrub [-s | -p] pool...` with OpenZFS 2.3.2's
// outcomes (zpool_scan in libzfs_pool.c): start, resume a paused scrub,
// pause, cancel, and the errors for the states that refuse them.
func (s *Sim) scrubCommand(args []string, now time.Time) Output {
	o, err := getopt(args, "sp", "")
	if err != nil {
		return usageError("zpool", err)
	}
	if o.has('s') && o.has('p') {
		return Output{Stderr: "invalid option combination: -s and -p are mutually exclusive\n", Code: 2}
	}
	if len(o.args) == 0 {
		return Output{Stderr: "missing pool name argument\nusage: see 'zpool help'\n", Code: 2}
	}
	var out Output
	for _, name := range o.args {
		p := s.host.pool(name)
		if p == nil {
			out.Stderr += fmt.Sprintf("cannot open '%s': no such pool\n", name)
			out.Code = 1
			continue
		}
		var msg string
		switch {
		case o.has('s'):
			msg = s.cancelScrub(p, now)
		case o.has('p'):
			msg = s.pauseScrub(p, now)
		default:
			msg = s.startScrub(p, now)
		}
		if msg != "" {
			out.Stderr += msg + "\n"
			out.Code = 1
		}
	}
	return out
}

func scanning(p *Pool) bool { return p.Scan.Func != "" && p.Scan.State == StateScanning }

func (s *Sim) startScrub(p *Pool, now time.Time) string {
	prefix := "cannot scrub " + p.Name + ": "
	switch {
	case scanning(p) && p.Scan.Func == FuncResilver:
		return prefix + "currently resilvering"
	case scanning(p) && p.Scan.PauseTime == 0:
		return prefix + "currently scrubbing; use 'zpool scrub -s' to cancel scrub"
	case scanning(p):
		// Resuming: the pause counts as time spent paused in this pass.
		p.Scan.SpentPaused += uint64(now.Unix()) - p.Scan.PauseTime
		p.Scan.PauseTime = 0
		return ""
	case p.State != "ONLINE" && p.State != "DEGRADED":
		return fmt.Sprintf("cannot scan '%s': pool is currently unavailable", p.Name)
	}
	t := uint64(now.Unix())
	total := roundBlock(p.Root.Alloc)
	p.Scan = Scan{Func: FuncScrub, State: StateScanning, StartTime: t, PassStart: t,
		ToExamine: total, Skipped: roundBlock(total / 4000)}
	s.progress(p, now)
	return ""
}

func (s *Sim) pauseScrub(p *Pool, now time.Time) string {
	switch {
	case !scanning(p) || p.Scan.Func != FuncScrub:
		// OpenZFS 2.3 treats pausing when no scrub runs as done (ENOENT
		// is mapped to success since error scrubs were added).
		return ""
	case p.Scan.PauseTime != 0:
		return "cannot pause scrubbing " + p.Name + ": scrub is paused; use 'zpool scrub' to resume scrub"
	}
	p.Scan.PauseTime = uint64(now.Unix())
	return ""
}

func (s *Sim) cancelScrub(p *Pool, now time.Time) string {
	if !scanning(p) {
		return "cannot cancel scrubbing " + p.Name + ": there is no active scrub"
	}
	p.Scan.State = StateCanceled
	p.Scan.EndTime = uint64(now.Unix())
	p.Scan.PauseTime = 0
	return ""
}

// advance brings a running scrub up to now, finishing it when done.
func (s *Sim) advance(p *Pool, now time.Time) {
	if scanning(p) && p.Scan.Func == FuncScrub {
		s.progress(p, now)
	}
}

// progress sets a running scrub's figures for its active time so far.
// The scan phase (metadata traversal, "scanned") takes the first sixth
// of the run; issuing (the reads that verify data) starts a moment later
// and ends with the run, so percent done, rates and ETA stay consistent
// with what zpool would compute from them.
func (s *Sim) progress(p *Pool, now time.Time) {
	sc := &p.Scan
	end := uint64(now.Unix())
	if sc.PauseTime != 0 {
		end = sc.PauseTime
	}
	active := float64(end) - float64(sc.PassStart) - float64(sc.SpentPaused)
	d := s.scrub.Seconds()
	scanPhase, lag := d/6, d/40
	totalI := sc.ToExamine - sc.Skipped
	if active >= d {
		sc.State = StateFinished
		sc.EndTime = sc.PassStart + sc.SpentPaused + uint64(d)
		sc.Examined, sc.Issued, sc.PassIssued, sc.PassExam = sc.ToExamine, totalI, totalI, 0
		return
	}
	sc.Examined = roundBlock(uint64(float64(sc.ToExamine) * clamp01(active/scanPhase)))
	sc.PassExam = sc.Examined
	if sc.Examined >= sc.ToExamine {
		sc.PassExam = 0 // the traversal is over; zpool stops showing its rate
	}
	sc.Issued = roundBlock(uint64(float64(totalI) * clamp01((active-lag)/(d-lag))))
	sc.PassIssued = sc.Issued
}

func clamp01(f float64) float64 {
	switch {
	case f < 0:
		return 0
	case f > 1:
		return 1
	}
	return f
}

// roundBlock rounds down to a 4 KiB block, the pool's ashift=12 unit.
func roundBlock(n uint64) uint64 { return n &^ 4095 }
