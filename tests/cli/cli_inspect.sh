#!/usr/bin/env bash
# `disrupt inspect`: what each fixture is recognised as, exit statuses, messages, stdin.
# Usage: bash cli_inspect.sh DISRUPT_BIN SOURCE_DIR
set -u
bin=$1
src=$2
data=$src/tests/data
fail=0
tmp=$(mktemp -d /tmp/disrupt-cli-inspect-XXXXXX)
trap 'rm -rf "$tmp"' EXIT

check() { # description, condition result
  if [ "$2" -ne 0 ]; then echo "FAIL: $1"; fail=1; else echo "ok: $1"; fi
}

out=$("$bin" inspect "$data/plain-synthetic.csv" 2>"$tmp/err"); st=$?
check "plain exits 0" $st
grep -q "dialect   plain, delimiter ',', 5 rows" <<<"$out"; check "plain dialect line" $?
grep -q "signal    traffic (synthetic)" <<<"$out"; check "synthetic label" $?
grep -q "range   2020-09-27T00:00:00Z to 2020-09-27T04:00:00Z" <<<"$out"; check "plain range" $?
grep -q "missing 1" <<<"$out"; check "throughput missing 1" $?

out=$("$bin" inspect "$data/ooni-synthetic-facebook.csv"); st=$?
check "ooni exits 0" $st
grep -q "signal    www.facebook.com (synthetic)" <<<"$out"; check "ooni signal per domain" $?
grep -q "type    counts" <<<"$out"; check "ooni counts type" $?
grep -q "step    1d" <<<"$out"; check "ooni daily step" $?

out=$("$bin" inspect "$data/ioda-azerbaijan-synthetic-20-09-27-00-00-raw.csv"); st=$?
check "ioda exits 0" $st
grep -q "dialect   ioda" <<<"$out"; check "ioda dialect" $?
grep -q "signal    active-probing (synthetic)" <<<"$out"; check "ioda signal name" $?
grep -q "unit    #/24s Up" <<<"$out"; check "ioda unit" $?
grep -q "step    5m" <<<"$out"; check "ioda 5-minute step" $?

out=$("$bin" inspect --country az "$data/tor-userstats-synthetic.csv"); st=$?
check "tor --country exits 0" $st
[ "$(grep -c '^  signal' <<<"$out")" = 1 ]; check "tor --country gives one signal" $?

out=$("$bin" inspect --tz Asia/Baku "$data/plain-synthetic.csv")
grep -q "range   2020-09-27 04:00:00 +0400 to 2020-09-27 08:00:00 +0400" <<<"$out"; check "--tz prints local times" $?

out=$(cat "$data/plain-synthetic.csv" | "$bin" inspect -); st=$?
check "stdin exits 0" $st
grep -q "signal    traffic" <<<"$out"; check "stdin read" $?

printf 'time,traffic\n2020-09-27T00:00:00Z,1\n2020-09-27T01:00:00Z,12ms\n' >"$tmp/traffic.csv"
"$bin" inspect "$tmp/traffic.csv" >/dev/null 2>"$tmp/err"; st=$?
[ $st -eq 1 ]; check "bad cell exits 1" $?
grep -qx "disrupt: error: $tmp/traffic.csv:3:2: expected a number, found '12ms'" "$tmp/err"
check "bad cell message" $?

printf 'time,traffic\n2020-09-27T00:00:00Z,1\n2020-09-27T01:00:00Z,12ms\n2020-09-27T02:00:00Z,3\n' >"$tmp/t2.csv"
out=$("$bin" inspect --skip-bad-rows "$tmp/t2.csv" 2>"$tmp/err"); st=$?
check "--skip-bad-rows exits 0" $st
grep -q "disrupt: warning: $tmp/t2.csv:3:2: expected a number, found '12ms'" "$tmp/err"; check "skip warning" $?
grep -q "disrupt: warning: $tmp/t2.csv: 1 bad rows skipped" "$tmp/err"; check "skip count" $?
grep -q "1 skipped" <<<"$out"; check "skip count in report" $?

"$bin" inspect --format excel "$data/plain-synthetic.csv" >/dev/null 2>"$tmp/err"; st=$?
[ $st -eq 2 ]; check "unknown --format exits 2" $?
grep -q "disrupt: try 'disrupt inspect --help'" "$tmp/err"; check "usage hint" $?
"$bin" inspect --tz Mars/Olympus "$data/plain-synthetic.csv" >/dev/null 2>&1; st=$?
[ $st -eq 2 ]; check "unknown zone exits 2" $?
"$bin" inspect --step 0 "$data/plain-synthetic.csv" >/dev/null 2>&1; st=$?
[ $st -eq 2 ]; check "zero step exits 2" $?
"$bin" inspect >/dev/null 2>&1; st=$?
[ $st -eq 2 ]; check "no file exits 2" $?
"$bin" inspect "$tmp/nonexistent.csv" >/dev/null 2>"$tmp/err"; st=$?
[ $st -eq 1 ]; check "missing file exits 1" $?
grep -q "cannot open the file: No such file or directory" "$tmp/err"; check "missing file message" $?

