#!/usr/bin/env bash
# The foundation's benchmarks (`make bench`): prints the machine, then each figure. The figures
# are copied by hand into docs/PERFORMANCE.md; bench/README.md says what each one measures.
#
#   bench/run.sh BUILD_DIR
#
# Environment (defaults in brackets):
#   BENCH_REPEAT   runs of each measurement; compare them and keep the best [1]
#   BENCH_LARGEST  bulk load: how many of the largest English authorities [3]
#   BENCH_BUDGET   reads: seconds at most of timed calls per operation [20]
#   BENCH_ONLY     a space-separated subset of: synth load read demo access pages [all]
#   BENCH_SECONDS  pages: seconds of each wrk run [30]
#   BENCH_TMP      where the databases and files go (needs ~15 GB for synth --out) [/tmp]
#   VALIDATOR903_DIR, CIN_VALIDATOR_DIR
#                  returns: the folders holding the pandas validators (bench/pandas/README.md);
#                  when set, they validate the same files as Hearth as the authority grows [unset]
#   BENCH_PANDAS_CIN_LARGE  1: the pandas CIN validator on the large authority too (tens of
#                  minutes) [0]
# Starts a throwaway PostgreSQL (tools/pg_harness.sh) and stops it on exit.
set -euo pipefail

if [[ $# -ne 1 || ! -d "$1" ]]; then
  echo "usage: bench/run.sh BUILD_DIR" >&2
  exit 2
fi
build=$(cd "$1" && pwd)
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
hearth=$build/hearth
measure=$build/bench/measure
store_bench=$build/bench/store_bench
access_bench=$build/bench/access_bench
for program in "$hearth" "$measure" "$store_bench" "$access_bench"; do
  if [[ ! -x "$program" ]]; then
    echo "bench: $program is missing: build first (make build, or ninja -C $build)" >&2
    exit 1
  fi
done
for tool in sqlite3 psql curl wrk; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (scripts/install-deps)" >&2; exit 1; }
done

repeat=${BENCH_REPEAT:-1}
largest=${BENCH_LARGEST:-3}
budget=${BENCH_BUDGET:-20}
only=${BENCH_ONLY:-synth load read demo access pages returns}
seconds=${BENCH_SECONDS:-30}
work=$(mktemp -d "${BENCH_TMP:-/tmp}/hearth-bench.XXXXXX")
pg_state=$work/pg
demo_pid=
serve_pid=

cleanup() {
  for pid in "$demo_pid" "$serve_pid"; do
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
      kill -INT "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  "$root/tools/pg_harness.sh" stop "$pg_state" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wants() { [[ " $only " == *" $1 "* ]]; }
section() { printf '\n== %s\n' "$*"; }
# The value of key=value in the last line of FILE that starts with PREFIX.
field() { grep "^$2" "$1" | tail -n 1 | tr ' ' '\n' | sed -n "s/^$3=//p"; }

section "machine"
echo "date:    $(date -u '+%Y-%m-%d %H:%M UTC')"
if commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null); then
  git -C "$root" diff --quiet HEAD -- src apps bench 2>/dev/null || commit+=" with uncommitted changes"
else
  commit="? (not a git checkout)"
fi
echo "commit:  $commit"
echo "cpu:     $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
echo "memory:  $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
echo "os:      $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
echo "sqlite:  $(sqlite3 --version | cut -d' ' -f1); postgresql: $(psql --version | awk '{print $3}')"
echo "build:   $build ($(grep -m1 '^CMAKE_BUILD_TYPE' "$build/CMakeCache.txt" 2>/dev/null | cut -d= -f2 || echo '?'))"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min); other work on the machine skews the figures"
echo "runs:    $repeat of each (BENCH_REPEAT); take the best"

# 1. hearth synth --england: wall time and peak memory, writing nowhere and writing files.
if wants synth; then
  section "hearth synth --england (153 authorities, 5 years): target under 60 s and 4 GiB"
  for run in $(seq 1 "$repeat"); do
    "$measure" --label "synth --england (run $run)" --stdout "$work/synth.out" -- \
      "$hearth" synth --england 2>&1 | grep '^measure:'
    tail -n 1 "$work/synth.out"
    rm -rf "$work/england"
    "$measure" --label "synth --england --out DIR (run $run)" --stdout "$work/synth.out" -- \
      "$hearth" synth --england --out "$work/england" 2>&1 | grep '^measure:'
    echo "written: $(du -sh "$work/england" | cut -f1)"
    rm -rf "$work/england"
  done
fi

pg_url=
start_postgres() {  # the throwaway server, once (not in a subshell: it sets pg_url)
  if [[ -z "$pg_url" ]]; then
    pg_url=$("$root/tools/pg_harness.sh" start "$pg_state")
  fi
}
pg_database() {  # pg_database NAME: a fresh, empty database on the throwaway server; prints its URL
  PGOPTIONS='-c client_min_messages=warning' psql -q -v ON_ERROR_STOP=1 "$pg_url" \
    -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" >&2
  echo "${pg_url%/*}/$1"
}

# The table that Hearth's bulk load fills with the rows in the CSV (record_revision in
# src/hearth/store/migrations/*/0001_records.sql), for the peers to import into.
sqlite_peer_table="CREATE TABLE record_revision (seq INTEGER PRIMARY KEY, kind TEXT NOT NULL,
  la_code TEXT NOT NULL, record_id TEXT NOT NULL, revision INTEGER NOT NULL CHECK (revision >= 1),
  child_id TEXT NOT NULL DEFAULT '', recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL CHECK (recorded_by <> ''), reason TEXT NOT NULL CHECK (reason <> ''),
  withdrawn INTEGER NOT NULL DEFAULT 0 CHECK (withdrawn IN (0, 1)), body TEXT NOT NULL,
  UNIQUE (kind, la_code, record_id, revision));"
