#!/usr/bin/env bash
# Crash test: kills `abmctl` with SIGKILL at random points during imports
# and edits, then checks that the workspace is sound (PRAGMA integrity_check
# and the foreign keys, through `abmctl check`), still opens and takes an
# edit, and that every change committed before the kill is there:
#
#   - a one-transaction import (accounts, activities, deals) left all of its
#     rows or none of them, never some;
#   - of a loop of single edits (add, plan --set, activity, costs --set),
#     every edit the loop saw succeed is there, and at most the one that was
#     under way when the kill came is there besides.
#
# Needs bash, coreutils and awk only (no sqlite3, no python): it counts
# through abmctl's own JSON.
#
#   tests/crash/crash-test.sh [RUNS] [ABMCTL]
#
# RUNS defaults to 100; ABMCTL to $ABMCTL, then _build/src/cli/abmctl.
# CRASH_ROWS (default 20000) is the size of the account and activity imports,
# CRASH_DEALS (default 2000) that of the deal import, CRASH_EDITS (default 30)
# the length of each loop of single edits. Exits 1 if any run failed, and
# keeps the failed workspaces (their paths are printed).
set -u

runs="${1:-100}"
abmctl="${2:-${ABMCTL:-_build/src/cli/abmctl}}"
rows="${CRASH_ROWS:-20000}"
deals="${CRASH_DEALS:-2000}"
edits="${CRASH_EDITS:-30}"

case "$runs" in ''|*[!0-9]*) echo "usage: $0 [RUNS] [ABMCTL]" >&2; exit 2 ;; esac
[ -x "$abmctl" ] || { echo "no abmctl at $abmctl" >&2; exit 2; }
command -v setsid >/dev/null || { echo "needs setsid (util-linux)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/abm-crash.XXXXXX")
keep=0
trap '[ "$keep" = 1 ] || rm -rf "$work"' EXIT

A () { "$abmctl" "$@"; }
now_ms () { echo $(( $(date +%s%N) / 1000000 )); }
ms_to_s () { printf '%d.%03d' $(( $1 / 1000 )) $(( $1 % 1000 )); }
setup_fail () { echo "setup failed: $*" >&2; keep=1; echo "kept $work" >&2; exit 2; }

# --- What a workspace holds, read through abmctl -------------------------

# Accounts, from `check` (which runs the integrity check first).
n_accounts () {
  A check "$1" --format json | awk -F: '/"accounts"/ { gsub(/[ ,]/, "", $2); print $2 }'
}
# Activities at the test account: the sum of the counts of its score's
# contributors (every activity dated today or before counts).
n_activities () {
  A engagement "$1" --account "$domain" --format json \
    | awk -F: '/"count"/ { gsub(/[ ,]/, "", $2); s += $2 } END { print s + 0 }'
}
# Deals created in 2019 (the demo has none): each is worth 1, so the
# program's pipeline created in 2019 is their number.
n_deals () {
  A kpis "$1" --period 2019 --format json \
    | awk -F: '/"pipeline-created"/ { want = 1; next }
               want && /"value"/ { gsub(/[ ,]/, "", $2); print $2 + 0; exit }'
}
account_ids () {
  A accounts "$1" --format json | awk -F: '/^    "id"/ { gsub(/[ ,]/, "", $2); print $2 }'
}
plan_value () {  # the account's own section, not the one it inherits
  A plan "$1" --account "$domain" --format json \
    | sed -n 's/^ *"value-hypothesis" : "crash \([0-9]*\)".*/\1/p' | head -n 1
}
cost_2019 () {
  A costs "$1" | awk '$1 == "2019" && $2 == "Program" { sub(/\..*/, "", $3); print $3 }'
}

# Any process of group $1 that is not a zombie: after SIGKILL, wait until
# the killed ones are really gone (their locks with them).
group_alive () {
  local g=$1 f s
  for f in /proc/[0-9]*/stat; do
    { read -r s < "$f"; } 2>/dev/null || continue
    s=${s##*) }
    set -- $s
    [ "$3" = "$g" ] && [ "$1" != Z ] && return 0
  done
  return 1
}

# --- Setup: a base workspace and the files to import ---------------------

echo "setting up in $work"
A demo "$work/base.abm" --accounts 3000 --seed 1 >/dev/null || setup_fail "abmctl demo"
[ -e "$work/base.abm-wal" ] && setup_fail "demo left a write-ahead log behind"
domain=$(A accounts "$work/base.abm" --format json \
  | awk -F'"' '/^    "domain"/ { d = $4 } /"target" : true/ { print d; exit }')
[ -n "$domain" ] || setup_fail "no target account in the demo"
today=$(date +%F)

awk -v n="$rows" 'BEGIN { print "Name,Domain,Employees,Industry,Country"
  for (i = 1; i <= n; i++) printf "Crash Co %d,crash-%d.example,%d,Banking,DE\n", i, i, 100 + i }' \
  > "$work/accounts.csv"
awk -v n="$rows" -v d="$domain" -v t="$today" 'BEGIN { print "Date,Domain,Type,Topic,Campaign"
  for (i = 1; i <= n; i++) printf "%s,%s,website-visit,topic %d,Crash\n", t, d, i }' \
  > "$work/activities.csv"
