#!/usr/bin/env bash
# cli_detect.sh — `disrupt detect` end to end: exit codes, messages, table, JSON, CSV, files.
# Usage: cli_detect.sh DISRUPT_BIN SOURCE_DIR
set -u
bin=$1
src=$2
tmp=$(mktemp -d /tmp/disrupt-cli-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fails=0 passes=0
check() { # check NAME CONDITION...
    local name=$1; shift
    if "$@"; then passes=$((passes + 1)); else fails=$((fails + 1)); echo "FAIL: $name"; fi
}
contains() { grep -qF -- "$2" "$1"; }

# A synthetic hourly series (made up here, deterministic): 60 days, a diurnal cycle, noise,
# and days 30..35 throttled to half.
awk 'BEGIN { srand(42); print "time,traffic";
  for (i = 0; i < 60*24; i++) {
    t = 1590969600 + i*3600; h = (i % 24);
    v = 1000 * exp(0.4*cos(2*3.14159265*(h-20)/24)) * exp(0.05*(rand()+rand()+rand()-1.5));
    if (i >= 30*24 && i < 35*24) v *= 0.5;
    printf "%d,%.3f\n", t, v } }' > "$tmp/traffic.csv"

"$bin" detect --json "$tmp/out.json" --csv "$tmp/out.csv" "$tmp/traffic.csv" > "$tmp/table.txt" 2> "$tmp/err.txt"
check "detect exits 0" test $? -eq 0
check "table names the window" contains "$tmp/table.txt" "throttling"
check "table has the start day" contains "$tmp/table.txt" "2020-07-01 00:00"
check "table has the end day" contains "$tmp/table.txt" "2020-07-06 00:00"
check "json written" test -s "$tmp/out.json"
check "json has the contract's shape" /usr/bin/python3 - "$tmp/out.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["version"] == "1"
s = d["signals"][0]
for k in ("name", "file", "step_seconds", "start", "end", "points", "missing", "changepoints"):
    assert k in s, k
assert s["name"] == "traffic" and s["step_seconds"] == 3600 and s["points"] == 1440
w = d["windows"]
assert len(w) == 1, w
w = w[0]
for k in ("signal", "kind", "start", "end", "start_ci", "end_ci", "duration_days", "baseline",
          "level", "depth", "corroborated_by"):
    assert k in w, k
assert w["kind"] == "throttling"
assert w["start"] == "2020-07-01T00:00:00Z" and w["end"] == "2020-07-06T00:00:00Z", w
assert w["start_ci"][0] <= w["start"] <= w["start_ci"][1]
assert abs(w["depth"] - 0.5) < 0.05
PY
check "csv has one window row" test "$(wc -l < "$tmp/out.csv")" -eq 2
check "csv row" contains "$tmp/out.csv" "traffic,throttling,2020-07-01T00:00:00Z,2020-07-06T00:00:00Z"

"$bin" detect --json - "$tmp/traffic.csv" > "$tmp/stdout.json"
check "--json - prints only JSON" /usr/bin/python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$tmp/stdout.json"

"$bin" detect "$tmp/traffic.csv" --json "$tmp/after.json" > /dev/null
check "options may follow the files" test -s "$tmp/after.json"

printf 'time,traffic\n2020-06-01T00:00:00Z,10\n2020-06-01T01:00:00Z,12ms\n' > "$tmp/bad.csv"
"$bin" detect "$tmp/bad.csv" > /dev/null 2> "$tmp/err.txt"
check "bad cell exits 1" test $? -eq 1
check "bad cell has FILE:LINE:COL" contains "$tmp/err.txt" "bad.csv:3:2:"
check "bad cell quotes what was found" contains "$tmp/err.txt" "'12ms'"

