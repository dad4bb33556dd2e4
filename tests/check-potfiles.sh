#!/bin/sh
# Fails when a source file with translatable strings is missing from
# po/POTFILES, or POTFILES names a file that does not exist.
set -eu
cd "$1"
status=0
for f in $(grep -l -E '\b(N_|_|C_|NC_)\(' src/*/*.c) $(grep -l 'translatable="yes"' ui/*.ui ui/*/*.ui); do
  grep -qx "$f" po/POTFILES || { echo "po/POTFILES lacks $f" >&2; status=1; }
done
while read -r f; do
  case "$f" in ''|'#'*) continue ;; esac
  [ -e "$f" ] || { echo "po/POTFILES names missing $f" >&2; status=1; }
done < po/POTFILES
[ "$status" -eq 0 ] && echo "POTFILES complete"
exit "$status"