pg_peer_table="CREATE TABLE record_revision (seq BIGINT PRIMARY KEY, kind TEXT COLLATE \"C\" NOT NULL,
  la_code TEXT COLLATE \"C\" NOT NULL, record_id TEXT COLLATE \"C\" NOT NULL,
  revision INTEGER NOT NULL CHECK (revision >= 1), child_id TEXT COLLATE \"C\" NOT NULL DEFAULT '',
  recorded_at TEXT NOT NULL, recorded_by TEXT NOT NULL CHECK (recorded_by <> ''),
  reason TEXT NOT NULL CHECK (reason <> ''),
  withdrawn INTEGER NOT NULL DEFAULT 0 CHECK (withdrawn IN (0, 1)), body TEXT NOT NULL,
  UNIQUE (kind, la_code, record_id, revision));"

# rate LABEL RECORDS MEASURE_LINE_FILE: records a second from measure's wall time.
rate() {
  local wall
  wall=$(grep '^measure:' "$3" | tail -n 1 | tr ' ' '\n' | sed -n 's/^wall_s=//p')
  awk -v label="$1" -v n="$2" -v s="$wall" \
    'BEGIN { printf "%-44s %10d records in %7.2f s = %8.0f records/s\n", label, n, s, n / s }'
}

# 2. Bulk load of the N largest authorities: Hearth's Store::bulk_load on SQLite and PostgreSQL,
#    and the same record_revision rows as CSV through sqlite3 .import and psql \copy.
if wants load; then
  section "bulk load of the $largest largest authorities (5 years) (BENCH_LARGEST)"
  start_postgres
  for run in $(seq 1 "$repeat"); do
    rm -f "$work"/load.db*
    csv_flag=()
    if [[ $run -eq 1 ]]; then csv_flag=(--csv "$work/rows.csv"); fi
    "$store_bench" load --db "$work/load.db" --largest "$largest" "${csv_flag[@]}" \
      | tee "$work/load_sqlite.out"
    records=$(field "$work/load_sqlite.out" "RESULT bulk_load" records)
    echo "hearth sqlite file: $(du -sh "$work/load.db" | cut -f1)"

    rm -f "$work"/peer.db*
    sqlite3 "$work/peer.db" "PRAGMA journal_mode = WAL;" "$sqlite_peer_table" >/dev/null
    "$measure" --label "sqlite3 .import (run $run)" -- sqlite3 -cmd "PRAGMA synchronous = FULL" \
      "$work/peer.db" ".import --csv $work/rows.csv record_revision" 2>"$work/peer_sqlite.out" ||
      { cat "$work/peer_sqlite.out" >&2; exit 1; }
    cat "$work/peer_sqlite.out"
    rate "peer: sqlite3 .import of the same rows" "$records" "$work/peer_sqlite.out"
    echo "peer sqlite file: $(du -sh "$work/peer.db" | cut -f1)"
    rm -f "$work"/peer.db* "$work"/load.db*

    db=$(pg_database bench_load)
    "$store_bench" load --db "$db" --largest "$largest" | tee "$work/load_pg.out"
    echo "hearth postgresql database: $(psql -At "$db" -c "SELECT pg_size_pretty(pg_database_size(current_database()))")"
    peer=$(pg_database bench_peer)
    psql -q -v ON_ERROR_STOP=1 "$peer" -c "$pg_peer_table"
    "$measure" --label "psql \\copy (run $run)" --stdout /dev/null -- psql -q -v ON_ERROR_STOP=1 \
      "$peer" -c "\\copy record_revision FROM '$work/rows.csv' WITH (FORMAT csv, FORCE_NOT_NULL (child_id))" \
      2>"$work/peer_pg.out" || { cat "$work/peer_pg.out" >&2; exit 1; }
    cat "$work/peer_pg.out"
    rate "peer: psql \\copy of the same rows" "$records" "$work/peer_pg.out"
    echo "peer postgresql database: $(psql -At "$peer" -c "SELECT pg_size_pretty(pg_database_size(current_database()))")"
    psql -q "$pg_url" -c "DROP DATABASE bench_load" -c "DROP DATABASE bench_peer"
  done
  rm -f "$work/rows.csv"
