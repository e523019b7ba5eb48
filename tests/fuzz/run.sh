#!/usr/bin/env bash
# Builds the libFuzzer targets in build-fuzz (clang, -DHEARTH_FUZZ=ON) and runs each for
# FUZZ_SECONDS (default 60) on its corpus. Exits non-zero if any target finds a crash, a leak,
# undefined behaviour or a broken invariant; the input that did it is saved as
# build-fuzz/fuzz/findings/<target>/crash-* (replay it with the target and the file name).
#
#   tests/fuzz/run.sh                      # every target, 60 s each
#   FUZZ_SECONDS=600 tests/fuzz/run.sh query_fuzz
#
# Environment: FUZZ_SECONDS, FUZZ_JOBS (ninja -j, default 1), BUILD_DIR (default build-fuzz).
# New inputs the fuzzer finds go to build-fuzz/fuzz/corpus/<target>/, not into the source tree;
# copy a few interesting ones into tests/fuzz/corpus/<target>/ by hand.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${BUILD_DIR:-$root/build-fuzz}
seconds=${FUZZ_SECONDS:-60}
jobs=${FUZZ_JOBS:-1}
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=(values_fuzz query_fuzz form_fuzz csv_fuzz cin_xml_fuzz record_fuzz reference_fuzz); fi

if ! command -v clang++ >/dev/null; then
  echo "fuzz: clang++ is needed (apt-get install clang)" >&2
  exit 2
fi

mkdir -p "$build"
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DHEARTH_FUZZ=ON >"$build/configure.log" 2>&1 || {
  cat "$build/configure.log" >&2
  exit 2
}
ninja -C "$build" -j "$jobs" "${targets[@]}"

status=0
for target in "${targets[@]}"; do
  work="$build/fuzz/corpus/$target"
  findings="$build/fuzz/findings/$target"
  mkdir -p "$work" "$findings"
  echo "fuzz: $target for ${seconds}s"
  # The first folder receives new inputs; the seeds are read, never written.
  if ! (cd "$findings" && "$build/fuzz/$target" -max_total_time="$seconds" -print_final_stats=1 \
        -timeout=10 -rss_limit_mb=2048 "$work" "$root/tests/fuzz/corpus/$target" \
        >"$findings/log.txt" 2>&1); then
    echo "fuzz: $target FAILED; see $findings/log.txt and the crash-* files beside it" >&2
    tail -n 40 "$findings/log.txt" >&2
    status=1
  else
    grep -E '^stat::(number_of_executed_units|new_units_added)' "$findings/log.txt" || true
    echo "fuzz: $target passed"
  fi
done
exit $status
