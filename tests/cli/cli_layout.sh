#!/usr/bin/env bash
# cli_layout.sh — what the charts draw, checked as drawn: every figure the README shows and a
# set of harder ones (narrow, small, long titles, dark, relative, claims, compare by year and
# by file with and without overlay, a report's figures, real measurements, JSON input) are
# drawn with DISRUPT_TEXT_LOG set, which lists each line of text with its ink box, and the
# claims' dotted guides; no box may leave the page, no two may overlap, no guide may cross one. Data: the bundled SYNTHETIC datasets and the real
# fixtures of tests/data/real.
# Usage: cli_layout.sh DISRUPT_BIN SOURCE_DIR
set -u
bin=$1
src=$2
tmp=$(mktemp -d /tmp/disrupt-cli-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
cd "$src"
export DISRUPT_TEXT_LOG=$tmp/text.tsv
fails=0
run() { "$bin" "$@" > /dev/null 2> "$tmp/err" || { echo "FAIL: disrupt $*: $(head -3 "$tmp/err")"; fails=$((fails + 1)); }; }

bash plots/make-plots.sh "$bin" "$tmp/plots" > /dev/null 2> "$tmp/err" ||
  { echo "FAIL: make-plots: $(tail -3 "$tmp/err")"; fails=$((fails + 1)); }
az=datasets/azerbaijan-2020
yr=datasets/azerbaijan-2018-2021/traffic.csv
real=tests/data/real
files="datasets/azerbaijan-2019-rally/traffic.csv $az/traffic.csv datasets/iran-2019/traffic.csv datasets/myanmar-2021/traffic.csv"
long="Azerbaijan 2020: national traffic during the Nagorno-Karabakh war, throttled and blocked for forty-six days by order of the government"
o=$tmp/more
mkdir -p "$o"
run detect --plot "$o/ioda-iran.png" --events datasets/iran-2019/events.csv datasets/iran-2019/ioda-iran.csv
run detect --plot "$o/ioda-az.png" "$az/ioda-azerbaijan.csv"
run detect --plot "$o/narrow.png" --width 90mm --events "$az/events.csv" --title "$long" \
  "$az/traffic.csv" "$az/throughput.csv" "$az/web.whatsapp.com.csv" "$az/www.facebook.com.csv"
run detect --plot "$o/small.png" --width 100mm --height 120mm --events "$az/events.csv" "$az/traffic.csv" \
  "$az/web.whatsapp.com.csv"
run detect --plot "$o/px.png" --width 640px --events datasets/myanmar-2021/events.csv datasets/myanmar-2021/traffic.csv
run detect --plot "$o/long-title.png" --title "$long" --subtitle "$long $long" --source "Data: $long" \
  --events "$az/events.csv" "$az/traffic.csv" "$az/throughput.csv"
run detect --plot "$o/relative.png" --relative "$az/traffic.csv" "$az/web.whatsapp.com.csv"
run detect --plot "$o/dark.svg" --theme dark --tz Asia/Baku --events "$az/events.csv" "$az/traffic.csv" \
  "$az/www.instagram.com.csv" "$az/www.youtube.com.csv"
run verify --plot "$o/claims-years.png" --claims datasets/azerbaijan-2018-2021/claims.csv "$yr"
run verify --plot "$o/claims-narrow.png" --width 95mm --claims "$az/claims.csv" "$az/traffic.csv" \
  "$az/web.whatsapp.com.csv" "$az/www.facebook.com.csv"
run compare --plot "$o/years.png" "$yr"
run compare --plot "$o/years-narrow.png" --width 90mm "$yr"
run compare --plot "$o/years-overlay.png" --overlay "$yr"
run compare --by file --plot "$o/files.png" $files
run compare --by file --plot "$o/files-narrow.png" --width 90mm $files
run compare --by file --overlay --plot "$o/files-overlay.png" $files
run report --quiet --out "$o/report" --claims "$az/claims.csv" "$az/traffic.csv" "$az/web.whatsapp.com.csv" \
  "$az/www.facebook.com.csv"
run detect --plot "$o/real-ve.png" "$real/VE-2019-07-monash/venezuela-national-mean-connectivity.csv"
run detect --plot "$o/real-us.png" "$real/US-2020-08-laura-monash/laura-state-mean-utc.csv"
run detect --plot "$o/real-us-parishes.png" "$real/US-2020-08-laura-monash/laura-parishes-utc.csv"
run detect --plot "$o/real-ua.png" "$real/UA-2022-01-monash/border-regions-latency-utc.csv"
run detect --plot "$o/real-cn.png" --signal cn --signal ir --signal all "$real/CN-2009-09-tor/direct-users.csv"
run detect --plot "$o/json-ioda.png" tests/data/ioda-api-v2-synthetic.json

/usr/bin/python3 - "$DISRUPT_TEXT_LOG" <<'PY' || fails=$((fails + 1))
import sys
pages, cur = [], None
for line in open(sys.argv[1], encoding='utf-8'):
    f = line.rstrip('\n').split('\t')
    if f[0] == 'page':
        cur = {'name': f[1].split('/')[-1], 'w': float(f[2]), 'h': float(f[3]), 'boxes': []}
        pages.append(cur)
    elif f[0] == 'text':
        x, y, w, h = map(float, f[1:5])
        if w > 0 and h > 0:
            cur['boxes'].append((x, y, w, h, f[5]))
    elif f[0] == 'line':
        cur.setdefault('lines', []).append(tuple(map(float, f[1:5])))
bad = 0
for p in pages:
    for x, y, w, h, t in p['boxes']:
        if x < -0.5 or y < -0.5 or x + w > p['w'] + 0.5 or y + h > p['h'] + 0.5:
            print(f"FAIL: {p['name']}: '{t}' leaves the page ({x:.1f},{y:.1f} {w:.1f}x{h:.1f})")
            bad += 1
    b = p['boxes']
    for i in range(len(b)):
        for j in range(i + 1, len(b)):
            ox = min(b[i][0] + b[i][2], b[j][0] + b[j][2]) - max(b[i][0], b[j][0])
            oy = min(b[i][1] + b[i][3], b[j][1] + b[j][3]) - max(b[i][1], b[j][1])
            if ox > 0.3 and oy > 0.3:
                print(f"FAIL: {p['name']}: '{b[i][4]}' overlaps '{b[j][4]}' ({ox:.1f}x{oy:.1f} pt)")
                bad += 1
    for x0, y0, x1, y1 in p.get('lines', []):   # claim guides: never through letters
        for x, y, w, h, t in b:
            if x < x0 < x + w and min(y1, y + h) - max(y0, y) > 0.3:
                print(f"FAIL: {p['name']}: a claim's guide at x={x0:.1f} crosses '{t}'")
                bad += 1
n = sum(len(p['boxes']) for p in pages)
print(f"cli_layout: {len(pages)} pages, {n} lines of text, {bad} problems")
sys.exit(1 if bad or len(pages) < 30 else 0)
PY
test "$fails" -eq 0
