#!/bin/bash
# make e2e: the end-to-end suite. Builds what changed in the lab, boots it
# from its first-boot state, runs the e2e Go tests against bin/opsdeck, and
# leaves the lab stopped with its overlays dropped (OPSDECK_E2E_KEEP=1 keeps
# it running).
#
# Which cases run: those listed in testdata/lab/e2e-ci.txt (a case joins it
# after three green runs in a row), or OPSDECK_E2E_RUN=regex, or every case
# with OPSDECK_E2E_ALL=1. Each case's results are appended to
# $OPSDECK_LAB_DIR/e2e-history.txt; `bash e2e.sh streaks` prints the current
# green streak of every case.
#
# Stage timeouts (minutes): OPSDECK_E2E_BUILD_MIN=15, _BOOT_MIN=10, _SUITE_MIN=35.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
# shellcheck source=lib.sh
source "$HERE/lib.sh"
HISTORY=$LAB_DIR/e2e-history.txt

streaks() {
  [ -f "$HISTORY" ] || { echo "no e2e history yet"; return 0; }
  # history lines: TIME RUNID CASE PASS|FAIL|SKIP; the streak is the number of
  # PASSes since the case last failed.
  awk '{ if ($4 == "PASS") s[$3]++; else if ($4 == "FAIL") s[$3] = 0; seen[$3] = 1 }
    END { for (c in seen) printf "%-40s %d green in a row\n", c, s[c] }' "$HISTORY" | sort
}
[ "${1:-}" = streaks ] && { streaks; exit 0; }

[ "$(id -u)" = 0 ] || die "make e2e needs root (the lab uses debootstrap, chroot and mount)"
cd "$ROOT"
[ -x bin/opsdeck ] || die "bin/opsdeck is missing: run make e2e (it builds first)"

if [ -n "${OPSDECK_E2E_RUN:-}" ]; then
  re=$OPSDECK_E2E_RUN
elif [ "${OPSDECK_E2E_ALL:-0}" = 1 ]; then
  re='^TestE2E'
else
  cases=$(grep -Ev '^[[:space:]]*(#|$)' "$HERE/e2e-ci.txt" | awk '{print $1}' | paste -sd'|' -)
  re=${cases:+^($cases)\$}
fi

# shellcheck disable=SC2317 # run by the EXIT trap
finish() {
  local rc=$?
  if [ "${OPSDECK_E2E_KEEP:-0}" = 1 ]; then
    log "OPSDECK_E2E_KEEP=1: the lab keeps running (make lab-stop)"
  else
    timed teardown bash "$HERE/lab.sh" discard || true
  fi
  exit "$rc"
}
trap finish EXIT

t0=$SECONDS
# Compile the suite first: a build error must not cost a lab boot.
suite_bin=$LAB_DIR/e2e.test
mkdir -p "$LAB_DIR"
timed e2e-compile go test -tags e2e -c -o "$suite_bin" .

# A fresh first-boot state for every run: earlier runs or a hand-used lab
# must not leak into the results (and a running lab would block a rebuild).
timed lab-discard bash "$HERE/lab.sh" discard
timed lab-build timeout "$((${OPSDECK_E2E_BUILD_MIN:-15} * 60))" bash "$HERE/lab.sh" build
timed lab-boot timeout "$((${OPSDECK_E2E_BOOT_MIN:-10} * 60))" bash "$HERE/lab.sh" up

if [ -z "$re" ]; then
  log "no case is in testdata/lab/e2e-ci.txt yet: the lab built and booted, no suite ran"
  exit 0
fi
export OPSDECK_LAB_SSH_CONFIG=$LAB_SSH/config OPSDECK_BIN=$ROOT/bin/opsdeck
suite_min=${OPSDECK_E2E_SUITE_MIN:-35}
out=$LAB_DIR/e2e-last.log
log "running e2e cases matching $re"
rc=0
# shellcheck disable=SC2317 # called through timed
run_suite() {
  timeout "$((suite_min * 60 + 60))" \
    "$suite_bin" -test.count=1 -test.v -test.timeout "${suite_min}m" -test.run "$re" >"$out" 2>&1
}
timed e2e-suite run_suite || rc=$?
grep -E '^(--- |FAIL|ok|PASS|panic)|_test\.go:[0-9]+:' "$out" || true
run_id=$(date -u +%Y%m%dT%H%M%SZ)
grep -E '^--- (PASS|FAIL|SKIP): TestE2E' "$out" |
  awk -v t="$(date -u +%FT%TZ)" -v id="$run_id" '{sub(/:$/, "", $2); print t, id, $3, $2}' >>"$HISTORY" || true
log "e2e: exit $rc after $((SECONDS - t0))s in all (full log: $out)"
exit $rc
