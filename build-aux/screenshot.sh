#!/bin/sh
# Takes a screenshot of the built app under a virtual display.
# Usage: build-aux/screenshot.sh BUILDDIR OUT.png [light|dark] [WORKSPACE.abm]
set -eu
builddir="$1"; out="$2"; style="${3:-light}"; file="${4:-}"
export GSETTINGS_BACKEND=memory NO_AT_BRIDGE=1
if [ "$style" = dark ]; then export ADW_DEBUG_COLOR_SCHEME=prefer-dark; fi
xvfb-run -a -s "-screen 0 1280x800x24" sh -c '
  meson devenv -C "$0" src/app/abm-planner $2 &
  pid=$!
  sleep 4
  import -window root "$1"
  kill $pid
' "$builddir" "$out" "$file"
