package snapshots

import (
	"sort"
	"time"
)

// Summary is one dataset's snapshots at a glance.
type Summary struct {
	Dataset string
	// Count is the number of snapshots; Auto, Manual and Other split it
	// by name prefix (Naming).
	Count, Auto, Manual, Other int
	// Held is how many snapshots carry at least one hold.
	Held int
	// Newest and Oldest are by creation; zero when Count is 0.
	Newest, Oldest Snapshot
	// NewestAge and OldestAge are measured from Summaries' now.
	NewestAge, OldestAge time.Duration
	// UsedBySnapshots is the dataset's usedbysnapshots, bytes; HaveProps
	// is false when the property read did not cover this dataset.
	UsedBySnapshots uint64
	HaveProps       bool
	// RPO is the objective the newest snapshot was checked against.
	RPO time.Duration
	// Stale is true when the newest snapshot is older than RPO. A
	// dataset without snapshots is not stale: nothing says it should
	// have any (Count 0 tells the pane to say so).
	Stale bool
}

// Aggregator builds per-dataset summaries from batches as they arrive;
// it keeps counters only, never the snapshots. Not safe for concurrent
// use (StreamSnapshots never overlaps its onBatch calls).
type Aggregator struct {
	naming Naming
	by     map[string]*Summary
}

// NewAggregator returns an empty aggregator classifying names by n.
func NewAggregator(n Naming) *Aggregator {
	return &Aggregator{naming: n, by: map[string]*Summary{}}
}

// Add counts a batch.
func (a *Aggregator) Add(batch []Snapshot) {
	var last *Summary
	for _, s := range batch {
		// Listings come grouped by dataset often enough that reusing
		// the last entry saves most map look-ups.
		if last == nil || last.Dataset != s.Dataset {
			last = a.by[s.Dataset]
			if last == nil {
				last = &Summary{Dataset: s.Dataset}
				a.by[s.Dataset] = last
			}
		}
		add(last, s, a.naming)
	}
}

func add(sum *Summary, s Snapshot, n Naming) {
	if sum.Count == 0 || s.Creation.After(sum.Newest.Creation) ||
		(s.Creation.Equal(sum.Newest.Creation) && s.Name > sum.Newest.Name) {
		sum.Newest = s
	}
	if sum.Count == 0 || s.Creation.Before(sum.Oldest.Creation) {
		sum.Oldest = s
	}
	sum.Count++
	switch n.Kind(s.Name) {
	case KindAuto:
		sum.Auto++
	case KindManual:
		sum.Manual++
	default:
		sum.Other++
	}
	if s.Holds > 0 {
		sum.Held++
	}
}

// Summaries returns one Summary per dataset, sorted by name: every
// dataset that has snapshots, plus every dataset in props (which may
// be nil) with Count 0 when it has none. Ages are from now; rpo <= 0
// means DefaultRPO.
func (a *Aggregator) Summaries(now time.Time, rpo time.Duration, props map[string]DatasetProps) []Summary {
	if rpo <= 0 {
		rpo = DefaultRPO
	}
	out := make([]Summary, 0, len(a.by)+len(props))
	for _, s := range a.by {
		out = append(out, *s)
	}
	for name := range props {
		if a.by[name] == nil {
			out = append(out, Summary{Dataset: name})
		}
	}
	for i := range out {
		s := &out[i]
		s.RPO = rpo
		if p, ok := props[s.Dataset]; ok {
			s.UsedBySnapshots, s.HaveProps = p.UsedBySnapshots, true
		}
		if s.Count > 0 {
			s.NewestAge = now.Sub(s.Newest.Creation)
			s.OldestAge = now.Sub(s.Oldest.Creation)
			s.Stale = s.NewestAge > rpo
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Dataset < out[j].Dataset })
	return out
}

// Summarise is Aggregator in one call, for a list already in hand.
func Summarise(snaps []Snapshot, n Naming, now time.Time, rpo time.Duration, props map[string]DatasetProps) []Summary {
	a := NewAggregator(n)
	a.Add(snaps)
	return a.Summaries(now, rpo, props)
}
