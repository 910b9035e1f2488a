package restic

import (
	"context"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/remote"
)

// reader runs one repository's commands on a host.
type reader struct {
	host string
	repo RepoConfig
	// privileged runs restic: repositories and their password files are
	// usually root's, so restic goes through sudo when the host says so.
	privileged remote.Runner
	runner     remote.Runner
}

func newReader(h *ops.Host, repo RepoConfig) reader {
	return reader{host: h.Name, repo: repo, privileged: resticRunner(h), runner: h.Runner}
}

// resticRunner is the runner restic commands use.
func resticRunner(h *ops.Host) remote.Runner {
	if h.Privileged != nil {
		return h.Privileged
	}
	return h.Runner
}

// out runs a restic command and returns its stdout, or a classified
// *Error.
func (r reader) out(ctx context.Context, argv []string) (string, error) {
	res, err := r.privileged.Run(ctx, argv)
	if err != nil {
		return "", classify(err, r.host, r.repo.Repository)
	}
	return string(res.Stdout), nil
}

// plain runs a non-restic command unprivileged.
func (r reader) plain(ctx context.Context, argv []string) (string, error) {
	res, err := r.runner.Run(ctx, argv)
	if err != nil {
		return "", err
	}
	return string(res.Stdout), nil
}
