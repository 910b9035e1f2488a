#!/usr/bin/env bash
# Captures the fixtures in this directory from a real restic binary:
#   bash capture.sh /usr/bin/restic 0.14          (Debian 12's restic)
#   bash capture.sh "$(bash .ci/restic-0.18.sh)" 0.18
# Each file's first line is "# $ COMMAND (restic X.Y.Z)"; error captures
# (*.err) hold standard error and add " -> exit N" to that line; the
# failed command's standard output is kept beside it when it printed any.
# Everything happens under a fresh directory in /tmp, removed at the end.
set -uo pipefail
bin=${1:?restic binary}; gen=${2:?generation, e.g. 0.14}
out=$(cd "$(dirname "$0")" && pwd)
ver=$("$bin" version | awk '{print $2}')
# A fixed directory keeps the paths in the fixtures stable.
w=/tmp/opsdeck-restic-capture
rm -rf "$w"; mkdir -p "$w"
trap 'rm -rf "$w"' EXIT
export RESTIC_CACHE_DIR=$w/cache
repo=$w/repo; pw=$w/pw; echo 'correct horse' >"$pw"; echo 'wrong' >"$w/badpw"
mkdir -p "$w/data/docs" "$w/www"
echo hello >"$w/data/docs/readme.txt"
echo 'quoted' >"$w/data/docs/it's \"q\" \$(x) ünï.txt"
echo site >"$w/www/index.html"
r() { "$bin" -r "$repo" --password-file "$pw" "$@"; }
# save NAME CMD...: stdout into NAME with the header; a non-zero exit also
# writes stderr into NAME.err.
save() {
  local name=$1; shift
  local shown="$*"
  shown=${shown/#r /restic -r $repo --password-file $pw }
  shown=${shown/#$bin /restic }
  "$@" >"$w/o" 2>"$w/e"; local rc=$?
  { echo "# \$ $shown (restic $ver)"; cat "$w/o"; } >"$out/${gen}_$name"
  if [ $rc != 0 ]; then
    { echo "# \$ $shown (restic $ver) -> exit $rc"; cat "$w/e"; } >"$out/${gen}_$name.err"
    # keep standard output only when there is some (check --json's summary)
    [ -s "$w/o" ] || rm -f "$out/${gen}_$name"
  fi
}
save version.txt "$bin" version
save noRepo_snapshots.json r snapshots --json --no-lock
r init >/dev/null
r backup --host zlab "$w/data" >/dev/null
r backup --host web1 "$w/www" >/dev/null
sleep 1
echo more >>"$w/data/docs/readme.txt"
r backup --host zlab "$w/data" >/dev/null
save snapshots.json r snapshots --json --no-lock
save locks_none.txt r list locks --no-lock
save check.txt r check
save check_subset.txt r check --read-data-subset 1/5
[ "$gen" = 0.14 ] || save check.json r check --json
save ls.json r ls --json latest
save restore.txt r restore latest --target "$w/restore" --include "$w/data/docs/readme.txt"
save wrongPassword_snapshots.json "$bin" -r "$repo" --password-file "$w/badpw" snapshots --json --no-lock
save noPasswordFile_snapshots.json "$bin" -r "$repo" --password-file "$w/missing" snapshots --json --no-lock
save failingPasswordCommand_snapshots.json "$bin" -r "$repo" --password-command false snapshots --json --no-lock
save passwordCommand_snapshots.json "$bin" -r "$repo" --password-command "cat $pw" snapshots --json --no-lock
# A running backup holds a shared lock; check needs an exclusive one.
mkfifo "$w/fifo"
"$bin" -r "$repo" --password-file "$pw" backup --host zlab --stdin --stdin-filename held <"$w/fifo" >/dev/null 2>&1 &
holder=$!
exec 7>"$w/fifo"
sleep 3
save locks_one.txt r list locks --no-lock
lock=$(r list locks --no-lock | head -1)
save cat_lock.json r cat lock "$lock" --no-lock
save locked_check.txt r check
[ "$gen" = 0.14 ] || save locked_check.json r check --json
save unlock_live.txt r unlock
save locks_after_unlock_live.txt r list locks --no-lock
# Killed without a chance to remove its lock: a stale lock by restic's rule
# (same host, process gone).
kill -9 $holder; wait $holder 2>/dev/null; exec 7>&-
save locks_stale.txt r list locks --no-lock
save unlock.txt r unlock
save locks_after_unlock.txt r list locks --no-lock
# A pack file lost from the repository: check must report it.
rm -f "$(find "$repo/data" -type f | head -1)"
save damaged_check.txt r check
[ "$gen" = 0.14 ] || save damaged_check.json r check --json
echo "captured restic $ver into $out (${gen}_*)"
