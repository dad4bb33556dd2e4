#!/bin/sh
# Writes the starting corpus of fuzz-workspace (whole files) into OUTPUT:
# each SQL seed of fuzz-workspace-sql applied to a small sample workspace
# (or, for "--v1" seeds, to tests/fixtures/workspace-v1.abm), with
# 512-byte pages so that libFuzzer mutates small files, plus files whose
# SQLite header is damaged. Needs sqlite3.
#
# Usage: tests/fuzz/make-workspace-seeds.sh ABMCTL OUTPUT
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

here=$(cd "$(dirname "$0")" && pwd)
abmctl=$1
out=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"

shrink () {
  sqlite3 -batch -init /dev/null "$1" \
    'PRAGMA journal_mode = DELETE; PRAGMA page_size = 512; VACUUM; PRAGMA journal_mode = WAL;' >/dev/null
}

"$abmctl" demo "$tmp/sample.abm" --accounts 3 --seed 7 >/dev/null
shrink "$tmp/sample.abm"
"$abmctl" init "$tmp/empty.abm" --name Empty >/dev/null
shrink "$tmp/empty.abm"
cp "$here/../fixtures/workspace-v1.abm" "$tmp/v1.abm"
sqlite3 -batch -init /dev/null "$tmp/v1.abm" 'PRAGMA page_size = 512; VACUUM;' >/dev/null
cp "$tmp/empty.abm" "$out/empty.abm"

for sql in "$here"/seeds/workspace-sql/*.sql; do
  name=$(basename "$sql" .sql)
  case $(head -c 4 "$sql") in
    --v1) cp "$tmp/v1.abm" "$tmp/seed.abm" ;;
    *) cp "$tmp/sample.abm" "$tmp/seed.abm" ;;
  esac
  sqlite3 -batch -init /dev/null "$tmp/seed.abm" <"$sql" >/dev/null 2>&1 || true
  # Whole files this big mutate too slowly to be worth a seed.
  [ "$(stat -c %s "$tmp/seed.abm")" -le 262144 ] && cp "$tmp/seed.abm" "$out/$name.abm"
done

# Header damage, byte by byte (offsets from the SQLite file format).
patch () { cp "$tmp/sample.abm" "$out/$1.abm"; printf "$3" | dd of="$out/$1.abm" bs=1 seek="$2" conv=notrunc status=none; }
patch 90-page-size-bad 16 '\003\001'
patch 91-page-size-1 16 '\000\001'
patch 92-reserved-bytes 20 '\377'
patch 93-page-count-huge 28 '\177\377\377\377'
patch 94-freelist-bad 32 '\000\000\377\377\000\000\377\377'
patch 95-schema-format 44 '\000\000\000\011'
patch 96-text-encoding-utf16 56 '\000\000\000\002'
patch 97-magic 0 'SQLite format 4'
head -c 2048 "$tmp/sample.abm" >"$out/98-truncated.abm"
head -c 99 "$tmp/sample.abm" >"$out/99-short-header.abm"
