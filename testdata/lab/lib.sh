# shellcheck shell=bash
# Shared settings and helpers for the opsdeck lab scripts (sourced, never run).
# Everything the lab builds lives in $LAB_DIR, outside the repository.

LAB_SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
LAB_DIR=${OPSDECK_LAB_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/opsdeck-lab}
LAB_ROOTFS=$LAB_DIR/rootfs
LAB_STAMPS=$LAB_DIR/stamps
LAB_BASE=$LAB_DIR/base   # images captured after the first boot (read-only backing files)
LAB_RUN=$LAB_DIR/run     # qcow2 overlays, pid, console log, monitor socket of the running VM
LAB_SSH=$LAB_DIR/ssh     # client key, host key, known_hosts, ssh_config
LAB_MIRROR=${OPSDECK_LAB_MIRROR:-http://deb.debian.org/debian}
LAB_SECMIRROR=${OPSDECK_LAB_SECMIRROR:-http://deb.debian.org/debian-security}
LAB_ZFS_SUITE=${OPSDECK_LAB_ZFS_SUITE:-bookworm-backports} # bookworm gives 2.1.11, backports 2.3.x
LAB_PORT=${OPSDECK_LAB_PORT:-10022} # ssh; +1 node-exporter, +2 prometheus, +3 alertmanager, +4 iperf3
LAB_MEM=${OPSDECK_LAB_MEM:-3G}
LAB_CPUS=${OPSDECK_LAB_CPUS:-2}
LAB_BOOT_TIMEOUT=${OPSDECK_LAB_BOOT_TIMEOUT:-420}
LAB_ALIAS=opsdeck-lab

# The guest's virtio disks: serial:size. The serial becomes /dev/disk/by-id/virtio-<serial>.
# zfree0 stays unused by the pool, for disk-replacement tests.
LAB_DISKS=(zdata0:1G zdata1:1G zdata2:1G zdata3:1G zdata4:1G zdata5:1G
  zspec0:512M zspec1:512M zlog0:256M zcache0:256M zspare0:1G zfree0:1G)
# Reads from the raidz2 data disks are throttled (bytes/s per disk) so that a
# scrub of the pool's few hundred MiB lasts long enough to be observed and paused
# even when the host is fast; 0 disables the throttle.
LAB_READ_BPS=${OPSDECK_LAB_READ_BPS:-4194304}

export DEBIAN_FRONTEND=noninteractive LC_ALL=C

log() { printf '[lab %s] %s\n' "$(date -u +%T)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# timed NAME cmd...: run a stage, print and record its wall time, return its
# status. It runs the stage in the background so that errexit holds inside
# it; callers must not call timed from an `||`/`&&` list or an `if`, because
# bash then ignores set -e in everything the call runs, background included.
timed() {
  local name=$1 t0 rc=0 dt
  shift
  t0=$(date +%s.%N)
  "$@" &
  wait $! || rc=$?
  dt=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')
  mkdir -p "$LAB_DIR"
  echo "$(date -u +%FT%TZ) $name ${dt}s rc=$rc" >>"$LAB_DIR/timings.txt"
  if [ $rc = 0 ]; then
    log "stage $name: ${dt}s"
  else
    log "stage $name FAILED after ${dt}s (exit $rc; logs in $LAB_DIR)"
  fi
  return $rc
}

# The ssh command line the scripts use (strict host key checking, generated key).
lab_ssh() { ssh -F "$LAB_SSH/config" -o BatchMode=yes -o ConnectTimeout=5 "$LAB_ALIAS" "$@"; }

qemu_pid() {
  local p
  p=$(cat "$LAB_RUN/qemu.pid" 2>/dev/null) || return 1
  [ -n "$p" ] && kill -0 "$p" 2>/dev/null && echo "$p"
}
