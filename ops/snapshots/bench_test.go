package snapshots

import (
	"strings"
	"testing"
	"time"
)

// BenchmarkParseSnapshots100k parses and summarises 100 000 listing
// lines, as a full listing of a large server delivers them.
func BenchmarkParseSnapshots100k(b *testing.B) {
	lines := strings.Split(strings.TrimSuffix(genLines(100_000), "\n"), "\n")
	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		agg := NewAggregator(DefaultNaming())
		batch := make([]Snapshot, 0, BatchLines)
		for _, l := range lines {
			s, err := ParseLine(l)
			if err != nil {
				b.Fatal(err)
			}
			batch = append(batch, s)
			if len(batch) == BatchLines {
				agg.Add(batch)
				batch = make([]Snapshot, 0, BatchLines)
			}
		}
		agg.Add(batch)
		if sums := agg.Summaries(now, 0, nil); len(sums) != 40 {
			b.Fatalf("%d summaries", len(sums))
		}
	}
}
