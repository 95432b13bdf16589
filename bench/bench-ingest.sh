#!/usr/bin/env bash
# Ingest benchmark: generate a ~0.9 GB SYNTHETIC plain CSV (2 signals, 5-minute steps,
# 1970-2099) into /tmp once, then time reading it into series beside `wc -l` on the same
# (cached) file. The machine may be shared: the CPU time beside the wall time is the steadier
# figure. Usage: bash bench/bench-ingest.sh [BUILD_DIR]   (default: build-rel, Release)
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$src/build-rel}
file=${DISRUPT_BENCH_FILE:-/tmp/disrupt-bench-ingest-synthetic.csv}
if [ ! -x "$build/bench_ingest" ]; then
  cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Release -DDISRUPT_TESTS=OFF >/dev/null
  cmake --build "$build" -j2 --target bench_ingest >/dev/null
fi
if [ ! -s "$file" ]; then
  echo "generating $file (synthetic) ..."
  "$build/bench_ingest" generate "$file"
fi
size=$(stat -c %s "$file")
echo "file: $file, $((size / 1000000)) MB, $(head -c 300 "$file" | sed -n 3p) ..."
wc -l "$file" >/dev/null  # warm the page cache
best_wc=
for _ in 1 2 3; do
  t=$( { /usr/bin/time -f '%e' wc -l "$file" >/dev/null; } 2>&1 )
  if [ -z "$best_wc" ] || [ "$(echo "$t < $best_wc" | bc -l)" = 1 ]; then best_wc=$t; fi
done
printf 'wc -l:  %.1f MB in %.2f s = %.0f MB/s (best of 3)\n' "$(echo "$size/1000000" | bc -l)" \
  "$best_wc" "$(echo "$size/1000000/$best_wc" | bc -l)"
for run in 1 2; do
  echo "run $run:"
  "$build/bench_ingest" read "$file"
done
# The same file read by data.table's fread (the fastest reader R users know), when R and
# Debian's r-cran-data.table are installed: with one thread and with every core.
if command -v Rscript >/dev/null 2>&1 && Rscript -e 'library(data.table)' >/dev/null 2>&1; then
  for threads in 1 "$(nproc)"; do
    Rscript -e "suppressMessages(library(data.table)); setDTthreads($threads);
      t <- system.time(d <- fread('$file', skip = 'time'))[['elapsed']];
      cat(sprintf('fread (data.table %s, %d thread%s): %.2f s, %.0f MB/s, %d rows\n',
          packageVersion('data.table'), $threads, if ($threads == 1) '' else 's', t,
          $size / 1e6 / t, nrow(d)))"
  done
else
  echo "fread: skipped (R's data.table is not installed: Debian r-cran-data.table)"
fi
