package snapshots

import (
	"fmt"
	"sort"
	"time"
)

// Policy is a keep policy: the newest snapshot of each of the last
// Daily days, Weekly ISO weeks, Monthly months and Yearly years that have
// snapshots is kept (restic forget's --keep-daily etc.).
type Policy struct {
	Daily, Weekly, Monthly, Yearly int
}

// DefaultPolicy is the seed's plan: 7 daily, 4 weekly, 12 monthly, 3 yearly.
func DefaultPolicy() Policy { return Policy{Daily: 7, Weekly: 4, Monthly: 12, Yearly: 3} }

// Kept is a snapshot the plan keeps and every reason it does, e.g.
// ["daily 2026-11-25", "weekly 2026-W48"].
type Kept struct {
	Snapshot Snapshot
	Reasons  []string
}

// Reasons a snapshot outside the buckets is kept.
const (
	ReasonNewest = "newest"
	ReasonHeld   = "held"
	ReasonManual = "manual"
	// ReasonNotAuto keeps names with neither prefix: only automatic
	// snapshots are ever candidates.
	ReasonNotAuto = "not automatic"
)

// Plan is what a policy does to one dataset's snapshots.
type Plan struct {
	Dataset string
	Policy  Policy
	// Keep is newest first; Destroy is oldest first.
	Keep    []Kept
	Destroy []Snapshot
}

// PlanRetention applies p to snaps (one dataset's) with day, week, month
// and year boundaries in loc, the server's time zone (nil: UTC). Only
// snapshots n calls automatic are candidates; of those, the newest is
// always kept (so a zero policy never empties a dataset) and held ones
// (Holds > 0) are never destroyed. Manual and other snapshots are kept
// and fill no bucket.
func PlanRetention(dataset string, snaps []Snapshot, p Policy, n Naming, loc *time.Location) Plan {
	if loc == nil {
		loc = time.UTC
	}
	plan := Plan{Dataset: dataset, Policy: p}
	sorted := append([]Snapshot(nil), snaps...)
	sort.SliceStable(sorted, func(i, j int) bool {
		if !sorted[i].Creation.Equal(sorted[j].Creation) {
			return sorted[i].Creation.After(sorted[j].Creation)
		}
		return sorted[i].Name > sorted[j].Name
	})
	reasons := make([][]string, len(sorted))
	buckets := []struct {
		n    int
		name string
		key  func(time.Time) string
	}{
		{p.Daily, "daily", func(t time.Time) string { return t.Format("2006-01-02") }},
		{p.Weekly, "weekly", func(t time.Time) string { y, w := t.ISOWeek(); return fmt.Sprintf("%d-W%02d", y, w) }},
		{p.Monthly, "monthly", func(t time.Time) string { return t.Format("2006-01") }},
		{p.Yearly, "yearly", func(t time.Time) string { return t.Format("2006") }},
	}
	for _, b := range buckets {
		last, kept := "", 0
		for i, s := range sorted {
			if kept >= b.n {
				break
			}
			if n.Kind(s.Name) != KindAuto {
				continue
			}
			// Newest first, so the first snapshot of a new period is
			// that period's newest.
			if k := b.key(s.Creation.In(loc)); k != last {
				reasons[i] = append(reasons[i], b.name+" "+k)
				last = k
				kept++
			}
		}
	}
	newest := true
	for i, s := range sorted {
		switch n.Kind(s.Name) {
		case KindManual:
			reasons[i] = append(reasons[i], ReasonManual)
		case KindOther:
			reasons[i] = append(reasons[i], ReasonNotAuto)
		case KindAuto:
			if newest {
				reasons[i] = append(reasons[i], ReasonNewest)
				newest = false
			}
			if s.Holds > 0 {
				reasons[i] = append(reasons[i], ReasonHeld)
			}
		}
		if len(reasons[i]) > 0 {
			plan.Keep = append(plan.Keep, Kept{Snapshot: s, Reasons: reasons[i]})
		} else {
			plan.Destroy = append(plan.Destroy, s)
		}
	}
	for i, j := 0, len(plan.Destroy)-1; i < j; i, j = i+1, j-1 {
		plan.Destroy[i], plan.Destroy[j] = plan.Destroy[j], plan.Destroy[i]
	}
	return plan
}
