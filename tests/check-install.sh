#!/bin/sh
# Installs the build into a temporary DESTDIR and fails, one line per file,
# when something GNOME looks for is not where it looks for it.
# Usage: check-install.sh BUILDDIR SOURCEDIR
set -eu

builddir=$1
srcdir=$2
app_id=org.abmplanner.AbmPlanner

tmp=$(mktemp -d "${TMPDIR:-/tmp}/abm-install.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM
dest="$tmp/root"

# --destdir keeps every file under $tmp; the post-install hooks skip cache
# updates when DESTDIR is set, so nothing outside it is touched either.
if ! meson install -C "$builddir" --no-rebuild --quiet --destdir "$dest" >"$tmp/install.log" 2>&1; then
  cat "$tmp/install.log" >&2
  echo "meson install -C $builddir failed" >&2
  exit 1
fi

# The prefix is wherever the launcher landed (/usr/local unless configured).
prefix=$(cd "$dest" && find . -path "*/share/applications/$app_id.desktop" |
  sed -e 's|^\.||' -e "s|/share/applications/$app_id.desktop\$||" | head -n 1)
root="$dest$prefix"

expected="bin/abm-planner
bin/abmctl
share/applications/$app_id.desktop
share/metainfo/$app_id.metainfo.xml
share/icons/hicolor/scalable/apps/$app_id.svg
share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg
share/glib-2.0/schemas/$app_id.gschema.xml
share/mime/packages/$app_id.xml"

# Every language in po/LINGUAS must ship its catalogue.
for lang in $(sed -e 's/#.*//' "$srcdir/po/LINGUAS"); do
  expected="$expected
share/locale/$lang/LC_MESSAGES/abm-planner.mo"
done

status=0
for f in $expected; do
  if [ ! -f "$root/$f" ]; then
    echo "missing after install: $prefix/$f" >&2
    status=1
  fi
done
for f in bin/abm-planner bin/abmctl; do
  if [ -f "$root/$f" ] && [ ! -x "$root/$f" ]; then
    echo "not executable after install: $prefix/$f" >&2
    status=1
  fi
done

[ "$status" -eq 0 ] && echo "installed: $(echo "$expected" | wc -l) files where GNOME expects them"
exit "$status"
