#!/usr/bin/env bash
# `disrupt segment`: change points in text and JSON, every method, options, errors, --help.
# Usage: bash cli_segment.sh DISRUPT_BIN SOURCE_DIR
set -u
bin=$1
src=$2
data=$src/tests/data
fail=0
tmp=$(mktemp -d /tmp/disrupt-cli-segment-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
py=/usr/bin/python3

check() { # description, condition result
  if [ "$2" -ne 0 ]; then echo "FAIL: $1"; fail=1; else echo "ok: $1"; fi
}

# SYNTHETIC hourly series: level 10 for 120 h, 4 for 60 h, 10 for 120 h, with a fixed
# +-1 zigzag and sparse wiggles as noise; one missing sample at hour 30.
awk 'BEGIN {
  print "# synthetic: step series for the segment tests, not a measurement";
  print "time,traffic";
  for (i = 0; i < 300; i++) {
    level = (i >= 120 && i < 180) ? 4 : 10;
    noise = (i % 2 ? 1 : -1) * (0.5 + (i * 7919 % 13) / 13);
    t = 1600000000 + i * 3600 - 1600000000 % 3600;
    v = (i == 30) ? "" : sprintf("%.4f", level + noise);
    printf "%d,%s\n", t, v;
  }
}' >"$tmp/steps.csv"

out=$("$bin" segment "$tmp/steps.csv" 2>"$tmp/err"); st=$?
check "pelt exits 0" $st
grep -q "traffic ($tmp/steps.csv): 300 points, 1 missing \[SYNTHETIC\]" <<<"$out"; check "signal line" $?
grep -q "pelt, normal-mean cost, mbic penalty .*, sigma " <<<"$out"; check "method line" $?
grep -q "2 change points: 120 (.*), 180 (.*)" <<<"$out"; check "pelt finds 120 and 180" $?
grep -Eq "^  2 +120 .* 60 +4" <<<"$out"; check "middle segment n=60, mean 4" $?

"$bin" segment --json "$tmp/out.json" "$tmp/steps.csv" >/dev/null; st=$?
check "--json exits 0" $st
$py - "$tmp/out.json" <<'PY'; check "JSON change points, times and segment statistics" $?
import json, sys
d = json.load(open(sys.argv[1]))
s = d["signals"][0]
assert d["version"] == "1" and d["method"] == "pelt" and d["penalty"] == "mbic"
assert s["name"] == "traffic" and s["points"] == 300 and s["missing"] == 1 and s["synthetic"]
assert s["changepoints"] == [120, 180], s["changepoints"]
assert len(s["changepoint_times"]) == 2 and s["changepoint_times"][0].endswith("Z")
segs = s["segments"]
assert [(g["start"], g["end"], g["n"]) for g in segs] == [(0, 120, 119), (120, 180, 60), (180, 300, 120)]
assert abs(segs[1]["mean"] - 4) < 0.1 and abs(segs[0]["mean"] - 10) < 0.1
assert s["exact"] is True and s["cost"] == "normal-mean"
PY

out=$("$bin" segment --json - "$tmp/steps.csv"); st=$?
check "--json - exits 0" $st
$py -c 'import json,sys; json.loads(sys.stdin.read())' <<<"$out"; check "--json - prints only JSON" $?

for m in binseg amoc bocpd; do
  "$bin" segment --method $m --json "$tmp/$m.json" "$tmp/steps.csv" >/dev/null; st=$?
  check "--method $m exits 0" $st
done
$py - "$tmp" <<'PY'; check "binseg, amoc and bocpd agree with the truth" $?
import json, sys
t = sys.argv[1]
cp = lambda m: json.load(open(f"{t}/{m}.json"))["signals"][0]
# greedy: the first split, made on the whole series, may sit one point off (a point of the
# top level looks closer to the mean of the other two segments together)
bs = cp("binseg")["changepoints"]
assert len(bs) == 2 and abs(bs[0] - 120) <= 1 and abs(bs[1] - 180) <= 1, bs
a = cp("amoc")["changepoints"]
assert len(a) == 1 and min(abs(a[0] - 120), abs(a[0] - 180)) <= 1, a
b = cp("bocpd")
assert [abs(c - 120) <= 2 or abs(c - 180) <= 2 for c in b["changepoints"]].count(True) == 2, b["changepoints"]
p = b["cp_probability"]
assert len(p) == 300 and p[30] is None and max(p[115:125]) > 0.5
PY

out=$("$bin" segment --method binseg --max-cp 1 "$tmp/steps.csv"); st=$?
check "--max-cp exits 0" $st
grep -q "1 change point:" <<<"$out"; check "--max-cp 1 keeps one change" $?

