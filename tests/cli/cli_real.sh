#!/usr/bin/env bash
# cli_real.sh — detection on real measurements (tests/data/real, each folder's SOURCE.md gives
# the source, licence and documented truth): each documented window found as one event with
# its dates, and no window where nothing happened.
# Usage: cli_real.sh DISRUPT_BIN SOURCE_DIR
set -u
bin=$1 src=$2
real=$src/tests/data/real
tmp=$(mktemp -d /tmp/disrupt-real-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fails=0 passes=0
check() { # check NAME CONDITION...
    local name=$1; shift
    if "$@"; then passes=$((passes + 1)); else fails=$((fails + 1)); echo "FAIL: $name"; fi
}
# windows FILE.json SIGNAL PYTHON: runs PYTHON with `w`, the windows of SIGNAL, and `j`.
windows() {
    /usr/bin/python3 - "$1" "$2" "$3" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
w = [x for x in j["windows"] if x["signal"] == sys.argv[2]]
exec(sys.argv[3])
PY
}

# Venezuela, 22 Jul 2019: the national mean falls from 14:00-15:00 local (18:00-19:00 UTC) to
# about 20% and recovers over 23 Jul: one shutdown, its start within an hour of the fall.
ve=$real/VE-2019-07-monash
"$bin" detect --tz America/Caracas --json "$tmp/ve.json" "$ve/venezuela-national-mean-connectivity.csv" > /dev/null
check "VE: one window" windows "$tmp/ve.json" connectivity_mean "assert len(w) == 1, w"
check "VE: a shutdown" windows "$tmp/ve.json" connectivity_mean "assert w[0]['kind'] == 'shutdown', w"
check "VE: starts 22 Jul 14:00-16:00 local" windows "$tmp/ve.json" connectivity_mean \
    "assert '2019-07-22T18:00:00Z' <= w[0]['start'] <= '2019-07-22T20:00:00Z', w"
check "VE: lasts into 23 Jul" windows "$tmp/ve.json" connectivity_mean \
    "assert w[0]['end'] >= '2019-07-23T12:00:00Z', w"
check "VE: the phases fall to the deepest and rise from it" windows "$tmp/ve.json" connectivity_mean "
p = w[0]['phases']; d = min(range(len(p)), key=lambda i: p[i]['level'])
assert p[d]['kind'] == 'shutdown' and p[d]['level'] <= 0.25 and p[-1]['level'] > p[d]['level'], p"
# The per-state file read as published: its time_e_str in local time, a row per state and
# hour, averaged per hour: the same window.
"$bin" detect --tz America/Caracas --time time_e_str --time-format '%d-%b-%Y %H:%M:%S' \
    --signal connectivity --json "$tmp/ve-raw.json" "$ve/ven-2019-07-22_gif.csv" > /dev/null 2>&1
check "VE raw: the same one window" windows "$tmp/ve-raw.json" connectivity "
v = json.load(open('$tmp/ve.json'))['windows']
assert len(w) == 1 and w[0]['start'] == v[0]['start'] and w[0]['kind'] == 'shutdown', w"

# Hurricane Laura: Louisiana's mean falls ~30% from 27 Aug 05:00-08:00 UTC and is still
# clearly below its level before landfall at the end of the data: one window, left open.
us=$real/US-2020-08-laura-monash
"$bin" detect --json "$tmp/us.json" "$us/laura-state-mean-utc.csv" > /dev/null
check "LA: one window" windows "$tmp/us.json" louisiana_connectivity_mean "assert len(w) == 1, w"
check "LA: starts 27 Aug 05:00-08:00 UTC" windows "$tmp/us.json" louisiana_connectivity_mean \
    "assert '2020-08-27T05:00:00Z' <= w[0]['start'] <= '2020-08-27T08:00:00Z', w"
check "LA: open at the end of the data" windows "$tmp/us.json" louisiana_connectivity_mean \
    "assert w[0]['end_ci'][1] is None, w"
for state in texas mississippi arkansas; do
    check "LA: no window in $state" windows "$tmp/us.json" ${state}_connectivity_mean "assert w == [], w"
done
"$bin" detect --json "$tmp/parishes.json" "$us/laura-parishes-utc.csv" > /dev/null
check "Calcasieu: one window" windows "$tmp/parishes.json" la_calcasieu "assert len(w) == 1, w"
check "Calcasieu: starts 27 Aug 03:00-07:00 UTC" windows "$tmp/parishes.json" la_calcasieu \
    "assert '2020-08-27T03:00:00Z' <= w[0]['start'] <= '2020-08-27T07:00:00Z', w"
check "Calcasieu: a shutdown" windows "$tmp/parishes.json" la_calcasieu "assert w[0]['kind'] == 'shutdown', w"

# Tor users, read as published (NA for missing, a column per country).
tor=$real/CN-2009-09-tor/direct-users.csv
"$bin" detect --country cn --json "$tmp/cn.json" "$tor" > /dev/null
check "CN: blocked from 26-28 Sep to 19-20 Oct 2009" windows "$tmp/cn.json" cn "
x = [v for v in w if v['start'] < '2009-10-19' and v['end'] > '2009-09-28']
assert len(x) == 1, w
assert '2009-09-26' <= x[0]['start'][:10] <= '2009-09-28' and '2009-10-19' <= x[0]['end'][:10] <= '2009-10-21', x"
check "CN: nothing before the blocking (the 26 Sep glitch no event of its own)" windows "$tmp/cn.json" cn \
    "assert not [v for v in w if v['start'] < '2009-09-26' or v['end'] <= '2009-09-27'], w"
"$bin" detect --country ir --json "$tmp/ir.json" "$tor" > /dev/null
check "IR: blocked from 8-9 Jan 2011 to the end of the data" windows "$tmp/ir.json" ir "
last = w[-1]
assert '2011-01-08' <= last['start'][:10] <= '2011-01-09' and last['end_ci'][1] is None, last"

# Russia-Ukraine border regions: latency stayed normal. No window in any region.
ua=$real/UA-2022-01-monash
"$bin" detect --json "$tmp/ua.json" "$ua/border-regions-latency-utc.csv" > /dev/null
check "UA: no window in ten regions" /usr/bin/python3 -c "
import json; j = json.load(open('$tmp/ua.json')); assert len(j['signals']) == 10 and j['windows'] == [], j['windows']"

echo "cli_real: $passes passed, $fails failed"
test "$fails" -eq 0