fi

# 3. Reads on the large fictional authority: child_record, find_children.
if wants read; then
  section "reads on the large fictional authority (5 years), SQLite (BENCH_BUDGET=$budget s a search)"
  for run in $(seq 1 "$repeat"); do
    rm -f "$work"/read.db*
    "$store_bench" read --db "$work/read.db" --budget "$budget"
    rm -f "$work"/read.db*
  done
  section "reads on the large fictional authority (5 years), PostgreSQL"
  start_postgres
  for run in $(seq 1 "$repeat"); do
    db=$(pg_database bench_read)
    "$store_bench" read --db "$db" --load-only
    echo "-- straight after the load, before autovacuum has run (a few calls):"
    "$store_bench" read --db "$db" --reuse --calls 500 --warmup 0 --queries 20 --budget 5 |
      grep -v '^RESULT'
    echo "-- after VACUUM ANALYZE:"
    # Statistics and hint bits, as autovacuum would see to within a minute or so of the load:
    # straight after a bulk load, queries plan without statistics and each first read of a row
    # dirties its page (see docs/PERFORMANCE.md).
    psql -q "$db" -c "VACUUM ANALYZE"
    "$store_bench" read --db "$db" --reuse --budget "$budget"
    psql -q "$pg_url" -c "DROP DATABASE bench_read"
  done
fi