out=$("$bin" segment --penalty 100000 "$tmp/steps.csv")
grep -q "0 change points" <<<"$out"; check "huge manual penalty: no change" $?
out=$("$bin" segment --cost normal-mean --standardize --sigma 1 --penalty bic --min-seg 5 "$tmp/steps.csv"); st=$?
check "normal-mean, standardize, sigma, bic, min-seg exit 0" $st
grep -q "normal-mean cost, bic penalty" <<<"$out"; check "cost and penalty named" $?
out=$("$bin" segment --cost normal-meanvar --sigma robust "$tmp/steps.csv"); st=$?
check "normal-meanvar, robust sigma exit 0" $st
grep -q "2 change points: 120 (.*), 180 (.*)" <<<"$out"; check "normal-meanvar finds 120 and 180" $?
out=$("$bin" segment --cost l1 --exact "$tmp/steps.csv"); st=$?
check "l1 --exact exits 0" $st
grep -q "2 change points: 120 (.*), 180 (.*)" <<<"$out"; check "l1 finds 120 and 180" $?

"$bin" segment --crops 1,500 --json "$tmp/crops.json" "$tmp/steps.csv" >"$tmp/crops.txt"; st=$?
check "--crops exits 0" $st
grep -q "CROPS path:" "$tmp/crops.txt"; check "CROPS path printed" $?
$py - "$tmp/crops.json" <<'PY'; check "CROPS path in JSON, ordered and contiguous" $?
import json, sys
c = json.load(open(sys.argv[1]))["signals"][0]["crops"]
assert len(c) >= 2
assert c[0]["penalty_min"] == 1 and c[-1]["penalty_max"] == 500
assert all(len(a["changepoints"]) > len(b["changepoints"]) for a, b in zip(c, c[1:]))
assert all(abs(a["penalty_max"] - b["penalty_min"]) < 1e-6 for a, b in zip(c, c[1:]))
assert any(e["changepoints"] == [120, 180] for e in c)
PY

out=$("$bin" segment "$data/ooni-synthetic-facebook.csv"); st=$?
check "OONI counts exit 0" $st
grep -q "binomial cost" <<<"$out"; check "count signals use the binomial cost" $?
out=$("$bin" segment --cost poisson "$data/ooni-synthetic-facebook.csv"); st=$?
check "poisson on counts exits 0" $st

"$bin" segment --cost binomial "$tmp/steps.csv" >/dev/null 2>"$tmp/err"; st=$?
[ $st -eq 1 ]; check "binomial on a level signal exits 1" $?
grep -q "disrupt: error: signal 'traffic': the binomial cost needs a count signal" "$tmp/err"
check "binomial message" $?
"$bin" segment --method kmeans "$tmp/steps.csv" >/dev/null 2>"$tmp/err"; st=$?
[ $st -eq 2 ]; check "unknown method exits 2" $?
grep -q "disrupt: error: --method expects pelt, binseg, amoc or bocpd, found 'kmeans'" "$tmp/err"
check "unknown method message" $?
grep -q "disrupt: try 'disrupt segment --help'" "$tmp/err"; check "usage hint" $?
"$bin" segment --crops 5 "$tmp/steps.csv" >/dev/null 2>&1; [ $? -eq 2 ]; check "bad --crops exits 2" $?
"$bin" segment --method binseg --crops 1,5 "$tmp/steps.csv" >/dev/null 2>&1; [ $? -eq 2 ]
check "--crops with binseg exits 2" $?
"$bin" segment --prior 0,0,1,1 "$tmp/steps.csv" >/dev/null 2>&1; [ $? -eq 2 ]; check "bad --prior exits 2" $?
"$bin" segment --penalty -1 "$tmp/steps.csv" >/dev/null 2>&1; [ $? -eq 2 ]; check "negative penalty exits 2" $?
"$bin" segment --min-seg 0 "$tmp/steps.csv" >/dev/null 2>&1; [ $? -eq 2 ]; check "--min-seg 0 exits 2" $?
"$bin" segment --method bocpd --cost poisson "$tmp/steps.csv" >/dev/null 2>&1; [ $? -eq 2 ]
check "bocpd with a count cost exits 2" $?
"$bin" segment --method bocpd --cost normal-mean "$tmp/steps.csv" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -q "bocpd has a model of its own" "$tmp/err"
check "bocpd refuses any --cost (it would ignore it)" $?
"$bin" segment --cost poisson "$tmp/steps.csv" >/dev/null 2>"$tmp/err"
[ $? -eq 1 ] && grep -q "the poisson cost needs counts (whole numbers >= 0), found 9.5" "$tmp/err"
check "poisson on measured levels is an error naming the value" $?

