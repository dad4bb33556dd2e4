#!/bin/sh
# The README's two commands: install what is missing, build, then run the
# app (`run`) or the whole test suite (`test`). Works on Debian 12 and
# Ubuntu 24.04; installs with apt-get, through sudo when not root.
set -eu

cd "$(dirname "$0")/.."
builddir="${BUILDDIR:-_build}"

packages="gcc pkg-config meson ninja-build gettext
  libglib2.0-dev libglib2.0-dev-bin libglib2.0-bin libgtk-4-dev libadwaita-1-dev
  libsqlite3-dev libjson-glib-dev desktop-file-utils appstream libxml2-utils
  xvfb xauth dbus dbus-x11 at-spi2-core libatspi2.0-dev fonts-cantarell adwaita-icon-theme
  poppler-utils qpdf fonts-droid-fallback"

missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "Installing:$missing"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $missing
fi

if [ -f "$builddir/build.ninja" ]; then
  meson setup --reconfigure "$builddir" >/dev/null
else
  meson setup "$builddir"
fi
meson compile -C "$builddir"

case "${1:-run}" in
  run)
    shift 2>/dev/null || true
    exec meson devenv -C "$builddir" src/app/abm-planner "$@"
    ;;
  test)
    # UI tests need a display and a session bus; provide both when absent.
    wrap=""
    [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] || wrap="dbus-run-session --"
    [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || wrap="$wrap xvfb-run -a -s -noreset"
    exec $wrap meson test -C "$builddir" --print-errorlogs
    ;;
  *)
    echo "usage: $0 [run|test]" >&2
    exit 2
    ;;
esac
