#!/bin/bash
# opsdeck lab: a throwaway Debian 12 VM running real OpenZFS 2.3 under qemu.
#
#   bash testdata/lab/lab.sh up      build what changed, boot (KVM or TCG), print how to connect
#   bash testdata/lab/lab.sh stop    power the VM off (keeps its current state)
#   bash testdata/lab/lab.sh reset   stop, drop the overlays, boot the first-boot state again
#   bash testdata/lab/lab.sh ssh [cmd...]   ssh into the guest as root
#   bash testdata/lab/lab.sh build [--through STEP]   only build (steps: hostpkgs debootstrap
#                                    packages zfs configure image base)
#   bash testdata/lab/lab.sh discard stop and delete the overlays (next up boots fresh)
#   bash testdata/lab/lab.sh status  print whether it runs and where its files are
#
# Needs root (debootstrap, chroot, mount). Artefacts: $OPSDECK_LAB_DIR, default
# ${XDG_CACHE_HOME:-~/.cache}/opsdeck-lab. See docs/lab.md.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib.sh
source "$HERE/lib.sh"
# shellcheck source=build.sh
source "$HERE/build.sh"
# shellcheck source=configure.sh
source "$HERE/configure.sh"
# shellcheck source=vm.sh
source "$HERE/vm.sh"
# shellcheck source=session.sh
source "$HERE/session.sh"

STEPS=(debootstrap packages zfs configure image base)

# step_inputs NAME: the inputs of a step other than its code and the previous key.
step_inputs() {
  case $1 in
  debootstrap) echo "$LAB_MIRROR $LAB_SECMIRROR" ;;
  zfs) echo "$LAB_ZFS_SUITE" ;;
  configure) cat "$LAB_SSH/id_ed25519.pub" "$LAB_SSH/host_ed25519.pub"; sha256sum "$HERE"/guest/* | cut -d' ' -f1 ;;
  base) echo "${LAB_DISKS[*]}" ;;
  esac
}

# build [LAST]: run the stale steps up to LAST (default: all).
build() {
  local last=${1:-base} prev="" name key stale=0
  mkdir -p "$LAB_DIR" "$LAB_STAMPS"
  timed hostpkgs step_hostpkgs
  ensure_keys
  for name in "${STEPS[@]}"; do
    key=$({ echo "$prev"; declare -f "step_$name"; step_inputs "$name"; } | sha256sum | cut -c1-24)
    if [ $stale = 0 ] && [ "$(cat "$LAB_STAMPS/$name" 2>/dev/null)" = "$key" ]; then
      log "step $name: up to date"
    else
      # A step that runs invalidates every later one, even if their keys match.
      stale=1
      rm -f "$LAB_STAMPS/$name"
      timed "$name" "step_$name" # a failure exits here; the EXIT trap unmounts
      echo "$key" >"$LAB_STAMPS/$name"
    fi
    prev=$key
    [ "$name" = "$last" ] && break
  done
  chroot_umount
}

main() {
  local cmd=${1:-up}
  shift || true
  [ "$cmd" = ssh ] || [ "$cmd" = status ] || [ "$(id -u)" = 0 ] || die "the lab needs root (debootstrap, chroot, mount); run as root"
  mkdir -p "$LAB_DIR"
  trap chroot_umount EXIT
  case $cmd in
  build)
    local through=base
    [ "${1:-}" = --through ] && through=${2:?step}
    with_lock build "$through" ;;
  up) with_lock cmd_up ;;
  stop) with_lock vm_stop ;;
  discard) with_lock cmd_discard ;;
  reset) with_lock cmd_reset ;;
  ssh) [ -f "$LAB_SSH/config" ] || die "no lab yet: run make lab"; exec ssh -F "$LAB_SSH/config" "$LAB_ALIAS" "$@" ;;
  status) cmd_status ;;
  *) die "unknown command $cmd (up|stop|reset|ssh|build|discard|status)" ;;
  esac
}

# with_lock cmd...: one lab operation at a time (make lab and make e2e may race).
with_lock() {
  exec 9>"$LAB_DIR/lock"
  if ! flock -n 9; then
    log "waiting for another lab operation to finish ($LAB_DIR/lock)"
    flock -w 1800 9 || die "another lab operation still holds $LAB_DIR/lock"
  fi
  "$@"
}

main "$@"
