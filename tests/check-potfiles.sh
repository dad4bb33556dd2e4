#!/bin/sh
# Fails when a source file with translatable strings is missing from
# po/POTFILES, or POTFILES names a file that does not exist.
set -eu
cd "$1"
status=0
for f in $(grep -l -E '\b(N_|_|C_|NC_)\(' src/*/*.c) $(grep -l 'translatable="yes"' ui/*.ui ui/*/*.ui); do
  grep -qx "$f" po/POTFILES || { echo "po/POTFILES lacks $f" >&2; status=1; }
done
# xgettext cannot see through GLib's format macros: a msgid would be cut
# short at the macro and never match. PRId64/PRIu64 it does understand.
if grep -nE '(_|N_|ngettext)\("[^"]*" *G_G(U)?(INT64|SIZE|SSIZE)_FORMAT' src/*/*.c >&2; then
  echo "a translatable string uses a G_*_FORMAT macro; use PRId64 or PRIu64" >&2; status=1
fi
while read -r f; do
  case "$f" in ''|'#'*) continue ;; esac
  [ -e "$f" ] || { echo "po/POTFILES names missing $f" >&2; status=1; }
done < po/POTFILES
[ "$status" -eq 0 ] && echo "POTFILES complete"
exit "$status"
