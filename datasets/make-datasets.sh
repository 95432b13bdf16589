#!/usr/bin/env bash
# Regenerates the SYNTHETIC series of the bundled datasets from their built-in scenarios.
#   bash datasets/make-datasets.sh DISRUPT_BIN [OUT_DIR]
# OUT_DIR defaults to this folder. Only generated files are written (CSVs, truth.json,
# meta.json); README.md, events.csv and claims.csv are written by hand and left alone.
# The output is byte-identical from run to run (tests/cli/cli_datasets.sh checks the committed
# files against a fresh run).
set -euo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: bash datasets/make-datasets.sh DISRUPT_BIN [OUT_DIR]" >&2
  exit 2
fi
bin=$1
out=${2:-$(cd "$(dirname "$0")" && pwd)}
mkdir -p "$out"

# Every dataset folder is named after the scenario that generates it.
scenarios="azerbaijan-2020 azerbaijan-2019-rally azerbaijan-2018-2021 myanmar-2021 iran-2019"

for name in $scenarios; do
  "$bin" simulate --scenario "$name" --out "$out/$name"
done
