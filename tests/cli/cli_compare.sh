#!/usr/bin/env bash
# cli_compare.sh — `disrupt compare` end to end on the bundled SYNTHETIC datasets: one row per
# year, JSON/CSV fields, --by file, --year-start, the chart, usage errors.
# Usage: cli_compare.sh DISRUPT_BIN SOURCE_DIR
set -u
bin=$1
src=$2
years=$src/datasets/azerbaijan-2018-2021/traffic.csv
az2020=$src/datasets/azerbaijan-2020
tmp=$(mktemp -d /tmp/disrupt-cli-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fails=0 passes=0
check() { # check NAME CONDITION...
    local name=$1; shift
    if "$@"; then passes=$((passes + 1)); else fails=$((fails + 1)); echo "FAIL: $name"; fi
}
contains() { grep -qF -- "$2" "$1"; }

"$bin" compare --by file "$az2020/traffic.csv" "$src/datasets/iran-2019/traffic.csv" \
    > "$tmp/files.txt" 2>&1
check "same-named files get rows that differ" grep -q '^azerbaijan-2020/traffic.csv ' "$tmp/files.txt"
check "... for each of them" grep -q '^iran-2019/traffic.csv ' "$tmp/files.txt"

"$bin" compare --by year --json "$tmp/y.json" --csv "$tmp/y.csv" --plot "$tmp/y.png" --overlay \
    "$years" > "$tmp/table.txt" 2> "$tmp/err.txt"
check "compare exits 0" test $? -eq 0
check "table: one row per year 2018-2021" test "$(grep -cE '^20(18|19|20|21) ' "$tmp/table.txt")" -eq 4
check "table: 2020 has the 46-day throttling, 27 Sep to its last day, 11 Nov" grep -qE '^2020 .* 46 .* 46\.0d .* 2020-09-27  2020-11-11' "$tmp/table.txt"
check "json periods" /usr/bin/python3 - "$tmp/y.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["version"] == "1" and d["by"] == "year"
p = d["periods"]
assert [x["name"] for x in p] == ["2018", "2019", "2020", "2021"], p
y = {x["name"]: x for x in p}
assert y["2020"]["covered_days"] == 366 and y["2019"]["covered_days"] == 365
t = y["2020"]
assert t["by_kind"]["throttling"] >= 1
assert t["longest_days"] == 46 and t["first_day"] == "2020-09-27", t
assert t["last_day"] == "2020-11-11" and t["calendar_days"] == 46 and t["disrupted_days"] == 46, t
assert abs(t["deepest"] - 0.4) < 0.05
for x in p:
    assert x["windows"] == sum(x["by_kind"].values())
    assert (x["first_day"] is None) == (x["windows"] == 0)
PY
check "csv: header and four rows" test "$(wc -l < "$tmp/y.csv")" -eq 5
check "csv: 2020 row" grep -q '^2020,2020-01-01T00:00:00Z,2021-01-01T00:00:00Z,366,' "$tmp/y.csv"
check "chart is a PNG" test "$(head -c 4 "$tmp/y.png" | od -An -c | tr -d ' ')" = "211PNG"

# Years from 21 March in Baku: the first period starts on 2017-03-20T20:00Z.
"$bin" compare --year-start 03-21 --tz Asia/Baku --json - "$years" > "$tmp/n.json"
check "year start and zone" /usr/bin/python3 -c "
import json; p = json.load(open('$tmp/n.json'))['periods']
assert p[0]['name'] == '2017/18' and p[0]['start'] == '2017-03-20T20:00:00Z', p[0]
assert p[-1]['name'] == '2021/22', p[-1]"

# --by file: one row per input, each detected on its own.
"$bin" compare --by file --csv - "$az2020/traffic.csv" "$az2020/www.facebook.com.csv" > "$tmp/f.csv"
check "by file: two rows" test "$(wc -l < "$tmp/f.csv")" -eq 3
check "by file: traffic row" grep -q '^traffic.csv,2020-06-01T00:00:00Z,2021-02-01T00:00:00Z,' "$tmp/f.csv"
check "by file: facebook blocking" grep -qE '^www.facebook.com.csv,.*,1,0,0,1,0,44,' "$tmp/f.csv"
"$bin" compare --by file --plot "$tmp/f.svg" "$az2020/traffic.csv" "$az2020/www.facebook.com.csv" > /dev/null
check "by file chart is SVG" grep -q "<svg" "$tmp/f.svg"

# Progress: a bar on a terminal (script(1) gives the command a pseudo-terminal), none with
# --quiet, and the table intact after the bar is cleared.
if script -qec true /dev/null > /dev/null 2>&1; then  # a pseudo-terminal can be had
    script -qec "'$bin' compare --by file '$az2020/traffic.csv' '$az2020/throughput.csv'" /dev/null > "$tmp/tty.txt"
    check "bar drawn on a terminal" contains "$tmp/tty.txt" "compare  [############............]  1/2 files"
    check "bar completes" contains "$tmp/tty.txt" "2/2 files"
    check "table follows the bar" grep -q '^throughput.csv ' "$tmp/tty.txt"
    script -qec "'$bin' compare --quiet --by file '$az2020/traffic.csv' '$az2020/throughput.csv'" /dev/null > "$tmp/quiet.txt"
    check "--quiet: no bar" test -z "$(grep -F 'files' "$tmp/quiet.txt")"
else
    echo "note: no pseudo-terminal here (/dev/pts); the progress-bar checks did not run"
fi

"$bin" compare --by month "$years" > /dev/null 2> "$tmp/e1"
check "bad --by is a usage error" test $? -eq 2
check "bad --by message" contains "$tmp/e1" "--by expects year or file, found 'month'"
"$bin" compare --year-start 13-01 "$years" > /dev/null 2>&1
check "bad --year-start is a usage error" test $? -eq 2
"$bin" compare --overlay "$years" > /dev/null 2>&1
check "--overlay without --plot is a usage error" test $? -eq 2
printf 'time,traffic\n2020-01-01T00:00:00Z,abc\n' > "$tmp/bad.csv"
"$bin" compare "$tmp/bad.csv" > /dev/null 2> "$tmp/e2"
check "bad data exits 1 with its place" test $? -eq 1 -a -n "$(grep -F 'bad.csv:2:2' "$tmp/e2")"

echo "cli_compare: $passes passed, $fails failed"
test "$fails" -eq 0
