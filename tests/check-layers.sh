#!/bin/sh
# Fails if src/core or src/render include a GTK, GDK or libadwaita header,
# or if src/core includes Cairo or Pango: the layers point down only.
set -eu
root="$1"
status=0
if grep -rnE '#\s*include\s*[<"](gtk|gdk|adwaita|adw)[/-]?' "$root/src/core" "$root/src/render" 2>/dev/null; then
  echo "core and render must not include GTK or libadwaita headers" >&2
  status=1
fi
if grep -rnE '#\s*include\s*[<"](cairo|pango)' "$root/src/core" 2>/dev/null; then
  echo "core must not include Cairo or Pango headers" >&2
  status=1
fi
if grep -rnE 'sqlite3' "$root/src/app" 2>/dev/null; then
  echo "views must not run SQL: src/app uses sqlite3" >&2
  status=1
fi
[ "$status" -eq 0 ] && echo "layers clean"
exit "$status"