awk -v n="$deals" -v d="$domain" 'BEGIN { print "Deal Name,Domain,Amount,Stage,Create Date,Close Date,ABM Sourced"
  for (i = 1; i <= n; i++) printf "Crash deal %d,%s,1,Discovery,2019-03-01,,yes\n", i, d }' \
  > "$work/deals.csv"

base_accounts=$(n_accounts "$work/base.abm")
base_activities=$(n_activities "$work/base.abm")
base_deals=$(n_deals "$work/base.abm")
[ "$base_deals" = 0 ] || setup_fail "the demo already has deals in 2019"

# A run of each operation to the end: how long it takes (the kills are
# spread over that), and that it does what the checks expect of it.
ops="import import-activities import-opportunities add plan activity costs"
declare -A took
reference () {  # OP: runs it on a copy, sets took[OP] in ms
  local op=$1 t0 f="$work/ref.abm"
  rm -f "$f" "$f-wal" "$f-shm" "$f-journal"; cp "$work/base.abm" "$f"
  t0=$(now_ms)
  case "$op" in
    import) A import "$f" "$work/accounts.csv" >/dev/null ;;
    import-activities) A import-activities "$f" "$work/activities.csv" >/dev/null ;;
    import-opportunities) A import-opportunities "$f" "$work/deals.csv" >/dev/null ;;
    # One edit, times the length of the loop.
    add) A add "$f" --name "Crash ref" --domain crash-ref.example >/dev/null ;;
    plan) A plan "$f" --account "$domain" --set value-hypothesis="crash 1" >/dev/null ;;
    activity) A activity "$f" --account "$domain" --type meeting >/dev/null ;;
    costs) A costs "$f" --set all:2019=1 >/dev/null ;;
  esac || setup_fail "abmctl $op"
  took[$op]=$(( $(now_ms) - t0 ))
  case "$op" in
    add|plan|activity|costs) took[$op]=$(( took[$op] * edits )) ;;
  esac
  case "$op" in
    import) [ "$(n_accounts "$f")" = $(( base_accounts + rows )) ] ;;
    import-activities) [ "$(n_activities "$f")" = $(( base_activities + rows )) ] ;;
    import-opportunities) [ "$(n_deals "$f")" = "$deals" ] ;;
    *) true ;;
  esac || setup_fail "abmctl $op did not write what the checks expect"
}
for op in $ops; do reference "$op"; done
echo "data: $base_accounts accounts, $rows rows to import, $deals deals, loops of $edits edits"
for op in $ops; do printf '  %-21s %6d ms uninterrupted\n' "$op" "${took[$op]}"; done

# --- The runs --------------------------------------------------------------

# The write, in its own session and process group so that one SIGKILL takes
# the loop and the abmctl under way together. Loops record each edit that
# succeeded, after it succeeded.
start_write () {  # OP FILE
  local op=$1 f=$2 log="$work/done"
  : > "$log"
  case "$op" in
    import) setsid "$abmctl" import "$f" "$work/accounts.csv" >/dev/null 2>&1 & ;;
    import-activities) setsid "$abmctl" import-activities "$f" "$work/activities.csv" >/dev/null 2>&1 & ;;
    import-opportunities) setsid "$abmctl" import-opportunities "$f" "$work/deals.csv" >/dev/null 2>&1 & ;;
    add|plan|activity|costs)
      setsid bash -c '
        op=$1 abmctl=$2 f=$3 log=$4 domain=$5 edits=$6
        for k in $(seq "$edits"); do
          case "$op" in
            add) id=$("$abmctl" add "$f" --name "Crash $k" --domain "crash-add-$k.example") ;;
            plan) "$abmctl" plan "$f" --account "$domain" --set value-hypothesis="crash $k" >/dev/null; id=$k ;;
            activity) id=$("$abmctl" activity "$f" --account "$domain" --type meeting) ;;
            costs) "$abmctl" costs "$f" --set all:2019=$k >/dev/null; id=$k ;;
          esac && echo "$id" >> "$log"
        done' crash-loop "$op" "$abmctl" "$f" "$log" "$domain" "$edits" >/dev/null 2>&1 &
      ;;
  esac
  pid=$!
}

# A one-transaction import: $1 rows counted, $2 before it, $3 after all of it.
all_or_none () {
  case "$1" in
    "$2") echo "none" > "$work/outcome" ;;
    "$3") echo "all" > "$work/outcome" ;;
    *) echo "$1 rows counted: neither the $2 before the import nor the $3 after all of it" ;;
  esac
}
# A loop of single edits: $1 found, $2 expected at least (every edit the
# loop saw succeed); one more is the edit under way, committed just before
# the kill.
seen_or_one_more () {
  case "$1" in
    "$2") if [ "$n" = "$edits" ]; then echo "all $n edits" ; else echo "$n edits, the one under way lost"; fi > "$work/outcome" ;;
    $(( $2 + 1 ))) echo "$n edits, the one under way kept" > "$work/outcome" ;;
    *) echo "$3" ;;
  esac
}

