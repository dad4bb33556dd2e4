#!/bin/sh
# Build and test ABM Planner against Debian 13 (trixie): GTK 4.18,
# libadwaita 1.7, gcc 14, close to what the Flatpak runtime has. Creates a
# debootstrap chroot (or reuses the one a previous run left), installs
# build-aux/debian-packages.txt in it, and builds the committed tree (plus
# any uncommitted changes to tracked files) with every compiler warning an
# error, then runs the whole test suite under a virtual display.
#
#   sudo build-aux/check-trixie.sh [CHROOT_DIR]    # default /var/tmp/abm-trixie
#
# Needs root (debootstrap, chroot, mount) and Debian's package archive.
# MIRROR overrides the archive. Remove CHROOT_DIR to start from scratch.
set -eu

srcdir=$(cd "$(dirname "$0")/.." && pwd)
root=${1:-/var/tmp/abm-trixie}
mirror=${MIRROR:-http://deb.debian.org/debian}
suite=trixie

if ! git -C "$srcdir" rev-parse --verify -q HEAD >/dev/null; then
  echo "$0: $srcdir is not a git checkout with a commit" >&2
  exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "$0: run as root (sudo $0)" >&2
  exit 1
fi
case "$root" in
  /*) ;;
  *) root="$PWD/$root" ;;
esac

start=$(date +%s)
mounted=""
cleanup() {
  # Unmount in the reverse order of mounting; lazily if something still
  # holds a mount, so that the host never keeps a stray one.
  for m in $mounted; do
    umount "$m" 2>/dev/null || umount -l "$m" || true
  done
  mounted=""
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

in_chroot() {
  chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
    PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive "$@"
}

if ! command -v debootstrap >/dev/null 2>&1; then
  echo "== Installing debootstrap on the host"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends debootstrap
fi

# debootstrap leaves $root/debootstrap behind only when it did not finish.
if [ -d "$root/debootstrap" ]; then
  echo "== Removing the unfinished chroot in $root"
  rm -rf --one-file-system "$root"
fi
if [ ! -x "$root/usr/bin/apt-get" ]; then
  echo "== Creating a Debian $suite chroot in $root"
  mkdir -p "$root"
  debootstrap --variant=minbase "$suite" "$root" "$mirror"
fi

mount -t proc proc "$root/proc"; mounted="$root/proc $mounted"
mount -t sysfs -o ro sysfs "$root/sys"; mounted="$root/sys $mounted"
mount --bind /dev "$root/dev"; mounted="$root/dev $mounted"
mount --bind /dev/pts "$root/dev/pts"; mounted="$root/dev/pts $mounted"
mount -t tmpfs -o mode=1777 tmpfs "$root/dev/shm"; mounted="$root/dev/shm $mounted"
cp /etc/resolv.conf "$root/etc/resolv.conf"

echo "== Installing the build dependencies"
packages=$(sed 's/#.*//' "$srcdir/build-aux/debian-packages.txt")
in_chroot apt-get update -q
# shellcheck disable=SC2086 # one word a package
in_chroot apt-get install -y -q --no-install-recommends $packages

# The tree as git has it: committed files, with any uncommitted changes to
# tracked files (git stash create records them without touching the tree);
# never build output or untracked files.
rev=$(git -C "$srcdir" stash create)
rev=${rev:-HEAD}
echo "== Building $(git -C "$srcdir" rev-parse --short HEAD)$( [ "$rev" = HEAD ] || echo ' with uncommitted changes')"
rm -rf "$root/build"
mkdir -p "$root/build/src"
git -C "$srcdir" archive --format=tar "$rev" | tar -x -C "$root/build/src"

# --werror turns every compiler warning into an error, deprecations
# included; --fatal-meson-warnings does the same for meson's own.
# ninja -k 0 goes on past the first failing file so one run shows them all.
status=0
in_chroot sh -euc '
  cd /build/src
  echo "GTK $(pkg-config --modversion gtk4), libadwaita $(pkg-config --modversion libadwaita-1), GLib $(pkg-config --modversion glib-2.0), $(gcc --version | head -n 1), meson $(meson --version)"
  meson setup --werror --fatal-meson-warnings /build/_build
  ninja -C /build/_build -k 0
  dbus-run-session -- xvfb-run -a -s -noreset meson test -C /build/_build --print-errorlogs
' || status=$?

in_chroot sh -c 'echo "Built against GTK $(pkg-config --modversion gtk4), libadwaita $(pkg-config --modversion libadwaita-1), $(gcc --version | head -n 1)"'
echo "== $( [ $status -eq 0 ] && echo PASSED || echo FAILED ) in $(( $(date +%s) - start )) s; build tree in $root/build/_build"
exit $status