help=$("$bin" inspect --help); st=$?
check "--help exits 0" $st
for opt in format time signal time-format tz country entity step aggregate skip-bad-rows; do
  grep -q -- "--$opt" <<<"$help"; check "--help lists --$opt" $?
done

# A column with an empty header is left out (spreadsheets end rows with them), but one that
# holds data is not dropped silently: a warning names its place.
printf 'time,a,,b\n2020-09-27T00:00:00Z,1,,2\n2020-09-27T01:00:00Z,1,5,2\n' > "$tmp/unnamed.csv"
"$bin" inspect "$tmp/unnamed.csv" > /dev/null 2> "$tmp/err"
grep -q "unnamed.csv:3:3: column 3 has no name in the header but holds data ('5')" "$tmp/err"
check "an unnamed column with data is warned about, with its place" $?
printf 'time,a,\n2020-09-27T00:00:00Z,1,\n2020-09-27T01:00:00Z,1,\n' > "$tmp/trailing.csv"
"$bin" inspect "$tmp/trailing.csv" > /dev/null 2> "$tmp/err"
! grep -q "no name" "$tmp/err"; check "an empty trailing column is left out quietly" $?

# Names that cannot be shown are refused at their place: invalid UTF-8 (JSON no parser reads,
# garbled chart text) and control characters (they act on the terminal); the message itself
# stays valid UTF-8 without them.
printf 'time,a\377b\n2020-09-27T00:00:00Z,1\n' > "$tmp/bad-utf8.csv"
"$bin" inspect "$tmp/bad-utf8.csv" > /dev/null 2> "$tmp/err"; st=$?
[ $st -eq 1 ] && grep -q "bad-utf8.csv:1:2: expected a column name in valid UTF-8" "$tmp/err"
check "a header name of invalid UTF-8 is refused at its place" $?
/usr/bin/python3 -c "import sys; open(sys.argv[1], encoding='utf-8').read()" "$tmp/err"
check "... in a message that is valid UTF-8" $?
printf 'time,a\033[31mb\n2020-09-27T00:00:00Z,1\n' > "$tmp/ctl.csv"
"$bin" inspect "$tmp/ctl.csv" > /dev/null 2> "$tmp/err"; st=$?
[ $st -eq 1 ] && grep -q "ctl.csv:1:2: expected a column name without control characters" "$tmp/err" &&
  ! grep -q $'\033' "$tmp/err"
check "a header name with an escape sequence is refused, the escape not echoed" $?
printf 'timestamp,entity,signal,value\n2020-09-27T00:00:00Z,AZ\007,bgp,1\n' > "$tmp/long-ctl.csv"
"$bin" inspect "$tmp/long-ctl.csv" > /dev/null 2> "$tmp/err"; st=$?
[ $st -eq 1 ] && grep -q "long-ctl.csv:2:2: expected a name without control characters" "$tmp/err"
check "an entity name with a control character is refused at its cell" $?
"$bin" inspect --label "$tmp/ctl.csv=A$(printf '\033')[2J" "$tmp/trailing.csv" > /dev/null 2> "$tmp/err"; st=$?
[ $st -eq 2 ] && grep -q "label expects a NAME without control characters (byte 2 of it is not)" "$tmp/err" &&
  ! grep -q $'\033' "$tmp/err"
check "a --label NAME with an escape sequence is a usage error, the escape not echoed" $?

# Rows in local time across the night clocks go back: sorted, the repeated hour is read as
# two; out of order it cannot be, and is refused naming the hour (ingest.h promises unsorted
# rows elsewhere).
printf 'time,v\n2020-10-25 00:30,1\n2020-10-25 01:00,2\n2020-10-25 01:30,2\n2020-10-25 01:00,3\n2020-10-25 01:30,3\n2020-10-25 02:00,4\n' > "$tmp/fallback.csv"
"$bin" inspect --tz Europe/London "$tmp/fallback.csv" > /dev/null 2> "$tmp/err"
check "a sorted local-time file through the fall-back reads" $?
(head -1 "$tmp/fallback.csv"; tail -n +2 "$tmp/fallback.csv" | sort -r) > "$tmp/fallback-unsorted.csv"
"$bin" inspect --tz Europe/London "$tmp/fallback-unsorted.csv" > /dev/null 2> "$tmp/err"; st=$?
[ $st -eq 1 ] && grep -q "expected rows in time order around the local hour 2020-10-25 01:00" "$tmp/err"
check "the same rows out of order are refused, the repeated hour named" $?

exit $fail
