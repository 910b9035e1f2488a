# shellcheck shell=bash
# Build steps of the lab image (sourced by lab.sh). Each step is skipped when its
# stamp holds the same key: a hash of the previous step's key, the step's own
# function body and the inputs it reads. Editing a step or its inputs therefore
# re-runs that step and the ones after it, and nothing before it.

chroot_mount() {
  mountpoint -q "$LAB_ROOTFS/proc" && return 0
  mount -t proc proc "$LAB_ROOTFS/proc"
  mount --rbind /sys "$LAB_ROOTFS/sys" && mount --make-rslave "$LAB_ROOTFS/sys"
  mount --rbind /dev "$LAB_ROOTFS/dev" && mount --make-rslave "$LAB_ROOTFS/dev"
}
chroot_umount() {
  local m
  for m in dev sys proc; do
    if mountpoint -q "$LAB_ROOTFS/$m"; then umount -R "$LAB_ROOTFS/$m" || umount -lR "$LAB_ROOTFS/$m" || true; fi
  done
}
in_chroot() { chroot "$LAB_ROOTFS" env DEBIAN_FRONTEND=noninteractive LC_ALL=C PATH=/usr/sbin:/usr/bin:/sbin:/bin "$@"; }
guest_kver() { find "$LAB_ROOTFS/lib/modules" -mindepth 1 -maxdepth 1 -printf '%f\n' | sort -V | tail -1; }

step_hostpkgs() {
  local p need=()
  for p in debootstrap qemu-system-x86 qemu-utils e2fsprogs openssh-client; do
    dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
  done
  [ ${#need[@]} -eq 0 ] && return 0
  log "installing host packages: ${need[*]}"
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
}

step_debootstrap() {
  chroot_umount
  rm -rf "$LAB_ROOTFS"
  debootstrap --variant=minbase --components=main,contrib --include=ca-certificates \
    bookworm "$LAB_ROOTFS" "$LAB_MIRROR" >"$LAB_DIR/debootstrap.log" 2>&1 ||
    { tail -20 "$LAB_DIR/debootstrap.log"; return 1; }
  # The chroot has its own sources; the host's apt configuration is never touched.
  cat >"$LAB_ROOTFS/etc/apt/sources.list" <<SRC
deb $LAB_MIRROR bookworm main contrib
deb $LAB_MIRROR bookworm-updates main contrib
deb $LAB_SECMIRROR bookworm-security main contrib
deb $LAB_MIRROR bookworm-backports main contrib
SRC
  # Never start daemons inside the build chroot.
  printf '#!/bin/sh\nexit 101\n' >"$LAB_ROOTFS/usr/sbin/policy-rc.d"
  chmod +x "$LAB_ROOTFS/usr/sbin/policy-rc.d"
}

step_packages() {
  local pkgs=(linux-image-amd64 linux-headers-amd64 initramfs-tools systemd-sysv udev kmod dbus
    openssh-server sudo iproute2 netbase procps less curl jq ca-certificates
    iperf3 wireguard-tools restic prometheus prometheus-node-exporter prometheus-alertmanager)
  printf '#!/bin/sh\nexit 101\n' >"$LAB_ROOTFS/usr/sbin/policy-rc.d"
  chmod +x "$LAB_ROOTFS/usr/sbin/policy-rc.d"
  chroot_mount
  in_chroot apt-get update -qq >"$LAB_DIR/install-base.log" 2>&1 &&
    in_chroot apt-get install -y --no-install-recommends "${pkgs[@]}" >>"$LAB_DIR/install-base.log" 2>&1 ||
    { tail -30 "$LAB_DIR/install-base.log"; return 1; }
}

step_zfs() {
  local k
  chroot_mount
  # zfs-dkms builds the module for every kernel whose headers are in the chroot
  # (not for the host's running kernel); the check below makes sure of it.
  in_chroot apt-get install -y --no-install-recommends -t "$LAB_ZFS_SUITE" \
    zfs-dkms zfsutils-linux zfs-zed >"$LAB_DIR/install-zfs.log" 2>&1 ||
    { tail -30 "$LAB_DIR/install-zfs.log"; return 1; }
  k=$(guest_kver)
  if ! ls "$LAB_ROOTFS/lib/modules/$k/updates/dkms/"zfs.ko* >/dev/null 2>&1; then
    log "zfs.ko missing for $k: dkms autoinstall -k $k"
    in_chroot dkms autoinstall -k "$k" >>"$LAB_DIR/install-zfs.log" 2>&1 ||
      { tail -30 "$LAB_DIR/install-zfs.log"; return 1; }
  fi
  ls "$LAB_ROOTFS/lib/modules/$k/updates/dkms/"zfs.ko* >/dev/null
}