printf 'time,label\nyesterday,war begins\n' > "$tmp/events.csv"
"$bin" detect --plot "$tmp/x.png" --events "$tmp/events.csv" "$tmp/traffic.csv" > "$tmp/out.txt" 2> "$tmp/err.txt"
check "bad events file exits 1" test $? -eq 1
check "... before any analysis is printed" test ! -s "$tmp/out.txt"
check "... naming its place" contains "$tmp/err.txt" "events.csv:2:1:"

# Rows that share a time stamp are aggregated, and the analyst is told how many.
{ cat "$tmp/traffic.csv"; sed -n '2,4p' "$tmp/traffic.csv"; } > "$tmp/dup.csv"
"$bin" detect "$tmp/dup.csv" > /dev/null 2> "$tmp/err.txt"
check "duplicates still analysed" test $? -eq 0
check "duplicates are counted in a warning" contains "$tmp/err.txt" "3 rows fell on a time stamp already taken and were aggregated (mean"

"$bin" detect "$tmp/no-such-file.csv" > /dev/null 2> "$tmp/err.txt"
check "missing file exits 1" test $? -eq 1
check "missing file is named" contains "$tmp/err.txt" "no-such-file.csv"

"$bin" detect --no-such-option "$tmp/traffic.csv" > /dev/null 2> "$tmp/err.txt"
check "unknown option exits 2" test $? -eq 2
check "unknown option hints --help" contains "$tmp/err.txt" "--help"

"$bin" detect --throttling-depth 2 "$tmp/traffic.csv" > /dev/null 2> "$tmp/err.txt"
check "out-of-range option exits 2" test $? -eq 2

"$bin" detect > /dev/null 2> "$tmp/err.txt"
check "no file exits 2" test $? -eq 2

"$bin" detect --json "$tmp/no-such-dir/out.json" "$tmp/traffic.csv" > /dev/null 2> "$tmp/err.txt"
check "unwritable output exits 1" test $? -eq 1
check "unwritable output is named" contains "$tmp/err.txt" "no-such-dir/out.json"

# Two places' files with the same signal name: kept apart by their namespace, and never
# corroborating each other (made-up series).
mkdir -p "$tmp/az" "$tmp/am"
for place in az am; do
  awk -v p=$place 'BEGIN { print "time,bgp";
    for (i = 0; i < 10*24; i++) { v = 5000; if (i >= 5*24 && i < 6*24) v = 2500;
      printf "%d,%d\n", 1590969600 + i*3600, v } }' > "$tmp/$place/ioda.csv"
done
"$bin" detect --json "$tmp/ns.json" "$tmp/az/ioda.csv" "$tmp/am/ioda.csv" > /dev/null 2>&1
check "same-named signals of two files get their folders' names" /usr/bin/python3 -c "
import json; j = json.load(open('$tmp/ns.json'))
assert [s['name'] for s in j['signals']] == ['az/bgp', 'am/bgp'], j['signals']
assert len(j['windows']) == 2 and all(w['corroborated_by'] == [] for w in j['windows']), j['windows']"
"$bin" detect --label "$tmp/az/ioda.csv=Azerbaijan" "$tmp/az/ioda.csv" "$tmp/am/ioda.csv" > "$tmp/ns.txt" 2>&1
check "--label names a file's place" contains "$tmp/ns.txt" "Azerbaijan/bgp"
"$bin" detect --label nolabel "$tmp/az/ioda.csv" > /dev/null 2>&1
check "--label without = is a usage error" test $? -eq 2

# A dataset's folder given whole: its claims and events lists are named, not misread.
"$bin" detect "$2/datasets/azerbaijan-2020/claims.csv" > /dev/null 2> "$tmp/err.txt"
check "a claims list as data says --claims" contains "$tmp/err.txt" "found a claims list (label,start,end): give it with --claims"
"$bin" detect "$2/datasets/azerbaijan-2020/events.csv" > /dev/null 2> "$tmp/err.txt"
check "an events list as data says --events" contains "$tmp/err.txt" "give it with --events"
# Times without a zone: read as UTC, said once per file.
printf 'time,traffic\n2020-06-01T00:00:00,1\n2020-06-01T01:00:00,2\n2020-06-01T02:00:00,3\n' > "$tmp/naive.csv"
"$bin" inspect "$tmp/naive.csv" > /dev/null 2> "$tmp/err.txt"
check "zone-less times: one warning naming UTC" test "$(grep -c 'times carry no zone.*read as UTC' "$tmp/err.txt")" -eq 1
"$bin" inspect --tz Asia/Baku "$tmp/naive.csv" > /dev/null 2> "$tmp/err.txt"
check "with --tz no warning" test ! -s "$tmp/err.txt"

