#!/usr/bin/env bash
# cli_verify.sh — `disrupt verify` end to end on the bundled SYNTHETIC azerbaijan-2020 data:
# the acceptance verdicts, JSON, CSV, chart, claims in --tz, event lists, exit codes.
# Usage: cli_verify.sh DISRUPT_BIN SOURCE_DIR
set -u
bin=$1
src=$2
data=$src/datasets/azerbaijan-2020
tmp=$(mktemp -d /tmp/disrupt-cli-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fails=0 passes=0
check() { # check NAME CONDITION...
    local name=$1; shift
    if "$@"; then passes=$((passes + 1)); else fails=$((fails + 1)); echo "FAIL: $name"; fi
}
contains() { grep -qF -- "$2" "$1"; }

inputs=("$data/traffic.csv" "$data/throughput.csv" "$data/www.facebook.com.csv" "$data/web.whatsapp.com.csv")

"$bin" verify --tz UTC --claims "$data/claims.csv" --json "$tmp/v.json" --csv "$tmp/v.csv" \
    --plot "$tmp/v.svg" "${inputs[@]}" > "$tmp/table.txt" 2> "$tmp/err.txt"
check "verify exits 0" test $? -eq 0
check "nothing on stderr when it is not a terminal" test ! -s "$tmp/err.txt"
"$bin" verify --claims "$data/claims.csv" "$data/traffic.csv" > /dev/null 2> "$tmp/err.txt"
check "dates without a zone: said once, with the zone assumed" test "$(grep -c 'read in UTC' "$tmp/err.txt")" -eq 1
check "table: 27 Sep - 12 Nov claim supported" contains "$tmp/table.txt" "verdict   supported: start agrees, end agrees (lifted that day); kind agrees; shown by traffic"
check "table: 26 Sep claim has its start one day early" contains "$tmp/table.txt" "verdict   dates differ: start 1d early, end agrees"
check "table: summary line" contains "$tmp/table.txt" "4 claims: 3 supported, 0 kind differs, 1 dates differ"
check "json verdicts" /usr/bin/python3 - "$tmp/v.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["version"] == "1"
c = d["claims"]
assert [x["verdict"] for x in c] == ["supported", "dates differ", "supported", "supported"], c
a3, b1 = c[0], c[1]
assert a3["window"]["signal"] == "traffic" and a3["window"]["kind"] == "throttling"
assert a3["start"] == "2020-09-27T00:00:00Z" and a3["end"] == "2020-11-13T00:00:00Z"
assert a3["kind_agrees"] is True and a3["start_diff_hours"] == 0
assert b1["start"] == "2020-09-26T00:00:00Z"
assert b1["start_diff_hours"] == -24 and b1["end_diff_hours"] == 0, b1
assert b1["start_agrees"] is False and b1["end_agrees"] is True
assert b1["kind_agrees"] is None and b1["signal"] is None
assert "traffic" in b1["supported_by"] and "web.whatsapp.com" in b1["supported_by"]
PY
check "csv: header and one row per claim" test "$(wc -l < "$tmp/v.csv")" -eq 5
check "csv: B1 row" grep -q '^"Freedom House.*(B1).*",2020-09-26T00:00:00Z,2020-11-13T00:00:00Z,,,dates differ,traffic,throttling,' "$tmp/v.csv"
check "chart written as SVG" grep -q "<svg" "$tmp/v.svg"
printf 'label,start,end\n' > "$tmp/none.csv"
"$bin" verify --claims "$tmp/none.csv" --plot "$tmp/none.svg" "${inputs[@]}" > /dev/null 2>&1
check "claim brackets change the chart" test -s "$tmp/none.svg" -a "$(wc -c < "$tmp/v.svg")" -gt "$(wc -c < "$tmp/none.svg")"

# Iran, November 2019 (SYNTHETIC): restoration came in stages, detected as one window with its
# phases; it supports the IODA dates and differs from Access Now's whole days.
"$bin" verify --claims "$src/datasets/iran-2019/claims.csv" --json - "$src/datasets/iran-2019/traffic.csv" > "$tmp/iran.json"
check "staged restoration: one chain of windows" /usr/bin/python3 -c "
import json; c = json.load(open('$tmp/iran.json'))['claims']
assert c[0]['verdict'] == 'supported' and c[0]['chained_windows'] == 1, c[0]
assert c[0]['window']['start'] == '2019-11-16T14:00:00Z' and c[0]['window']['end'] == '2019-11-24T20:30:00Z'
assert c[1]['verdict'] == 'supported' and c[1]['start_diff_hours'] == 0 and c[1]['end_diff_hours'] == 0, c[1]"

# Dates without a time are whole days in --tz: in UTC, 27 Sep – 11 Nov is 27 Sep 00:00 – 12 Nov
# 00:00 (supported); in Baku the same words mean 4 h earlier: the data's start (27 Sep 00:00
# UTC, 04:00 in Baku) is still on 27 Sep there, its end (12 Nov 04:00 in Baku) 4 h after 11 Nov.
printf 'label,start,end,kind,signal\nwar,2020-09-27,2020-11-11,throttling,traffic\n' > "$tmp/days.csv"
"$bin" verify --claims "$tmp/days.csv" --json - "$data/traffic.csv" > "$tmp/days.json"
check "whole days in UTC are supported" /usr/bin/python3 -c "
import json; c = json.load(open('$tmp/days.json'))['claims'][0]
assert c['verdict'] == 'supported' and c['end'] == '2020-11-12T00:00:00Z', c"
"$bin" verify --claims "$tmp/days.csv" --tz Asia/Baku --json - "$data/traffic.csv" > "$tmp/baku.json"
check "whole days in Baku: the start agrees, the end differs by 4 h" /usr/bin/python3 -c "
import json; c = json.load(open('$tmp/baku.json'))['claims'][0]
assert c['verdict'] == 'dates differ' and c['start_diff_hours'] == 0 and c['end_diff_hours'] == -4, c"
"$bin" verify --claims "$tmp/days.csv" --tz Asia/Baku --tolerance 4h --json - "$data/traffic.csv" > "$tmp/tol.json"
check "a 4 h tolerance accepts them" /usr/bin/python3 -c "
import json; c = json.load(open('$tmp/tol.json'))['claims'][0]
assert c['verdict'] == 'supported', c"

# Claims outside the data, and in a quiet stretch of it.
printf 'label,start,end\nbefore the data,2019-01-01,2019-02-01\nquiet summer,2020-07-01,2020-07-10\nlong claim,2020-08-01,2021-01-01,\n' > "$tmp/other.csv"
"$bin" verify --claims "$tmp/other.csv" --csv - "$data/traffic.csv" > "$tmp/other.out" 2>&1
check "other verdicts exit 0" test $? -eq 0
check "no data" grep -q '^before the data,.*,no data,' "$tmp/other.out"
check "not supported" grep -q '^quiet summer,.*,not supported,' "$tmp/other.out"
check "partly supported" grep -q '^long claim,.*,partly supported,traffic,throttling,' "$tmp/other.out"
"$bin" verify --claims - --json - "$data/traffic.csv" < "$tmp/other.csv" > "$tmp/other.json"
check "claims from standard input; nulls where nothing matched" /usr/bin/python3 -c "
import json; c = json.load(open('$tmp/other.json'))['claims']
assert [x['verdict'] for x in c] == ['no data', 'not supported', 'partly supported'], c
assert c[0]['window'] is None and c[0]['kind_agrees'] is None and c[0]['supported_by'] == []
assert c[0]['coverage'] == 0 and c[1]['coverage'] > 0.9
assert 'start_diff_hours' not in c[1] and c[2]['share_in_window'] < 0.5, c[2]
assert c[2]['detail'].endswith('of the claimed period'), c[2]"
"$bin" verify --claims - - < "$tmp/other.csv" > /dev/null 2> "$tmp/e0"
check "claims and data both from stdin is a usage error" test $? -eq 2

# A #KeepItOn export (SYNTHETIC rows) filtered by --country.
cat > "$tmp/kio.csv" <<'CSV'
start_date_type,start_date,country,geo_scope,area_name,shutdown_type,affected_network,shutdown_extent,shutdown_status,end_date,duration,count_year
Actual,9/27/2020,Azerbaijan,Nationwide,,Throttle,"Broadband, Mobile",Full network,Ended,11/11/2020,46,2020
Actual,9/27/2020,Azerbaijan,Nationwide,,Throttle,"Broadband, Mobile",Full network,Ended,11/11/2020,46,2021
Actual,2020-08-09,Belarus,Nationwide,,"Shutdown, Throttle",Mobile,Full network,Ended,2020-08-12,4,2020
Actual,2021-03-01,Azerbaijan,One city,Ganja,Throttle,Mobile,,Ongoing,,-44138,2021
CSV
"$bin" verify --claims "$tmp/kio.csv" --country AZ --json "$tmp/kio.json" "$data/traffic.csv" > /dev/null 2> "$tmp/kio.err"
check "keepiton exits 0" test $? -eq 0
check "keepiton ongoing row is a warning with its place" contains "$tmp/kio.err" "kio.csv:5:10: skipped: no end date"
check "keepiton: one AZ claim, supported" /usr/bin/python3 -c "
import json; c = json.load(open('$tmp/kio.json'))['claims']
assert len(c) == 1 and c[0]['verdict'] == 'supported' and c[0]['kinds'] == ['throttling'], c"

# Errors: usage (2) and data (1) with their place.
"$bin" verify "$data/traffic.csv" > /dev/null 2> "$tmp/e1"
check "missing --claims is a usage error" test $? -eq 2
check "usage message" contains "$tmp/e1" "disrupt: error: --claims FILE is required"
printf 'label,start,end\nx,2020-13-01,2020-12-02\n' > "$tmp/bad.csv"
"$bin" verify --claims "$tmp/bad.csv" "$data/traffic.csv" > /dev/null 2> "$tmp/e2"
check "bad claim date exits 1" test $? -eq 1
check "bad claim date names its place" contains "$tmp/e2" "bad.csv:2:2: expected"
"$bin" verify --claims "$tmp/bad.csv" --tolerance soon "$data/traffic.csv" > /dev/null 2> "$tmp/e3"
check "bad tolerance is a usage error" test $? -eq 2

# A shutdown already under way when the data begin: its start is cut off by the edge of the
# data, so a claim that it began two hours earlier cannot be contradicted.
awk 'BEGIN { srand(5); print "time,traffic";
  for (i = 0; i < 30*24; i++) { v = 100 * (1 + 0.1*(rand()-0.5)); if (i < 5) v = 0;
    printf "%d,%.2f\n", 1577836800 + i*3600, v } }' > "$tmp/edge.csv"
