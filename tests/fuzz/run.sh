#!/usr/bin/env bash
# tests/fuzz/run.sh BUILD SECONDS [JOBS] — runs every libFuzzer harness built in BUILD for
# SECONDS each, JOBS at a time, and prints per harness the executions, their rate, the
# coverage (libFuzzer's edge and feature counts) and the corpus size. Each harness starts
# from its seeds (tests/fuzz/seeds/NAME and the data files of tests/ and datasets/, with the
# option bytes the harness reads first) and from the corpus earlier runs kept in
# BUILD/fuzz/corpus/NAME. A crash, leak, time-out or broken promise fails the run; the input
# is kept in BUILD/fuzz/crashes/ and the report's first lines are printed.
# FUZZ_SEED=N fixes libFuzzer's random seed (0 = a new one each run): make test uses 1, so
# that from the same seeds a run takes the same path on every machine (a slower one only
# stops earlier on it) and a landing cannot fail on a path no earlier run took.
set -u
build=$(cd "$1" && pwd)
seconds=$2
jobs=${3:-2}
src=$(cd "$(dirname "$0")/../.." && pwd)
work=$build/fuzz
mkdir -p "$work/corpus" "$work/crashes" "$work/logs"
rm -rf "$work/seeds"

# seed NAME PREFIX FILE…: copies each file (its first 16 KiB; the runs read 4 KiB of an input)
# behind the option bytes PREFIX.
seed() {
  local name=$1 prefix=$2 f
  shift 2
  mkdir -p "$work/seeds/$name"
  for f in "$@"; do
    [ -f "$f" ] || continue
    { printf "$prefix"; head -c 16384 "$f"; } >"$work/seeds/$name/$(echo "$f" | tr '/' '_')"
  done
}
cd "$src"
csvs=$(ls tests/data/*.csv datasets/*/*.csv tests/data/real/*/*.csv 2>/dev/null)
seed fuzz_ingest '\0\0' $csvs
seed fuzz_ingest '' tests/fuzz/seeds/ingest/*              # option bytes included (JSON)
seed fuzz_ingest '\1\0' tests/data/plain-synthetic.csv   # plain, forced
seed fuzz_ingest '\0\1' tests/data/long-synthetic.csv    # aggregate by sum
seed fuzz_csvread '\0' $csvs tests/fuzz/seeds/claims/*
seed fuzz_claims '\0' datasets/*/claims.csv tests/fuzz/seeds/claims/* tests/data/radar-annotations-synthetic.json
seed fuzz_claims '\1' tests/fuzz/seeds/claims/*          # in Asia/Baku
seed fuzz_events '' datasets/*/events.csv
seed fuzz_json '\0' tests/data/*.json datasets/*/*.json
mkdir -p "$work/seeds/fuzz_timeparse"
cp tests/fuzz/seeds/timeparse/* "$work/seeds/fuzz_timeparse/"

run_one() {
  local name=$1 bin=$build/$1 log=$work/logs/$1.log
  mkdir -p "$work/corpus/$name"
  rm -f "$work/crashes/$name-"*   # a crash is reported by the run that finds it
  local max_len=4096
  [ "$name" = fuzz_timeparse ] && max_len=257
  "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2560 -max_len=$max_len \
    -print_final_stats=1 -artifact_prefix="$work/crashes/$name-" -seed="${FUZZ_SEED:-0}" \
    "$work/corpus/$name" "$work/seeds/$name" >"$log" 2>&1
  local rc=$?
  local runs rate cov ft corp
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  corp=$(ls "$work/corpus/$name" | wc -l)
  if [ $rc -ne 0 ]; then
    echo "$name: FAILED after ${runs:-?} runs (log: $log)"
    grep -m1 -A12 -E 'ERROR: |broken promise|SUMMARY' "$log" | sed 's/^/    /'
    ls "$work/crashes/$name-"* 2>/dev/null | sed 's/^/    input: /'
    return 1
  fi
  printf '%-15s %10s runs %7s/s  cov %5s  ft %6s  corpus %5s  (%ss)\n' "$name" "$runs" "$rate" \
    "$cov" "$ft" "$corp" "$seconds"
}
export -f run_one
export build work seconds FUZZ_SEED

harnesses=$(cd "$build" && ls fuzz_* | grep -v '\.' )
[ -n "$harnesses" ] || { echo "no harness in $build: build the 'fuzzers' target" >&2; exit 1; }
printf '%s\n' $harnesses | xargs -P "$jobs" -I{} bash -c 'run_one {}'
