#!/usr/bin/env bash
# `make bench`: every benchmark against the Release build, then detection accuracy on a
# SYNTHETIC suite. Benchmarks print figures; they are not tests and assert nothing.
#   bash bench/run.sh [BUILD_DIR]   (default: build)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-build}" && pwd)
cmake --build "$build" -j2 >/dev/null
for exe in bench_segment bench_plot bench_simulate bench_verify; do
  echo "== $exe"
  "$build/$exe"
done
for script in "$here"/bench-*.sh; do
  echo "== $(basename "$script")"
  bash "$script" "$build"
done
echo "== detection accuracy (score.py on 200 SYNTHETIC cases, seed 1)"
suite=$(mktemp -d /tmp/disrupt-suite-XXXXXX)
trap 'rm -rf "$suite"' EXIT
"$build/disrupt" simulate --suite "$suite" --count 200 --seed 1 >/dev/null
/usr/bin/python3 "$here/score.py" "$build/disrupt" "$suite"
