package panes

import (
	"time"

	"github.com/opsdeck/opsdeck/ops"
)

// Sections of a HostStatus, named as HostStatus.Errors names them.
const (
	SectionPools    = ops.SectionPools
	SectionDatasets = ops.SectionDatasets
	SectionARC      = ops.SectionARC
	SectionIOStat   = ops.SectionIOStat
	SectionSchedule = ops.SectionSchedule
)

// Sections lists every section Merge tracks.
var Sections = []string{SectionPools, SectionDatasets, SectionARC, SectionIOStat, SectionSchedule}

// Data is what panes render: the latest read merged with earlier ones, so
// a section whose read failed keeps its last good values, marked stale.
type Data struct {
	// Status holds, per section, the newest values read successfully.
	Status ops.HostStatus
	// Errors are the newest read's errors per section (with the hint the
	// ops layer attached); empty when that section read fine.
	Errors map[string]string
	// ReadAt is when each section's shown values were read.
	ReadAt map[string]time.Time
	// Now is the clock at the time panes are drawn.
	Now time.Time
	// Latest is when the newest read was made.
	Latest time.Time
	// Loaded is false until the first read finished.
	Loaded bool
	// Disconnected is true while the connection is down: everything shown
	// is stale.
	Disconnected bool
}

// Merge folds the newest read into the data shown so far. A section that
// failed keeps its previous values (and their read time) so the panes can
// show them as stale next to the error.
func Merge(prev Data, next ops.HostStatus) Data {
	out := Data{
		Status: next,
		Errors: map[string]string{},
		ReadAt: map[string]time.Time{},
		Now:    prev.Now,
		Latest: next.CollectedAt,
		Loaded: true,
	}
	out.Status.Errors = nil
	for _, sec := range Sections {
		msg, failed := next.Errors[sec]
		if !failed {
			out.ReadAt[sec] = next.CollectedAt
			continue
		}
		out.Errors[sec] = msg
		switch t, ok := prev.ReadAt[sec]; {
		case hasSection(next, sec):
			// A partial read (zpool status fine, zpool list failed) is
			// newer than anything kept: show it, with its error.
			out.ReadAt[sec] = next.CollectedAt
		case ok:
			out.ReadAt[sec] = t
			copySection(&out.Status, prev.Status, sec)
		}
	}
	// Errors under names Merge does not know (a future section) are still
	// shown rather than dropped.
	for sec, msg := range next.Errors {
		if _, ok := out.Errors[sec]; !ok {
			out.Errors[sec] = msg
		}
	}
	if next.Platform.ZFSVersion.Raw == "" {
		out.Status.Platform = prev.Status.Platform
	}
	return out
}

func hasSection(st ops.HostStatus, sec string) bool {
	switch sec {
	case SectionPools:
		return len(st.Pools) > 0
	case SectionDatasets:
		return len(st.Datasets) > 0
	case SectionARC:
		return st.ARC != nil
	case SectionIOStat:
		return len(st.IOStat) > 0
	case SectionSchedule:
		return len(st.Schedules) > 0
	}
	return false
}

func copySection(dst *ops.HostStatus, src ops.HostStatus, sec string) {
	switch sec {
	case SectionPools:
		dst.Pools = src.Pools
	case SectionDatasets:
		dst.Datasets = src.Datasets
	case SectionARC:
		dst.ARC = src.ARC
	case SectionIOStat:
		dst.IOStat = src.IOStat
	case SectionSchedule:
		dst.Schedules = src.Schedules
	}
}

// Stale reports whether the section's shown values are older than the
// newest read (its read failed or the connection is down), and their age.
func (d Data) Stale(sec string) (time.Duration, bool) {
	t, ok := d.ReadAt[sec]
	if !ok || (!t.Before(d.Latest) && !d.Disconnected) {
		return 0, false
	}
	return d.Now.Sub(t), true
}

// Has reports whether the section was ever read successfully (its values
// may still be empty: a host without pools).
func (d Data) Has(sec string) bool {
	_, ok := d.ReadAt[sec]
	return ok
}