# Checks run $1 after the kill; prints what is wrong, if anything, and
# writes what it found to $work/outcome.
verify () {
  local op=$1 f=$2 got ids missing
  echo "?" > "$work/outcome"
  if ! out=$(A check "$f" 2>&1); then echo "abmctl check: $out"; return; fi
  n=$(wc -l < "$work/done")
  last=$(tail -n 1 "$work/done")
  case "$op" in
    import) all_or_none "$(n_accounts "$f")" "$base_accounts" $(( base_accounts + rows )) ;;
    import-activities) all_or_none "$(n_activities "$f")" "$base_activities" $(( base_activities + rows )) ;;
    import-opportunities) all_or_none "$(n_deals "$f")" 0 "$deals" ;;
    add)
      ids=$(account_ids "$f")
      missing=$(echo "$ids" | sort | comm -13 - <(sort "$work/done") | tr '\n' ' ')
      [ -z "$missing" ] || echo "accounts added before the kill are gone: ids $missing"
      got=$(echo "$ids" | wc -l)
      seen_or_one_more "$got" $(( base_accounts + n )) "$got accounts after $n adds to $base_accounts" ;;
    activity)
      got=$(n_activities "$f")
      seen_or_one_more "$got" $(( base_activities + n )) "$got activities after $n added to $base_activities" ;;
    plan|costs)
      # Each edit writes its number: the last one seen, or the next.
      if [ "$op" = plan ]; then got=$(plan_value "$f"); else got=$(cost_2019 "$f"); fi
      seen_or_one_more "${got:-0}" "${last:-0}" "$op holds '${got}' after edit ${last:-0} succeeded" ;;
  esac
  # Still a workspace that takes an edit, and still sound after it.
  out=$(A add "$f" --name "After the crash" --domain after-crash.example 2>&1) \
    || echo "an edit after the crash failed: $out"
  out=$(A check "$f" 2>&1) || echo "abmctl check after an edit: $out"
}

declare -A op_runs op_mid op_whole
failures=0 mid=0
t_start=$(now_ms)
set -- $ops; n_ops=$#
for i in $(seq "$runs"); do
  set -- $ops; shift $(( (i - 1) % n_ops )); op=$1
  f="$work/run.abm"
  rm -f "$f" "$f-wal" "$f-shm" "$f-journal"; cp "$work/base.abm" "$f"
  # Early, mid or late in turn (3 and the 7 operations are coprime, so 21
  # runs cover every pair), random within the band; late goes a little
  # past the end so that some kills find the write done.
  t=$(( took[$op] > 0 ? took[$op] : 1 ))
  r=$(( (RANDOM * 32768 + RANDOM) % 1000 ))
  case $(( (i - 1) % 3 )) in
    0) delay=$(( t * r / 3000 )) ;;
    1) delay=$(( t / 3 + t * r / 3000 )) ;;
    2) delay=$(( t * 2 / 3 + t * r * 6 / 10000 )) ;;
  esac
  start_write "$op" "$f"
  sleep "$(ms_to_s "$delay")"
  if group_alive "$pid"; then landed=mid; mid=$(( mid + 1 )); op_mid[$op]=$(( ${op_mid[$op]:-0} + 1 )); else landed=after; fi
  kill -KILL -- "-$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  for _ in $(seq 500); do group_alive "$pid" || break; sleep 0.01; done
  op_runs[$op]=$(( ${op_runs[$op]:-0} + 1 ))
  # As the kill left it, before verify edits it.
  rm -rf "$work/killed"; mkdir "$work/killed"; cp "$f"* "$work/done" "$work/killed/"
  problems=$(verify "$op" "$f")
  if [ -n "$problems" ]; then
    failures=$(( failures + 1 )); keep=1
    mv "$work/killed" "$work/failed-$i"
    echo "run $i FAILED: $op killed after ${delay} ms ($landed the write), $(wc -l < "$work/done") edits done:"
    echo "$problems" | sed 's/^/    /'
    echo "    kept in $work/failed-$i"
  else
    echo "run $i ok: $op killed after ${delay} ms ($landed the write): $(cat "$work/outcome")"
    case $(cat "$work/outcome") in all|*kept) op_whole[$op]=$(( ${op_whole[$op]:-0} + 1 )) ;; esac
  fi
done
elapsed=$(( $(now_ms) - t_start ))

echo
echo "runs: $runs, kills: $runs, landed mid-write: $mid, after the write: $(( runs - mid )), failures: $failures, time: $(ms_to_s "$elapsed") s"
for op in $ops; do
  [ -n "${op_runs[$op]:-}" ] || continue
  case "$op" in
    import*) what="all rows in $(( ${op_whole[$op]:-0} )), none in $(( op_runs[$op] - ${op_whole[$op]:-0} ))" ;;
    *) what="the edit under way kept in ${op_whole[$op]:-0}" ;;
  esac
  printf '  %-21s %3d runs, %3d mid-write; %s\n' "$op" "${op_runs[$op]}" "${op_mid[$op]:-0}" "$what"
done
[ "$failures" = 0 ]
