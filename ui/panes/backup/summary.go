package backup

import (
	"sort"
	"time"
)

// dsSummary is one dataset's row, folded from the listing one snapshot at
// a time so a partial listing already gives a partial row.
type dsSummary struct {
	name         string
	count        int
	auto, manual int
	// held counts snapshots with at least one hold.
	held           int
	newest, oldest Snapshot
}

// summaries are the rows of one listing: folded incrementally, O(batch)
// per batch, so 100 000 snapshots never cost more than their own parse.
type summaries struct {
	rows  map[string]*dsSummary
	names []string // sorted lazily; nil when a new dataset appeared
	total int
}

func newSummaries() *summaries { return &summaries{rows: map[string]*dsSummary{}} }

// add folds a batch in.
func (s *summaries) add(batch []Snapshot) {
	for _, sn := range batch {
		r, ok := s.rows[sn.Dataset]
		if !ok {
			r = &dsSummary{name: sn.Dataset, newest: sn, oldest: sn}
			s.rows[sn.Dataset] = r
			s.names = nil
		}
		s.total++
		r.count++
		switch {
		case sn.Auto:
			r.auto++
		case sn.Manual:
			r.manual++
		}
		if sn.Holds > 0 {
			r.held++
		}
		if sn.Creation.After(r.newest.Creation) {
			r.newest = sn
		}
		if sn.Creation.Before(r.oldest.Creation) {
			r.oldest = sn
		}
	}
}

// ensure adds an empty row for each dataset of names that has none: a
// dataset without snapshots is shown as such, since it is unprotected
// by them, though nothing says it should have any.
func (s *summaries) ensure(names map[string]uint64) {
	for n := range names {
		if _, ok := s.rows[n]; !ok {
			s.rows[n] = &dsSummary{name: n}
			s.names = nil
		}
	}
}

// sorted is the dataset names in order.
func (s *summaries) sorted() []string {
	if s.names == nil {
		s.names = make([]string, 0, len(s.rows))
		for n := range s.rows {
			s.names = append(s.names, n)
		}
		sort.Strings(s.names)
	}
	return s.names
}

// stale is whether a dataset's newest snapshot is older than rpo.
func (r *dsSummary) stale(now time.Time, rpo time.Duration) bool {
	return r.count > 0 && now.Sub(r.newest.Creation) > rpo
}
