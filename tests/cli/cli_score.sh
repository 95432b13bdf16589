#!/usr/bin/env bash
# cli_score.sh — detection accuracy on a seeded SYNTHETIC suite must meet the targets:
# F1 >= 0.9, kind accuracy >= 0.9, median boundary error <= 1 step, no false windows on
# no-event cases. Usage: cli_score.sh DISRUPT_BIN SOURCE_DIR
set -euo pipefail
bin=$1 src=$2
tmp=$(mktemp -d /tmp/disrupt-score-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
"$bin" simulate --suite "$tmp/suite" --count 40 --seed 11 > /dev/null
/usr/bin/python3 "$src/bench/score.py" "$bin" "$tmp/suite" --check