# Files the run would clobber or fight over are refused before anything runs (exit 2).
cp "$src/datasets/azerbaijan-2020/traffic.csv" "$tmp/in.csv"
cp "$tmp/in.csv" "$tmp/in.keep"
"$bin" detect --csv "$tmp/in.csv" "$tmp/in.csv" > /dev/null 2> "$tmp/err.txt"
check "an output that is an input exits 2" test $? -eq 2
check "... says it would be overwritten" grep -q "is also an input: it would be overwritten" "$tmp/err.txt"
check "... and the input is untouched" cmp -s "$tmp/in.csv" "$tmp/in.keep"
ln -s "$tmp/in.csv" "$tmp/alias.csv"
"$bin" detect --json "$tmp/alias.csv" "$tmp/in.csv" > /dev/null 2> "$tmp/err.txt"
check "an output that is an input by another name exits 2" test $? -eq 2
"$bin" detect --json "$tmp/o.x" --csv "$tmp/o.x" "$tmp/in.csv" > /dev/null 2> "$tmp/err.txt"
check "two outputs to one file exit 2" test $? -eq 2
check "... naming both" grep -q -- "--json and --csv both write" "$tmp/err.txt"
"$bin" detect - - < "$tmp/in.csv" > /dev/null 2> "$tmp/err.txt"
check "two inputs on standard input exit 2" test $? -eq 2
check "... saying so" grep -q "cannot both read standard input" "$tmp/err.txt"
"$bin" detect --events - --plot "$tmp/p.png" - < "$tmp/in.csv" > /dev/null 2> "$tmp/err.txt"
check "--events - beside an input - exits 2" test $? -eq 2
check "no chart was written" test ! -e "$tmp/p.png"

# A second column of one value only (a country of a handful of users): left out with a
# warning, the first analysed as alone.
awk -F, 'NR == 1 { print $0 ",tiny"; next } { print $0 "," (NR == 50 ? 5 : "") }' \
    "$tmp/traffic.csv" >"$tmp/two.csv"
"$bin" detect --csv - "$tmp/two.csv" >"$tmp/two.out" 2>"$tmp/two.err"
check "a signal that cannot be analysed: exit 0" test $? -eq 0
check "it is left out with its reason" contains "$tmp/two.err" \
    "tiny: too few normal samples to fit a baseline"
check "the other is analysed as alone" cmp -s "$tmp/two.out" \
    <("$bin" detect --csv - --signal traffic "$tmp/two.csv" 2>/dev/null)
"$bin" detect "$tmp/two.csv" 2>/dev/null | grep -q "^tiny: .*left out (see the warning)"
check "the table says so" test $? -eq 0
"$bin" detect --json - "$tmp/two.csv" 2>/dev/null | python3 -c 'import json, sys
d = json.load(sys.stdin)
s = {x["name"]: x for x in d["signals"]}
assert "left_out" not in s["traffic"] and "too few" in s["tiny"]["left_out"], s["tiny"]'
check "the JSON says so" test $? -eq 0
"$bin" report --out "$tmp/two-report" "$tmp/two.csv" >/dev/null 2>&1
check "the report says so" grep -q -e "^\*\*tiny was left out of the analysis\*\*: too few normal samples" \
    "$tmp/two-report/report.md"

echo "cli_detect: $passes passed, $fails failed"
test "$fails" -eq 0
