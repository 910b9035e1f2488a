package restic

import (
	"context"
	"errors"

	"github.com/opsdeck/opsdeck/ops"
)

// DefaultCandidates bounds DrillCandidates when limit <= 0.
const DefaultCandidates = 5000

// DrillCandidates lists regular files of repo's latest snapshot for the
// restore drill's picker, at most limit of them, streaming `restic ls
// --json latest` so a huge snapshot is never held whole; the listing is
// stopped once limit files were seen.
func DrillCandidates(ctx context.Context, h *ops.Host, repo RepoConfig, limit int) ([]Node, error) {
	if limit <= 0 {
		limit = DefaultCandidates
	}
	argv, err := ArgvLs(repo)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		p       LsParser
		files   []Node
		badLine error
	)
	_, err = resticRunner(h).Stream(ctx, argv, func(line string) {
		if len(files) >= limit || badLine != nil {
			return
		}
		n, err := p.Feed(line)
		switch {
		case errors.Is(err, errSkip):
		case err != nil:
			badLine = err
			cancel()
		case n.Type == "file":
			files = append(files, n)
			if len(files) >= limit {
				cancel()
			}
		}
	})
	if badLine != nil {
		return nil, badLine
	}
	if len(files) >= limit {
		return files, nil
	}
	if err != nil {
		return nil, classify(err, h.Name, repo.Repository)
	}
	return files, nil
}