# 4. hearth demo: the first start (generate a medium authority, load it, serve) and the next.
if wants demo; then
  section "hearth demo: first start (generate + load a medium authority) and second start, SQLite"
  # start_demo LABEL: runs hearth demo until it serves, and prints how long that took and how long
  # the first page then took.
  start_demo() {
    local started finished out=$work/demo.out
    : >"$out"
    started=$(date +%s.%N)
    "$hearth" demo --db "$work/demo.db" --port 0 >"$out" 2>"$work/demo.err" &
    demo_pid=$!
    while ! grep -q 'Hearth is serving' "$out"; do
      if ! kill -0 "$demo_pid" 2>/dev/null; then
        echo "bench: hearth demo stopped:" >&2
        cat "$work/demo.err" >&2
        exit 1
      fi
      sleep 0.02
    done
    finished=$(date +%s.%N)
    local url page
    url=$(grep -o 'http://[^ ]*/' "$out" | head -n 1)
    page=$(curl -s -L -o /dev/null -w '%{http_code} %{url_effective} in %{time_total} s' "$url")
    kill -INT "$demo_pid"
    wait "$demo_pid" || true
    demo_pid=
    awk -v label="$1" -v a="$started" -v b="$finished" -v page="$page" \
      'BEGIN { printf "%-28s serving after %6.2f s; first page %s\n", label, b - a, page }'
  }
  for run in $(seq 1 "$repeat"); do
    rm -f "$work"/demo.db*
    start_demo "first start (run $run)"
    start_demo "second start (run $run)"
  done
  rm -f "$work"/demo.db*
fi

# 5. Signing in at the real password cost, and the audit log's group commit.
if wants access; then
  section "sign-in (argon2id at Hearth's cost) and the audit log (group commit), SQLite and PostgreSQL"
  start_postgres
  for run in $(seq 1 "$repeat"); do
    rm -f "$work"/access.db*
    for threads in 1 2; do "$access_bench" signin --db "$work/access.db" --count 40 --threads "$threads"; done
    for threads in 1 8 32; do "$access_bench" audit --db "$work/access.db" --count 20000 --threads "$threads"; done
    db=$(pg_database bench_access)
    for threads in 1 2; do "$access_bench" signin --db "$db" --count 40 --threads "$threads"; done
    for threads in 1 8 32; do "$access_bench" audit --db "$db" --count 20000 --threads "$threads"; done
    psql -q "$pg_url" -c "DROP DATABASE bench_access"
    rm -f "$work"/access.db*
  done
fi

