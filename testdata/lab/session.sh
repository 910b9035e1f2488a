# shellcheck shell=bash
# The base images and the lab's user-facing commands (sourced by lab.sh).

# step_base: boot the fresh root image once with empty pool disks, let the
# first-boot init build the pool, power off cleanly, and keep those images as
# read-only backing files. Every later boot runs on qcow2 overlays over them.
step_base() {
  local b=$LAB_DIR/base.new spec serial
  qemu_pid >/dev/null && die "the lab is running; stop it (make lab-stop) before rebuilding its base"
  rm -rf "$b"
  mkdir -p "$b"
  cp --sparse=always "$LAB_DIR/root.qcow2" "$b/root.qcow2"
  for spec in "${LAB_DISKS[@]}"; do
    serial=$(disk_serial "$spec")
    qemu-img create -q -f qcow2 "$b/$serial.qcow2" "$(disk_size "$spec")"
  done
  vm_boot "$b" writeback
  lab_ssh 'zpool status -x tank; zfs version | head -1' >&2
  vm_stop
  rm -rf "$LAB_BASE"
  mv "$b" "$LAB_BASE"
  chmod a-w "$LAB_BASE"/*.qcow2
  discard_overlays
}

discard_overlays() { rm -f "$LAB_RUN"/*.qcow2 "$LAB_RUN/base-key"; }

# new_overlays: fresh copy-on-write layers over the base: the first-boot state.
new_overlays() {
  local n
  mkdir -p "$LAB_RUN"
  discard_overlays
  for n in root "${LAB_DISKS[@]%%:*}"; do
    qemu-img create -q -f qcow2 -F qcow2 -b "$LAB_BASE/$n.qcow2" "$LAB_RUN/$n.qcow2"
  done
  cp "$LAB_STAMPS/base" "$LAB_RUN/base-key"
}

print_info() {
  local cfg=$LAB_SSH/config ver
  ver=$(lab_ssh 'zfs version | head -1' 2>/dev/null || echo "?")
  cat <<INFO

opsdeck lab is running (accel=$(cat "$LAB_RUN/accel" 2>/dev/null || echo ?), $ver, pool tank).
  ssh config   $cfg   (aliases $LAB_ALIAS and $LAB_ALIAS-operator)
  console      bin/opsdeck -F "$cfg" $LAB_ALIAS
  status       bin/opsdeck status $LAB_ALIAS --json -F "$cfg"
  shell        make lab-ssh   or   ssh -F "$cfg" $LAB_ALIAS
  or add to ~/.ssh/config:   Include "$cfg"
  forwards     127.0.0.1:$((LAB_PORT + 1)) node-exporter, :$((LAB_PORT + 2)) prometheus, :$((LAB_PORT + 3)) alertmanager, :$((LAB_PORT + 4)) iperf3
  stop/reset   make lab-stop / make lab-reset
INFO
}

cmd_up() {
  if qemu_pid >/dev/null; then
    log "lab already running (pid $(qemu_pid))"
    print_info
    return 0
  fi
  build base
  if [ ! -f "$LAB_RUN/root.qcow2" ] || ! cmp -s "$LAB_STAMPS/base" "$LAB_RUN/base-key"; then
    new_overlays
  fi
  timed boot vm_boot "$LAB_RUN" unsafe
  print_info
}

cmd_discard() {
  vm_stop
  discard_overlays
  log "overlays dropped; the next boot starts from the first-boot state"
}

cmd_reset() {
  cmd_discard
  cmd_up
}

cmd_status() {
  local pid
  if pid=$(qemu_pid); then echo "running (pid $pid, port $LAB_PORT, accel $(cat "$LAB_RUN/accel" 2>/dev/null))"; else echo "stopped"; fi
  echo "dir: $LAB_DIR"
  [ -f "$LAB_SSH/config" ] && echo "ssh config: $LAB_SSH/config"
  tail -n 12 "$LAB_DIR/timings.txt" 2>/dev/null || true
}
