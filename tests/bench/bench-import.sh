#!/bin/sh
# On-demand benchmark (not part of `meson test`): import + score of N CSV
# rows through `abmctl import`, side by side with sqlite3's own .import of
# the same file, in one run. Prints each run, the medians and the ratio.
# A third column is sqlite3 .import into a table shaped like ours (a unique
# domain index, the write-ahead log, the same page cache): what the file
# format itself costs, without our parsing, validation and scoring.
#
#   tests/bench/bench-import.sh [BUILDDIR] [ROWS] [RUNS]
set -eu
builddir="${1:-_build}"
rows="${2:-100000}"
runs="${3:-5}"
abmctl="$builddir/src/cli/abmctl"
command -v sqlite3 >/dev/null || { echo "needs the sqlite3 command (apt-get install sqlite3)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs GNU time (apt-get install time)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$abmctl" demo "$work/source.abm" --accounts "$rows" --seed 1
"$abmctl" accounts "$work/source.abm" > "$work/data.csv"
echo "data: $rows rows, $(du -h "$work/data.csv" | cut -f1) CSV"

seconds () {
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > /dev/null
  cat "$work/time"
}

: > "$work/ours"; : > "$work/theirs"; : > "$work/shaped"
cols=$(head -1 "$work/data.csv" | tr ',' '\n' | sed 's/-/_/g' | awk '{printf "%s\"%s\"", (NR>1?",":""), $0}')
shaped_schema="PRAGMA journal_mode=WAL; CREATE TABLE t ($(echo "$cols" | sed 's/"domain"/"domain" UNIQUE/'));"
i=1
while [ "$i" -le "$runs" ]; do
  rm -f "$work"/target.abm* "$work"/plain.db "$work"/shaped.db*
  "$abmctl" init "$work/target.abm" --name Bench
  set -- $(seconds "$abmctl" import "$work/target.abm" "$work/data.csv")
  ours=$1; ours_kb=$2
  set -- $(seconds sqlite3 "$work/plain.db" ".mode csv" ".import '$work/data.csv' t")
  theirs=$1
  sqlite3 "$work/shaped.db" "$shaped_schema" > /dev/null
  set -- $(seconds sqlite3 "$work/shaped.db" "PRAGMA cache_size=-32768" ".mode csv" ".import --skip 1 '$work/data.csv' t")
  shaped=$1
  echo "run $i: abmctl import ${ours}s (peak ${ours_kb} KiB), sqlite3 .import ${theirs}s, into our shape ${shaped}s"
  echo "$ours" >> "$work/ours"; echo "$theirs" >> "$work/theirs"; echo "$shaped" >> "$work/shaped"
  i=$((i + 1))
done

median () { sort -n "$1" | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
m_ours=$(median "$work/ours"); m_theirs=$(median "$work/theirs"); m_shaped=$(median "$work/shaped")
echo "median: abmctl import ${m_ours}s, sqlite3 .import ${m_theirs}s, ratio $(echo "$m_ours $m_theirs" | awk '{printf "%.2f", $1/$2}')"
echo "median: sqlite3 .import into our shape ${m_shaped}s, ratio to it $(echo "$m_ours $m_shaped" | awk '{printf "%.2f", $1/$2}')"
