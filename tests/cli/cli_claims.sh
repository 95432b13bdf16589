#!/usr/bin/env bash
# cli_claims.sh — claims as reports write them (dates, a day in the claim's zone, a month, a
# kind), verified against the bundled SYNTHETIC datasets and the real fixtures: one row per
# claim, with the verdict it must get and, where it matters, what the detail must say.
# Usage: cli_claims.sh DISRUPT_BIN SOURCE_DIR
set -u
bin=$1 src=$2
tmp=$(mktemp -d /tmp/disrupt-claims-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fails=0 passes=0
ds=$src/datasets real=$src/tests/data/real
az="$ds/azerbaijan-2020/traffic.csv"
ir="$ds/iran-2019/traffic.csv"
mm="$ds/myanmar-2021/traffic.csv"

# claim NAME VERDICT DETAIL TZ FILES CLAIM-ROW: verifies one claim (label,start,end,kind,signal).
claim() {
    local name=$1 verdict=$2 detail=$3 tz=$4 files=$5 row=$6
    printf 'label,start,end,kind,signal\n%s\n' "$row" > "$tmp/c.csv"
    # shellcheck disable=SC2086
    "$bin" verify --tz "$tz" --claims "$tmp/c.csv" --json "$tmp/v.json" $files > /dev/null 2> "$tmp/err"
    if /usr/bin/python3 - "$tmp/v.json" "$verdict" "$detail" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))["claims"][0]
ok = c["verdict"] == sys.argv[2] and sys.argv[3] in c["detail"]
if not ok:
    print(f"  got {c['verdict']!r}: {c['detail']!r}", file=sys.stderr)
sys.exit(0 if ok else 1)
PY
    then passes=$((passes + 1)); else fails=$((fails + 1)); echo "FAIL: $name"; cat "$tmp/err"; fi
}

claim "FH: 27 Sep - 12 Nov 2020 typed as dates" "supported" "end agrees" UTC "$az" \
    '"FH 2021: throttled for 46 days, 27 Sep - 12 Nov 2020",2020-09-27,2020-11-12,throttling,traffic'
claim "FH: the 46 days end the day restrictions were lifted" "supported" "(lifted that day)" UTC "$az" \
    '"FH 2021: 46 days, to 12 Nov",2020-09-27,2020-11-12,,traffic'
claim "FH: blocking began 26 Sep is a day early" "dates differ" "start 1d early" UTC "$az" \
    '"FH 2021 B1: blocking began 26 Sep 2020",2020-09-26,2020-11-12,,'
claim "a claimed shutdown over a throttling" "kind differs" "the data show throttling" UTC "$az" \
    '"a report: internet shut down 27 Sep - 12 Nov 2020",2020-09-27,2020-11-12,shutdown,traffic'
claim "Access Now: 16-24 Nov 2019" "supported" "" UTC "$ir" \
    '"Access Now #KeepItOn: shutdown 16-24 Nov 2019",2019-11-16,2019-11-24,shutdown,traffic'
claim "a month: November 2019 holds the shutdown" "supported" "" UTC "$ir" \
    '"a report: Iran shut the internet down in November 2019",2019-11,2019-11,shutdown,traffic'
claim "a month that holds no disruption" "not supported" "" UTC "$az" \
    '"a report: shutdown in July 2020 (no such month)",2020-07,2020-07,shutdown,traffic'
claim "1 Feb 2021 in Asia/Yangon" "supported" "" Asia/Yangon "$mm" \
    '"Access Now: shutdown 1 Feb 2021",2021-02-01,2021-02-01,shutdown,traffic'
claim "mobile data shut down 15 Mar - 28 Apr 2021" "supported" "" Asia/Yangon "$mm" \
    '"Access Now: mobile data shut down 15 Mar - 28 Apr 2021",2021-03-15,2021-04-28,shutdown,traffic'
claim "a time within a sampling step is no difference" "supported" "" UTC "$mm" \
    '"IODA: national shutdown 1 Feb 2021 00:25-08:15 UTC",2021-02-01T00:25:00Z,2021-02-01T08:15:00Z,shutdown,traffic'
claim "real: Laura, Louisiana, from 27 Aug 2020, still going" "supported" "" UTC \
    "$real/US-2020-08-laura-monash/laura-state-mean-utc.csv" \
    '"networks out after Hurricane Laura from 27 Aug 2020",2020-08-27,2020-08-30,outage,louisiana_connectivity_mean'
claim "real: a 17% outage is no shutdown" "kind differs" "the data show outage" UTC \
    "$real/US-2020-08-laura-monash/laura-state-mean-utc.csv" \
    '"internet shut down in Louisiana from 27 Aug 2020",2020-08-27,2020-08-30,shutdown,louisiana_connectivity_mean'
claim "real: a month on part of which the data run" "supported" "" America/Caracas \
    "$real/VE-2019-07-monash/venezuela-national-mean-connectivity.csv" \
    '"a blackout in July 2019",2019-07,2019-07,shutdown,connectivity_mean'
claim "real: Venezuela blackout 22 Jul 2019, local dates" "supported" "" America/Caracas \
    "$real/VE-2019-07-monash/venezuela-national-mean-connectivity.csv" \
    '"national blackout from 22 Jul 2019",2019-07-22,2019-07-24,shutdown,connectivity_mean'

# An Access Now #KeepItOn export that writes dd/mm/yyyy: the order comes from the whole column
# (a day above 12 says so), never row by row (SYNTHETIC rows).
cat > "$tmp/kio.csv" <<'CSV'
start_date_type,start_date,country,geo_scope,area_name,shutdown_type,affected_network,shutdown_extent,shutdown_status,end_date,duration,count_year
Actual,16/11/2019,Iran,Nationwide,,Full network,"Broadband, Mobile",Full network,Ended,24/11/2019,9,2019
Actual,03/01/2020,Iran,Regional,Khuzestan,Full network,Mobile,Full network,Ended,05/01/2020,3,2020
CSV
"$bin" verify --claims "$tmp/kio.csv" --json "$tmp/kio.json" "$ir" > /dev/null 2> "$tmp/kio.err"
check_kio() {
    /usr/bin/python3 - "$tmp/kio.json" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))["claims"]
assert [x["start"][:10] for x in c] == ["2019-11-16", "2020-01-03"], c
assert c[0]["verdict"] == "supported" and c[1]["end"][:10] == "2020-01-06", c
assert c[0]["kinds"] == ["shutdown"], c   # shutdown_type "Full network"
PY
}
if check_kio; then passes=$((passes + 1)); else fails=$((fails + 1)); echo "FAIL: KeepItOn dd/mm/yyyy dates"; cat "$tmp/kio.err"; fi

# A claim label with an escape sequence would act on the terminal in the verdict table: it is
# refused at its cell.
printf 'label,start,end\n"FH \033[2J says",2020-09-27,2020-11-12\n' > "$tmp/ctl.csv"
"$bin" verify --claims "$tmp/ctl.csv" "$az" > /dev/null 2> "$tmp/err"
if [ $? -eq 1 ] && grep -q "ctl.csv:2:1: expected a label without control characters" "$tmp/err" &&
   ! grep -q $'\033' "$tmp/err"; then
  passes=$((passes + 1))
else
  fails=$((fails + 1)); echo "FAIL: a label with a control character is refused at its cell"
fi

echo "cli_claims: $passes passed, $fails failed"
test "$fails" -eq 0
