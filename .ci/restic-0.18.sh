#!/usr/bin/env bash
# Builds restic 0.18.1 from the Go module proxy into a cache directory, only
# when it is not there yet, and prints the binary's path. Debian 12 ships
# restic 0.14 (apt); the ops/restic tests run against both generations and
# find this one through OPSDECK_RESTIC_018 or the default path below.
set -euo pipefail
command -v go >/dev/null || export PATH=$PATH:/usr/local/go/bin
version=0.18.1
cache=${XDG_CACHE_HOME:-$HOME/.cache}
dir=$cache/opsdeck-tools/restic-$version
bin=$dir/restic
if [ ! -x "$bin" ] || ! "$bin" version 2>/dev/null | grep -q "restic $version "; then
  mkdir -p "$dir"
  # A private GOBIN so nothing else on the PATH changes; GOFLAGS cleared so
  # a project's -mod setting cannot interfere with a module-mode install.
  GOFLAGS= GOBIN=$dir go install "github.com/restic/restic/cmd/restic@v$version" >&2
fi
echo "$bin"
