#!/usr/bin/env bash
# cli_report.sh — `disrupt report` end to end on the bundled SYNTHETIC datasets: the folder's
# files, report.md's sections and embedded figures, JSON that parses, errors.
# Usage: cli_report.sh DISRUPT_BIN SOURCE_DIR
set -u
bin=$1
src=$2
data=$src/datasets/azerbaijan-2020
years=$src/datasets/azerbaijan-2018-2021/traffic.csv
tmp=$(mktemp -d /tmp/disrupt-cli-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fails=0 passes=0
check() { # check NAME CONDITION...
    local name=$1; shift
    if "$@"; then passes=$((passes + 1)); else fails=$((fails + 1)); echo "FAIL: $name"; fi
}
contains() { grep -qF -- "$2" "$1"; }

out=$tmp/az
"$bin" report --tz UTC --out "$out" --claims "$data/claims.csv" "$data/traffic.csv" "$data/web.whatsapp.com.csv" \
    "$data/www.facebook.com.csv" > "$tmp/stdout" 2> "$tmp/stderr"
check "report exits 0" test $? -eq 0
check "nothing on stderr off a terminal" test ! -s "$tmp/stderr"
for f in report.md report.html timeline.png timeline.svg windows.json windows.csv verdicts.json verdicts.csv; do
    check "writes $f" test -s "$out/$f"
done
check "no years figure for eight months of data" test ! -e "$out/years.png"
check "no temporary files left" test "$(ls "$out" | wc -l)" -eq 8
md=$out/report.md
check "md: summary" contains "$md" "## Summary"
check "md: window row with its interval" grep -qE '^\| traffic \| throttling \| 2020-09-27 00:00 \| .* \| 2020-11-12 00:00 \|' "$md"
check "md: verdicts" contains "$md" "| **supported** | start agrees, end agrees (lifted that day) |"
check "md: dates differ" contains "$md" "| **dates differ** | start 1d early, end agrees (lifted that day) |"
check "md: embeds the PNG" contains "$md" "](timeline.png)"
check "md: links the SVG" contains "$md" "[timeline.svg](timeline.svg)"
check "md: says synthetic" contains "$md" "**The data is SYNTHETIC**"
check "windows.json is detect's JSON" /usr/bin/python3 -c "
import json; d = json.load(open('$out/windows.json'))
assert d['version'] == '1' and any(w['signal'] == 'traffic' and w['kind'] == 'throttling' for w in d['windows'])"
check "verdicts.json" /usr/bin/python3 -c "
import json; d = json.load(open('$out/verdicts.json'))
assert [c['verdict'] for c in d['claims']][:2] == ['supported', 'dates differ']"
check "PNG signature" test "$(head -c 4 "$out/timeline.png" | od -An -c | tr -d ' ')" = "211PNG"

# Four years of data: the years table and figure appear; no claims, no verdict files.
"$bin" report --out "$tmp/years" "$years" > /dev/null 2>&1
check "years report exits 0" test $? -eq 0
check "years figure" test -s "$tmp/years/years.png" -a -s "$tmp/years/years.svg"
check "years table rows" test "$(grep -cE '^\| 20(18|19|20|21) \|' "$tmp/years/report.md")" -eq 4
check "no verdicts without claims" test ! -e "$tmp/years/verdicts.json"

"$bin" report "$years" > /dev/null 2> "$tmp/e1"
check "missing --out is a usage error" test $? -eq 2
"$bin" report --out "$tmp/x" --plot "$tmp/p.png" "$years" > /dev/null 2>&1
check "--plot is refused" test $? -eq 2
printf 'x' > "$tmp/file"
"$bin" report --out "$tmp/file" "$data/traffic.csv" > /dev/null 2> "$tmp/e2"
check "--out on a file exits 1" test $? -eq 1
check "--out on a file says why" contains "$tmp/e2" "exists and is not a folder"

# How the report was made: version, command, thresholds, inputs with their SHA-256, the run
# date from SOURCE_DATE_EPOCH; and verdicts.json carries the corroboration windows.csv has.
prov=$tmp/prov
SOURCE_DATE_EPOCH=1700000000 "$bin" report --quiet --tz UTC --out "$prov" --claims "$data/claims.csv" \
    "$data/traffic.csv" "$data/throughput.csv" "$data/web.whatsapp.com.csv" \
    "$data/www.facebook.com.csv" > /dev/null 2>&1
check "provenance: program version" grep -q "^- Program: disrupt $("$bin" --version | cut -d' ' -f2), on 2023-11-14T22:13:20Z" "$prov/report.md"
check "provenance: the command" grep -q "disrupt report --quiet --tz UTC --out $prov" "$prov/report.md"
check "provenance: thresholds" grep -q "shutdown at or below 0.25 of the baseline" "$prov/report.md"
check "provenance: traffic.csv with its SHA-256" grep -q "$(sha256sum "$data/traffic.csv" | cut -d' ' -f1)" "$prov/report.md"
check "provenance: the synthetic caveat" grep -q "^- Caveat: the data is SYNTHETIC" "$prov/report.md"
check "verdicts.json: the window's corroboration" /usr/bin/python3 -c "
import json; c = json.load(open('$prov/verdicts.json'))['claims'][0]
assert 'throughput' in c['window']['corroborated_by'], c['window']"
# A folder that cannot be written fails before the analysis.
"$bin" report --quiet --out /proc/no-such-folder "$data/traffic.csv" > /dev/null 2> "$tmp/e-out"
check "unwritable --out fails at once" test $? -eq 1
check "unwritable --out is named" grep -q "/proc/no-such-folder" "$tmp/e-out"

# --out is replaced whole: a report without claims over one with them leaves no stale
# verdicts; nothing is left beside the folder.
"$bin" report --quiet --out "$tmp/again" --claims "$data/claims.csv" "$data/traffic.csv" \
    "$data/web.whatsapp.com.csv" "$data/www.facebook.com.csv" > /dev/null 2>&1
check "a report with claims has verdicts" test -s "$tmp/again/verdicts.json"
"$bin" report --quiet --out "$tmp/again" "$data/traffic.csv" > /dev/null 2>&1
check "a report over an earlier one exits 0" test $? -eq 0
check "... leaves no stale verdicts beside the new windows" test ! -e "$tmp/again/verdicts.json"
check "... and the new report in place" test -s "$tmp/again/report.html"
check "nothing is left beside the folder" test -z "$(ls -d "$tmp"/again.* 2> /dev/null)"
mkdir "$tmp/thesis" && echo "draft" > "$tmp/thesis/chapter1.txt"
"$bin" report --quiet --out "$tmp/thesis" "$data/traffic.csv" > /dev/null 2> "$tmp/err"
check "a folder that is not a report is refused (exit 1)" test $? -eq 1
check "... saying why and naming --force" contains "$tmp/err" "not empty and not an earlier report"
check "... its files untouched" test "$(cat "$tmp/thesis/chapter1.txt")" = draft
"$bin" report --quiet --force --out "$tmp/thesis" "$data/traffic.csv" > /dev/null 2>&1
check "--force replaces it" test ! -e "$tmp/thesis/chapter1.txt" -a -s "$tmp/thesis/report.md"
mkdir -p "$tmp/deep/sub"
"$bin" report --quiet --force --out "$tmp/deep" "$data/traffic.csv" > /dev/null 2> "$tmp/err"
check "a folder holding folders is never replaced, even with --force" test $? -eq 1 -a -d "$tmp/deep/sub"

# Interrupted once the staging folder holds a file: SIGTERM leaves no half-made folder beside
# the target, and no target.
"$bin" report --quiet --tz UTC --out "$tmp/killed" --claims "$data/claims.csv" "$data/traffic.csv" \
    "$data/web.whatsapp.com.csv" "$data/www.facebook.com.csv" > /dev/null 2>&1 &
pid=$!
seen=0
for _ in $(seq 1 4000); do
  if [ -n "$(ls "$tmp"/killed.new-*/ 2> /dev/null)" ]; then seen=1; break; fi
  kill -0 $pid 2> /dev/null || break
  sleep 0.005
done
# Frozen first, so that the signal lands while the folder is still being filled, whatever the
# machine's speed; the handler runs as it continues.
kill -STOP $pid 2> /dev/null
staged=$(ls -d "$tmp"/killed.new-* 2> /dev/null)
kill -TERM $pid 2> /dev/null
kill -CONT $pid 2> /dev/null
wait $pid
st=$?
check "the staging folder held a file when the signal came" test $seen -eq 1 -a -n "$staged"
check "SIGTERM ends the report as the signal does (143)" test $st -eq 143
check "no staging folder and no report are left" test -z "$(ls -d "$tmp"/killed* 2> /dev/null)"

echo "cli_report: $passes passed, $fails failed"
test "$fails" -eq 0