printf 'label,start,end,kind\nedge,2019-12-31T22:00:00Z,2020-01-01T05:00:00Z,shutdown\n' > "$tmp/edge-claims.csv"
"$bin" verify --claims "$tmp/edge-claims.csv" "$tmp/edge.csv" > "$tmp/edge.txt" 2>&1
check "a boundary cut off by the data agrees with a claim beyond it" contains "$tmp/edge.txt" "verdict   supported"
"$bin" detect --json - "$tmp/edge.csv" > "$tmp/edge.json"
check "its interval is open (null) in JSON" /usr/bin/python3 -c "
import json,sys; w=json.load(open(sys.argv[1]))['windows'][0]; assert w['start_ci'][0] is None, w" "$tmp/edge.json"

# What the data cannot show is said so: a 50-minute claim against daily samples is "no data"
# with the reason, and a 15% dip that is no disruption says how low the data went.
years=$src/datasets/azerbaijan-2018-2021
"$bin" verify --claims "$years/claims.csv" "$years/traffic.csv" > "$tmp/years.txt" 2>&1
check "too coarse to show" contains "$tmp/years.txt" "no data: samples every 1d are too coarse to show a 50m claim"
check "not supported says how low" grep -Eq "\(lowest level (8[0-9]|9[0-4])% of expected\)" "$tmp/years.txt"
"$bin" verify --tolerance 1d --claims "$data/claims.csv" "${inputs[@]}" > "$tmp/tol.txt" 2>&1
check "a difference within tolerance is still shown" contains "$tmp/tol.txt" "start agrees (1d early, within the tolerance)"

