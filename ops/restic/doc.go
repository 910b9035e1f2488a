// Package restic reads restic repositories on a host and builds the
// Backup pane's restic actions (check, restore drill, unlock).
//
// Every command runs on the server through the host's Runner. The
// repository and the way restic gets its password reach restic through
// `env NAME=VALUE restic …` in argv, never through opsdeck's own
// environment, and the password itself never appears anywhere: restic
// reads it on the server from the configured password file or command.
//
// Parsers handle both restic generations in use: Debian 12's 0.14 and
// 0.18 (JSON check output, snapshot summaries, exit codes 10/11/12 and
// JSON error messages).
package restic

import "github.com/opsdeck/opsdeck/ops/config"

// RepoConfig is one configured repository ([[hosts.X.backup.restic]]):
// Name, Repository, PasswordCommand or PasswordFile, CheckUnit.
type RepoConfig = config.ResticRepo
