#!/usr/bin/env bash
# `disrupt segment` end to end on a SYNTHETIC CSV of 10⁶ lines (index,value: Gaussian noise
# on levels that change 2 times, written by awk from a fixed seed), reading included: wall
# time (best of 3) and peak memory. Beside it, when R and its changepoint package are
# installed (CRAN; it is not in Debian), R's PELT with MBIC on the same file, reading
# included, in one Rscript: cpt.mean on the z-scored values (segment's default cost) and
# cpt.meanvar (--cost normal-meanvar). Figures only; nothing is asserted.
# Usage: bash bench/bench-segment-csv.sh [BUILD_DIR]   (default: build)
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$src/build}
lines=${DISRUPT_BENCH_LINES:-1000000}
file=${DISRUPT_BENCH_SEGMENT_FILE:-/tmp/disrupt-bench-segment-synthetic-$lines.csv}
if [ ! -s "$file" ]; then
  echo "generating $file (synthetic) ..."
  awk -v n="$lines" 'BEGIN {
    srand(2026); print "index,value";
    for (i = 0; i < n; i++) {
      u = rand(); v = rand(); if (u < 1e-300) u = 1e-300;
      g = sqrt(-2 * log(u)) * cos(6.283185307179586 * v);
      seg = int(i * 3 / n);
      printf "%d,%.6f\n", i, (seg % 2 ? 2 : 0) + g * (seg == 0 ? 1.5 : 1);
    } }' > "$file.tmp" && mv "$file.tmp" "$file"
fi
echo "file: $file, $lines lines, $(($(stat -c %s "$file") / 1000000)) MB"

# Best wall time of 3 runs of a command, and the peak memory of the best run.
best_of_3() {
  local best= mem= t m
  for _ in 1 2 3; do
    read -r t m < <({ /usr/bin/time -f '%e %M' "$@" >/dev/null; } 2>&1 | tail -1)
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; mem=$m; fi
  done
  printf '%.2f s, peak %.0f MB' "$best" "$(echo "$mem / 1024" | bc -l)"
}

cat "$file" >/dev/null  # warm the page cache
echo "disrupt segment (PELT, normal-mean, MBIC):     $(best_of_3 "$build/disrupt" segment --quiet "$file")"
echo "disrupt segment --cost normal-meanvar:         $(best_of_3 "$build/disrupt" segment --quiet --cost normal-meanvar "$file")"
if command -v Rscript >/dev/null 2>&1 && Rscript -e 'library(changepoint)' >/dev/null 2>&1; then
  reader='read.csv(f)'
  if Rscript -e 'library(data.table)' >/dev/null 2>&1; then reader='data.table::fread(f)'; fi
  for fn in cpt.mean cpt.meanvar; do
    Rscript -e "suppressMessages(library(changepoint)); f <- '$file';
      t <- system.time({ d <- $reader; x <- as.numeric(scale(d[['value']]));
                         r <- $fn(x, method = 'PELT', penalty = 'MBIC') })[['elapsed']];
      cat(sprintf('R changepoint %s %s (PELT, MBIC), reading by %s: %.2f s wall, %d changes\n',
          packageVersion('changepoint'), '$fn', '$reader', t, length(cpts(r))))"
  done
else
  echo "R changepoint: skipped (not installed; it is on CRAN, not in Debian)"
fi