# Any numeric series (SYNTHETIC, the same steps): an integer index column, values alone with
# a header, values alone without one, and dates of 1871 are read without options.
awk -F, 'NR > 2 { print i++ "," $2 }' "$tmp/steps.csv" | sed '1i index,traffic' >"$tmp/indexed.csv"
awk -F, 'NR > 2 { print $2 }' "$tmp/steps.csv" | sed '1i traffic' >"$tmp/values.csv"
awk -F, 'NR > 2 { print ($2 == "" ? 10 : $2) }' "$tmp/steps.csv" >"$tmp/bare.csv"
awk -F, 'NR > 2 { printf "%04d-%02d-%02d,%s\n", 1871 + int(i / 12), i % 12 + 1, 1, $2; i++ }' \
  "$tmp/steps.csv" | sed '1i date,traffic' >"$tmp/1871.csv"
for f in indexed values bare 1871; do
  "$bin" segment --quiet --json "$tmp/$f.json" "$tmp/$f.csv" >/dev/null 2>"$tmp/$f.err"
  check "segment reads $f.csv without options" $?
done
$py - "$tmp" <<'PY'; check "index and time axes in the JSON, changes where the steps are" $?
import json, sys
d = sys.argv[1]
for name, axis in (("indexed", "index"), ("values", "index"), ("bare", "index"), ("1871", "time")):
    s = json.load(open(f"{d}/{name}.json"))["signals"][0]
    assert s["axis"] == axis, (name, s["axis"])
    assert s["min_seg"] == 1, (name, s["min_seg"])
    cps, times = s["changepoints"], s["changepoint_times"]
    if axis == "index":
        assert len(cps) == 2 and abs(cps[0] - 120) <= 2 and abs(cps[1] - 180) <= 2, (name, cps)
        assert s["start"] == 0 and s["step"] == 1 and times == cps, (name, s)
    else:  # monthly: on a day grid, so the changes are told by their dates (months 120, 180)
        assert s["start"] == "1871-01-01T00:00:00Z", s["start"]
        assert [t[:4] for t in times] == ["1881", "1886"], times
top = json.load(open(f"{d}/indexed.json"))
assert top["min_seg"] == 1, top["min_seg"]
PY
"$bin" detect "$tmp/indexed.csv" >/dev/null 2>"$tmp/err"
[ $? -eq 1 ] && grep -q "indexed.csv:2:1: expected Unix seconds" "$tmp/err"
check "detect still needs times (an index has no hours or days)" $?
"$bin" segment >/dev/null 2>&1; [ $? -eq 2 ]; check "no file exits 2" $?
"$bin" segment "$tmp/none.csv" >/dev/null 2>"$tmp/err"; [ $? -eq 1 ]; check "missing file exits 1" $?

# Progress: a bar by signal on a terminal (script(1) gives a pseudo-terminal), none with
# --quiet, and none when stderr is not a terminal.
if script -qec true /dev/null >/dev/null 2>&1; then  # a pseudo-terminal can be had
  script -qec "'$bin' segment '$tmp/steps.csv'" /dev/null >"$tmp/tty.txt"
  grep -qF "segment  [" "$tmp/tty.txt"; check "bar drawn on a terminal" $?
  script -qec "'$bin' segment --quiet '$tmp/steps.csv'" /dev/null >"$tmp/quiet.txt"
  ! grep -qF "segment  [" "$tmp/quiet.txt"; check "--quiet draws no bar" $?
else
  echo "note: no pseudo-terminal here (/dev/pts); the progress-bar checks did not run"
fi
"$bin" segment "$tmp/steps.csv" >/dev/null 2>"$tmp/err"
[ ! -s "$tmp/err" ]; check "no bar when stderr is not a terminal" $?

help=$("$bin" segment --help); st=$?
check "--help exits 0" $st
for opt in method cost penalty min-seg max-cp standardize sigma exact crops hazard prior truncate \
           threshold lag json quiet; do
  grep -q -- "--$opt" <<<"$help"; check "--help documents --$opt" $?
done
for default in "pelt (default)" "normal-mean (default" "mbic (default)" "default 5" "default 250" \
               "default 0,1,1,1" "default 1e-4" "default 0.5" "default 10" "sd (default"; do
  grep -q -- "$default" <<<"$help"; check "--help states the default: $default" $?
done

exit $fail
