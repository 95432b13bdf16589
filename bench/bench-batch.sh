#!/usr/bin/env bash
# Batch benchmark: a SYNTHETIC long file of 10^4 entities x 2,000 five-minute points (every
# tenth entity shut down for 6 hours), generated into /tmp once; `disrupt batch` on it with one
# job and with every core: entities/s, points/s per core and peak memory (maximum resident
# set, /usr/bin/time). Then `detect` end to end on a SYNTHETIC year of 5-minute traffic
# (105,120 points, best of 3): points/s on one core. The machine may be shared.
# Usage: bash bench/bench-batch.sh [BUILD_DIR]   (default: build)
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$src/build}
bin=$build/disrupt
file=${DISRUPT_BENCH_BATCH_FILE:-/tmp/disrupt-bench-batch-synthetic.csv}
year=/tmp/disrupt-bench-year-synthetic.csv
entities=10000 points=2000
if [ ! -s "$file" ]; then
  echo "generating $file (synthetic) ..."
  awk -v E=$entities -v H=$points 'BEGIN {
    seed = 1; print "# synthetic: made up for the batch benchmark"; print "timestamp,entity,signal,value"
    for (k = 0; k < E; k++) for (h = 0; h < H; h++) {
      seed = (seed * 1103515245 + 12345) % 2147483648
      v = 1000 * (1 + 0.3 * sin(6.2831853 * h / 288)) * (0.95 + 0.1 * seed / 2147483648)
      if (k % 10 == 0 && h >= 1200 && h < 1272) v *= 0.02
      printf "%d,AS%05d,traffic,%.1f\n", 1600128000 + 300 * h, k, v } }' >"$file.tmp"
  mv "$file.tmp" "$file"
fi
if [ ! -s "$year" ]; then
  awk 'BEGIN { print "# synthetic: a year of 5-minute traffic for the benchmark"; print "time,traffic"
    seed = 3
    for (h = 0; h < 105120; h++) {
      seed = (seed * 1103515245 + 12345) % 2147483648
      v = 1000 * (1 + 0.3 * sin(6.2831853 * h / 288)) * (0.97 + 0.06 * seed / 2147483648)
      if (h >= 60000 && h < 70000) v *= 0.5
      printf "%d,%.1f\n", 1577836800 + 300 * h, v } }' >"$year"
fi
size=$(stat -c %s "$file")
echo "file: $file, $((size / 1000000)) MB, $entities entities x $points points"
cat "$file" >/dev/null   # warm the page cache
cores=$(nproc)
out=$(mktemp -d /tmp/disrupt-bench-batch-XXXXXX)
trap 'rm -rf "$out"' EXIT
for jobs in 1 "$cores"; do
  { /usr/bin/time -f 'time %e %U %S %M' "$bin" batch --quiet --jobs "$jobs" --out "$out/j$jobs" "$file" \
      >"$out/summary"; } 2>"$out/time"
  read -r _ wall user sys rss < <(grep '^time' "$out/time")
  awk -v j="$jobs" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v e=$entities -v p=$((entities * points)) \
    'BEGIN { printf "batch --jobs %d: %.1f s wall (%.1f s CPU), %.0f entities/s, %.3g points/s, %.3g points/s per core, peak %.0f MB\n",
             j, w, u + s, e / w, p / w, p / w / j, r / 1024 }'
  sed 's/^/  /' "$out/summary"
done
cmp -s "$out/j1/windows.json" "$out/j$cores/windows.json" && echo "  (--jobs 1 and --jobs $cores wrote the same bytes)"
best=
for _ in 1 2 3; do
  t=$( { /usr/bin/time -f '%e' "$bin" detect "$year" >/dev/null; } 2>&1 | tail -1 )
  if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
done
awk -v t="$best" 'BEGIN { printf "detect, a year of 5-minute traffic (105,120 points): %.2f s, %.3g points/s (best of 3, start-up and reading included)\n", t, 105120 / t }'