# A claim about a signal no input has is an error listing the signals there are.
printf 'label,start,end,kind,signal\nx,2020-09-27,2020-11-12,throttling,trafic\n' > "$tmp/typo.csv"
"$bin" verify --tz UTC --claims "$tmp/typo.csv" "$data/traffic.csv" > /dev/null 2> "$tmp/e4"
check "misspelt claim signal exits 1" test $? -eq 1
check "misspelt claim signal lists the signals" contains "$tmp/e4" "found 'trafic'; the signals are: traffic"
"$bin" verify --tolerance 6 --claims "$data/claims.csv" "$data/traffic.csv" > /dev/null 2> "$tmp/e5"
check "a tolerance without its unit is a usage error" test $? -eq 2
# A #KeepItOn file whose slashed dates cannot tell their order stops and asks.
cat > "$tmp/kio-amb.csv" <<'CSV'
start_date_type,start_date,country,geo_scope,area_name,shutdown_type,affected_network,shutdown_extent,shutdown_status,end_date,duration,count_year
Actual,03/01/2020,Iran,Regional,Khuzestan,Full network,Mobile,Full network,Ended,05/01/2020,3,2020
CSV
"$bin" verify --claims "$tmp/kio-amb.csv" "$data/traffic.csv" > /dev/null 2> "$tmp/e6"
check "ambiguous slashed dates ask for --date-order" contains "$tmp/e6" "give --date-order dmy or mdy"
"$bin" verify --date-order dmy --claims "$tmp/kio-amb.csv" --json "$tmp/amb.json" "$data/traffic.csv" > /dev/null 2>&1
check "--date-order dmy reads 03/01/2020 as 3 January" /usr/bin/python3 -c "
import json; c = json.load(open('$tmp/amb.json'))['claims'][0]; assert c['start'][:10] == '2020-01-03', c"

echo "cli_verify: $passes passed, $fails failed"
test "$fails" -eq 0