# 6. The child's record page under load: hearth serve on a medium authority (the demo's), the
#    demo social worker signed in, wrk on loopback with 200 connections over their allocated
#    children (whole records, audited), first as fast as it goes, then paced at 1,550 and 2,500
#    pages a second offered.
if wants pages; then
  # pages_run DB LABEL: serve DB, sign in, run wrk three times (closed loop, two paced), stop.
  pages_run() {
    local db=$1 label=$2 out=$work/serve.out url password form token
    "$hearth" serve --db "$db" --port 0 >"$out" 2>"$work/serve.err" &
    serve_pid=$!
    while ! grep -q 'Hearth is serving' "$out"; do
      kill -0 "$serve_pid" 2>/dev/null || { cat "$work/serve.err" >&2; exit 1; }
      sleep 0.05
    done
    url=$(grep -o 'http://[^ ]*/' "$out" | head -n 1)
    url=${url%/}
    password=$(awk '$1 == "social.worker" { print $2 }' "$work/accounts.txt")
    form=$(curl -s -c "$work/jar" "$url/sign-in")
    token=$(sed -n 's/.*name="csrf_token" value="\([0-9a-f]*\)".*/\1/p' <<<"$form" | head -n 1)
    curl -s -b "$work/jar" -c "$work/jar" -o /dev/null \
      --data "csrf_token=$token&username=social.worker&password=$password" "$url/sign-in"
    awk '$6 == "hearth_session" { print $7 }' "$work/jar" >"$work/session"
    [ -s "$work/session" ] || { echo "pages: social.worker could not sign in on $label" >&2; exit 1; }
    curl -s -b "hearth_session=$(cat "$work/session")" "$url/my-work" |
      grep -o 'href="/children/[^"]*"' | sed 's/href="//; s/"$//' | sort -u >"$work/pages"
    [ -s "$work/pages" ] || { echo "pages: My work lists no children on $label" >&2; exit 1; }
    local status
    status=$(curl -s -o /dev/null -w '%{http_code}' -b "hearth_session=$(cat "$work/session")" \
      "$url$(head -n 1 "$work/pages")")
    [ "$status" = 200 ] || { echo "pages: a child's page answered $status on $label" >&2; exit 1; }
    echo "$label: $(wc -l <"$work/pages") allocated children, a page each of $(curl -s -b "hearth_session=$(cat "$work/session")" "$url$(head -n 1 "$work/pages")" | wc -c) bytes or so"
    echo "-- as fast as it goes (closed loop: latency is 200 connections / throughput):"
    PAGES_FILE=$work/pages SESSION_FILE=$work/session wrk -t2 -c200 -d"${seconds}s" --latency \
      -s "$root/bench/wrk/pages.lua" "$url" | grep '^RESULT'
    # Paced: each connection pauses after each answer, so the rate served is a little under the
    # rate offered; 1,550 offered serves at least the issue's 1,500.
    for rate in 1550 2500; do
      echo "-- paced at $rate pages a second offered:"
      PAGES_FILE=$work/pages SESSION_FILE=$work/session RATE=$rate CONNECTIONS=200 \
        wrk -t2 -c200 -d"${seconds}s" --latency -s "$root/bench/wrk/pages.lua" "$url" |
        grep '^RESULT'
    done
    kill -INT "$serve_pid"
    wait "$serve_pid" || true
    serve_pid=
  }
  # The accounts table `hearth demo` prints, as "username password" lines.
  accounts_of() { awk 'NF >= 3 && $1 ~ /\./ || $1 == "analyst" || $1 == "admin" || $1 == "auditor" { print $1, $2 }' "$1"; }
  section "the child's record page under load (wrk, 200 connections), medium authority, auditing on"
  start_postgres
  for run in $(seq 1 "$repeat"); do
    rm -f "$work"/pages.db*
    "$hearth" demo --db "$work/pages.db" --no-serve >"$work/demo.out" 2>/dev/null
    accounts_of "$work/demo.out" >"$work/accounts.txt"
    pages_run "$work/pages.db" "SQLite (run $run)"
    rm -f "$work"/pages.db*
    db=$(pg_database bench_pages)
    "$hearth" demo --db "$db" --no-serve >"$work/demo.out" 2>/dev/null
    accounts_of "$work/demo.out" >"$work/accounts.txt"
    psql -q "$db" -c "VACUUM ANALYZE"
    pages_run "$db" "PostgreSQL (run $run)"
    psql -q "$pg_url" -c "DROP DATABASE bench_pages"
  done
fi

