# shellcheck shell=bash
# Guest configuration and root image steps (sourced by lab.sh).

# ensure_keys: the client key and the guest's host key are generated once on the
# host, so known_hosts can be written before the guest ever boots.
ensure_keys() {
  mkdir -p "$LAB_SSH"
  chmod 700 "$LAB_SSH"
  [ -f "$LAB_SSH/id_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -C opsdeck-lab-client -f "$LAB_SSH/id_ed25519"
  [ -f "$LAB_SSH/host_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -C opsdeck-lab-host -f "$LAB_SSH/host_ed25519"
}

step_configure() {
  local r=$LAB_ROOTFS k
  k=$(guest_kver)
  [ -n "$k" ] || return 1
  echo opsdeck-lab >"$r/etc/hostname"
  printf '127.0.0.1 localhost\n127.0.1.1 opsdeck-lab\n::1 localhost\n' >"$r/etc/hosts"
  echo 'LABEL=opsdeckroot / ext4 defaults,noatime 0 1' >"$r/etc/fstab"
  # sshd: the host key generated on the host, key-only logins.
  rm -f "$r"/etc/ssh/ssh_host_*
  install -m 600 "$LAB_SSH/host_ed25519" "$r/etc/ssh/ssh_host_ed25519_key"
  install -m 644 "$LAB_SSH/host_ed25519.pub" "$r/etc/ssh/ssh_host_ed25519_key.pub"
  install -m 644 "$LAB_SRC/guest/sshd-opsdeck-lab.conf" "$r/etc/ssh/sshd_config.d/opsdeck-lab.conf"
  install -d -m 700 "$r/root/.ssh"
  install -m 600 "$LAB_SSH/id_ed25519.pub" "$r/root/.ssh/authorized_keys"
  # operator: a non-root account; '*' (no password, not locked) keeps pubkey
  # login possible. Debian already has an "operator" group (gid 37).
  in_chroot id operator >/dev/null 2>&1 || in_chroot useradd -m -s /bin/bash -g operator operator
  in_chroot usermod -p '*' operator
  install -d -m 700 "$r/home/operator/.ssh"
  install -m 600 "$LAB_SSH/id_ed25519.pub" "$r/home/operator/.ssh/authorized_keys"
  in_chroot chown -R operator:operator /home/operator/.ssh
  install -m 440 "$LAB_SRC/guest/sudoers-opsdeck-operator" "$r/etc/sudoers.d/opsdeck-operator"
  in_chroot visudo -cq
  # network: DHCP from qemu's user-mode network (restrict=on, so nothing beyond it).
  mkdir -p "$r/etc/systemd/network"
  printf '[Match]\nName=en* eth*\n[Network]\nDHCP=ipv4\n' >"$r/etc/systemd/network/10-wired.network"
  echo zfs >"$r/etc/modules-load.d/zfs.conf"
  [ -s "$r/etc/hostid" ] || in_chroot zgenhostid
  install -m 755 "$LAB_SRC/guest/opsdeck-lab-init" "$r/usr/local/sbin/opsdeck-lab-init"
  install -m 644 "$LAB_SRC/guest/opsdeck-lab-init.service" "$r/etc/systemd/system/opsdeck-lab-init.service"
  rm -rf "$r/var/lib/opsdeck-lab"
  in_chroot systemctl enable systemd-networkd ssh iperf3 prometheus prometheus-node-exporter \
    prometheus-alertmanager zfs-import-cache zfs-import.target zfs-mount zfs-zed zfs.target \
    opsdeck-lab-init >/dev/null 2>&1
  in_chroot systemctl mask apt-daily.timer apt-daily-upgrade.timer e2scrub_reap.service \
    systemd-networkd-wait-online.service >/dev/null 2>&1
  rm -f "$r/usr/sbin/policy-rc.d"
  in_chroot apt-get clean
  mkdir -p "$LAB_DIR/boot"
  cp "$r/boot/vmlinuz-$k" "$LAB_DIR/boot/vmlinuz"
  cp "$r/boot/initrd.img-$k" "$LAB_DIR/boot/initrd.img"
  echo "$k" >"$LAB_DIR/boot/kver"
}

# step_image: the root filesystem as an ext4 image (no loop mount needed),
# stored as qcow2 so that the base and its overlays stay small.
step_image() {
  local used size raw=$LAB_DIR/root.raw
  chroot_umount
  used=$(du -sm --exclude=proc --exclude=sys --exclude=dev "$LAB_ROOTFS" | cut -f1)
  size=$((used + 1536))
  [ $size -lt 4096 ] && size=4096
  rm -f "$raw" "$LAB_DIR/root.qcow2"
  truncate -s "${size}M" "$raw"
  mkfs.ext4 -q -F -L opsdeckroot -d "$LAB_ROOTFS" "$raw"
  qemu-img convert -O qcow2 "$raw" "$LAB_DIR/root.qcow2"
  rm -f "$raw"
}
