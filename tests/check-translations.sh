#!/bin/sh
# Every language in po/LINGUAS: msgfmt --check passes (formats, headers,
# accelerators), nothing is untranslated or fuzzy, and every string the
# sources hold today has its translation (a new string without one fails).
# The template is made as `meson compile abm-planner-pot` makes it.
set -eu
srcdir=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$srcdir"

xgettext --package-name=abm-planner -f po/POTFILES -D . -o "$tmp/abm-planner.pot" \
  --from-code=UTF-8 --add-comments -k_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format 2>"$tmp/xgettext.log" || {
  cat "$tmp/xgettext.log" >&2; exit 1; }

status=0
for lang in $(sed -e 's/#.*//' po/LINGUAS); do
  po=po/$lang.po
  if ! stats=$(LC_ALL=C msgfmt --check --check-accelerators=_ --statistics -o /dev/null "$po" 2>&1); then
    echo "$stats" >&2; status=1; continue
  fi
  echo "$lang: $stats"
  case "$stats" in
    *untranslated*|*fuzzy*) echo "$po is not complete" >&2; status=1 ;;
  esac
  if ! msgcmp "$po" "$tmp/abm-planner.pot" 2>"$tmp/msgcmp.log"; then
    head -20 "$tmp/msgcmp.log" >&2
    echo "$po lacks strings the sources have: run meson compile -C _build abm-planner-update-po and translate them" >&2
    status=1
  fi
done
exit "$status"