# 7. The statutory returns of the large fictional authority (5 years), SQLite: SSDA903 and the
# CIN census, each exported and validated; then how validation grows with the authority (small,
# medium, large).
if wants returns; then
  section "hearth export and validate (903 and cin) of the large fictional authority (5 years), SQLite: target under 1 s each"
  rm -f "$work"/returns.db*
  "$hearth" synth --size large --db "$work/returns.db" >/dev/null
  # The generator's gigabyte is still being written back to disk: measured now, the export's
  # commits would wait on it (an fdatasync waits for the file system's journal).
  sync
  for run in $(seq 1 "$repeat"); do
    rm -rf "$work/903" "$work/cin.xml"
    "$measure" --label "export 903 (run $run)" --stdout "$work/export.out" -- \
      "$hearth" export 903 --db "$work/returns.db" --year 2026 --out "$work/903" 2>&1 |
      grep '^measure:'
    grep -E 'header.csv|episodes.csv' "$work/export.out"
    "$measure" --label "validate 903 (run $run)" --stdout "$work/validate.out" -- \
      "$hearth" validate 903 "$work/903" --year 2026 2>&1 | grep '^measure:'
    head -n 1 "$work/validate.out"
    "$measure" --label "export cin (run $run)" --stdout "$work/export.out" -- \
      "$hearth" export cin --db "$work/returns.db" --year 2026 --out "$work/cin.xml" 2>&1 |
      grep '^measure:'
    cat "$work/export.out"
    "$measure" --label "validate cin (run $run)" --stdout "$work/validate.out" -- \
      "$hearth" validate cin "$work/cin.xml" 2>&1 | grep '^measure:'
    head -n 1 "$work/validate.out"
  done
  rm -rf "$work/903" "$work"/returns.db*

  section "validation as the authority grows: small, medium and large fictional authorities (5 years)"
  for size in small medium large; do
    rm -f "$work"/grow.db* && rm -rf "$work/grow903" "$work/grow.xml"
    "$hearth" synth --size "$size" --db "$work/grow.db" >/dev/null
    "$hearth" export 903 --db "$work/grow.db" --year 2026 --out "$work/grow903" >/dev/null 2>&1
    "$hearth" export cin --db "$work/grow.db" --year 2026 --out "$work/grow.xml" >/dev/null 2>&1
    echo "$size: 903 episodes $(($(wc -l <"$work/grow903/episodes.csv") - 1)) rows, $(du -sh "$work/grow903" | cut -f1); cin $(grep -c '<Child>' "$work/grow.xml") children, $(du -sh "$work/grow.xml" | cut -f1)"
    "$measure" --label "validate 903 $size" --stdout /dev/null -- \
      "$hearth" validate 903 "$work/grow903" --year 2026 2>&1 | grep '^measure:'
    "$measure" --label "validate cin $size" --stdout /dev/null -- \
      "$hearth" validate cin "$work/grow.xml" 2>&1 | grep '^measure:'
    # The same files through the pandas validators, when they are here (bench/pandas/).
    if [[ -n "${VALIDATOR903_DIR:-}" ]]; then
      "$measure" --label "pandas validator903 $size" --stdout "$work/pandas.out" -- \
        /usr/bin/python3 "$root/bench/pandas/run903.py" "$work/grow903" --year 2026 \
        --out "$work/pandas.tsv" 2>&1 | grep '^measure:' || true  # optional: never ends the run
      grep -E '^(read_s|validate_s|rules:)' "$work/pandas.out" | tr '\t' ' ' || true
    fi
    if [[ -n "${CIN_VALIDATOR_DIR:-}" && ( "$size" != large || "${BENCH_PANDAS_CIN_LARGE:-0}" == 1 ) ]]; then
      "$measure" --label "pandas cin_validator $size" --stdout "$work/pandas.out" -- \
        /usr/bin/python3 "$root/bench/pandas/runcin.py" "$work/grow.xml" --ruleset cin2024_25 \
        --out "$work/pandas.tsv" 2>&1 | grep '^measure:' || true
      grep -E '^time (read|validate)' "$work/pandas.out" || true
    fi
  done
  rm -rf "$work"/grow.db* "$work/grow903" "$work/grow.xml"

  # All 153 authorities' returns, written as their systems would send them (no database), then
  # validated together as a national analyst holding them would.
  section "validate --england: both returns of all 153 synthetic authorities (5 years each), target under 30 s"
  rm -rf "$work/england"
  "$measure" --label "synth --england --returns (setup, not the target)" --stdout "$work/synth.out" -- \
    "$hearth" synth --england --no-partner-records --returns "$work/england" 2>&1 | grep '^measure:'
  tail -n 1 "$work/synth.out"
  echo "returns on disk: $(du -sh "$work/england" | cut -f1)"
  for run in $(seq 1 "$repeat"); do
    "$measure" --label "validate --england (run $run)" --stdout "$work/validate.out" -- \
      "$hearth" validate --england "$work/england" --year 2026 2>&1 | grep '^measure:'
    head -n 3 "$work/validate.out"
  done
  rm -rf "$work/england"
fi
