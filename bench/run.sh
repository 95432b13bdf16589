#!/usr/bin/env bash
# `make bench`: runs every bench/bench-*.sh with the (Release) build directory given.
# Benchmarks print figures; they are not tests and assert nothing.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-build}" && pwd)
for script in "$here"/bench-*.sh; do
  echo "== $(basename "$script")"
  bash "$script" "$build"
done
