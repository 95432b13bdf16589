#!/usr/bin/env bash
# `disrupt simulate` from the command line: files written, determinism per seed, messages
# and exit statuses (0 ok, 1 data error, 2 usage error).
#   bash tests/cli/cli_simulate.sh DISRUPT_BIN SOURCE_DIR
set -uo pipefail
bin=$1
src=$2
tmp=$(mktemp -d /tmp/disrupt-test-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
# expect STATUS PATTERN ARGS...: runs the command, checks status and that stderr matches.
expect() {
  local want=$1 pattern=$2
  shift 2
  "$bin" simulate "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  [ "$got" -eq "$want" ] || fail "simulate $* exited $got, expected $want: $(cat "$tmp/err")"
  grep -q -- "$pattern" "$tmp/err" || fail "simulate $*: stderr lacks '$pattern': $(cat "$tmp/err")"
}

# Same seed, same bytes; another seed, other values; the seed is recorded.
"$bin" simulate --scenario iran-2019 --seed 7 --out "$tmp/a" >/dev/null || fail "iran-2019 seed 7"
"$bin" simulate --scenario iran-2019 --seed 7 --out "$tmp/b" >/dev/null || fail "iran-2019 seed 7 again"
"$bin" simulate --scenario iran-2019 --seed 8 --out "$tmp/c" >/dev/null || fail "iran-2019 seed 8"
diff -r "$tmp/a" "$tmp/b" >/dev/null || fail "same seed gave different files"
cmp -s "$tmp/a/traffic.csv" "$tmp/c/traffic.csv" && fail "seeds 7 and 8 gave the same traffic"
grep -q '"seed": 7' "$tmp/a/meta.json" || fail "meta.json does not record seed 7"
grep -q -- '--seed 7; not a measurement' "$tmp/a/traffic.csv" || fail "comment line lacks the seed"
for f in traffic.csv ioda-iran.csv truth.json meta.json; do
  [ -s "$tmp/a/$f" ] || fail "iran-2019 did not write $f"
done
ls "$tmp/a" | grep -q 'XXXXXX\|\.[A-Za-z0-9]\{6\}$' && fail "temporary files left behind"

# --spec, and the same case from standard input
"$bin" simulate --spec "$src/tests/data/simulate-throttle.json" --out "$tmp/spec" >"$tmp/out" ||
  fail "--spec"
grep -q '10 truth windows' "$tmp/out" || fail "--spec summary: $(cat "$tmp/out")"
[ -s "$tmp/spec/www.example.com.csv" ] || fail "--spec did not write the OONI file"

# Suite: an index and one folder per case, reproducible.
"$bin" simulate --suite "$tmp/s1" --count 6 --seed 4 >/dev/null || fail "--suite"
"$bin" simulate --suite "$tmp/s2" --count 6 --seed 4 >/dev/null || fail "--suite again"
[ "$(grep -c '^case-' "$tmp/s1/suite.csv")" -eq 6 ] || fail "suite.csv does not list 6 cases"
for i in 0001 0002 0003 0004 0005 0006; do
  [ -s "$tmp/s1/case-$i/traffic.csv" ] && [ -s "$tmp/s1/case-$i/truth.json" ] ||
    fail "case-$i incomplete"
  cmp -s "$tmp/s1/case-$i/traffic.csv" "$tmp/s2/case-$i/traffic.csv" || fail "case-$i not reproducible"
done

# --list names the five scenarios
"$bin" simulate --list >"$tmp/out" || fail "--list"
[ "$(wc -l <"$tmp/out")" -eq 5 ] || fail "--list: $(cat "$tmp/out")"
"$bin" simulate --help | grep -q -- '--suite DIR' || fail "--help lacks --suite"

# Usage errors exit 2 with a hint; data errors exit 1 naming the file.
expect 2 "unknown scenario 'atlantis'" --scenario atlantis
expect 2 "exactly one of" --scenario iran-2019 --spec x.json
expect 2 "exactly one of"
expect 2 "try 'disrupt simulate --help'" --scenario iran-2019 --frobnicate
expect 2 "--seed expects a whole number" --scenario iran-2019 --seed abc
expect 2 "--seed expects a whole number from 1" --scenario iran-2019 --seed 0
expect 2 "--count goes with --suite" --scenario iran-2019 --count 3
expect 1 "missing.json: cannot open" --spec "$tmp/missing.json" --out "$tmp/x"
printf '{"name": "x",\n "start": 2021-01-01}\n' >"$tmp/bad.json"
expect 1 "bad.json:2:" --spec "$tmp/bad.json" --out "$tmp/x"
# The spec reader is bounded like every reader: binary data and endless input end at once.
expect 1 "/dev/zero:1:1: expected text, found a NUL byte" --spec /dev/zero --out "$tmp/x"
yes '"aaaaaaaaaaaaaaaa",' | head -c 40000000 | { printf '['; cat; } >"$tmp/huge.json"
expect 1 "expected a JSON file of at most 16777216 bytes" --spec "$tmp/huge.json" --out "$tmp/x"
touch "$tmp/file"
expect 1 "exists and is not a folder" --scenario iran-2019 --out "$tmp/file"
echo ok
