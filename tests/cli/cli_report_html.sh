#!/usr/bin/env bash
# report --out DIR writes report.html: self-contained (no script, nothing fetched), made from
# report.md's text, every figure inline as SVG with ids of its own; rendered in headless
# Chromium at 1280 px it is not blank, every figure is there and sized, nothing overflows.
# Usage: bash cli_report_html.sh DISRUPT_BIN SOURCE_DIR
set -u
bin=$1
src=$2
data=$src/datasets/azerbaijan-2020
fail=0
tmp=$(mktemp -d /tmp/disrupt-cli-html-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
py=/usr/bin/python3

check() { # description, condition result
  if [ "$2" -ne 0 ]; then echo "FAIL: $1"; fail=1; else echo "ok: $1"; fi
}

# SYNTHETIC data, several years: a timeline and a years figure.
"$bin" report --quiet --out "$tmp/r" --claims "$data/claims.csv" "$data/traffic.csv" "$data/throughput.csv" \
  "$data"/www.*.csv "$data"/web.*.csv >/dev/null 2>&1
check "report exits 0" $?
"$bin" report --quiet --out "$tmp/y" "$src/datasets/azerbaijan-2018-2021/traffic.csv" >/dev/null 2>&1
check "report over several years exits 0" $?
for r in r y; do
  page=$tmp/$r/report.html
  [ -s "$page" ]; check "$r: report.html is written" $?
  $py - "$tmp/$r" <<'PY'; check "$r: self-contained, every figure inline, the same text as report.md" $?
import re, sys
d = sys.argv[1]
html = open(f"{d}/report.html", encoding="utf-8").read()
md = open(f"{d}/report.md", encoding="utf-8").read()
assert "<script" not in html.lower()
external = [u for u in re.findall(r'(?:src|href)="([^"#][^"]*)"', html) if "://" in u]
assert not external, external
assert not re.search(r'<(img|link|iframe)\b', html), "no image, stylesheet or frame is loaded"
figures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", md)
assert len(figures) >= 1 and html.count("<figure") == len(figures) == html.count("<svg"), figures
ids = re.findall(r'\bid="([^"]+)"', html)
assert len(ids) == len(set(ids)), "ids repeat across figures"
for h in re.findall(r"^#+ (.*)$", md, re.M):
    assert h.replace("&", "&amp;") in html, h
assert "SYNTHETIC" in html and "How this report was made" in html
PY
done

if command -v chromium >/dev/null 2>&1; then
  # A copy with a measuring script appended: the report itself has none.
  for r in r y; do
    cp "$tmp/$r/report.html" "$tmp/$r/measure.html"
    cat >>"$tmp/$r/measure.html" <<'JS'
<script>
const f = [...document.querySelectorAll('figure svg')].map(s => s.getBoundingClientRect());
const doc = document.documentElement;
document.body.insertAdjacentHTML('beforeend', '<pre id="measured">figures=' + f.length +
  ' sized=' + f.filter(b => b.width > 200 && b.height > 100).length +
  ' scroll=' + doc.scrollWidth + ' client=' + doc.clientWidth + '</pre>');
</script>
JS
    flags=(--headless=new --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,2000)
    chromium "${flags[@]}" --dump-dom "file://$tmp/$r/measure.html" 2>/dev/null >"$tmp/$r/dom.html"
    m=$(grep -o 'figures=[0-9]* sized=[0-9]* scroll=[0-9]* client=[0-9]*' "$tmp/$r/dom.html")
    n=$(grep -c "<figure" "$tmp/$r/report.html")
    echo "$m" | grep -q "figures=$n sized=$n "; check "$r: Chromium lays out all $n figures, each sized ($m)" $?
    scroll=$(echo "$m" | sed -n 's/.*scroll=\([0-9]*\).*/\1/p'); client=$(echo "$m" | sed -n 's/.*client=\([0-9]*\).*/\1/p')
    [ -n "$scroll" ] && [ "$scroll" -le "$client" ]; check "$r: nothing overflows at 1280 px ($scroll <= $client)" $?
    chromium "${flags[@]}" --screenshot="$tmp/$r/shot.png" "file://$tmp/$r/report.html" >/dev/null 2>&1
    $py - "$tmp/$r/shot.png" <<'PY'; check "$r: the screenshot is not blank" $?
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n"
pos, idat, w, h = 8, b"", 0, 0
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b"IHDR":
        w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
        assert depth == 8 and ctype in (2, 6), (depth, ctype)
        bpp = 3 if ctype == 2 else 4
    elif kind == b"IDAT":
        idat += body
    pos += 12 + n
raw, stride, prev, colours, dark = zlib.decompress(idat), w * bpp, bytearray(w * bpp), set(), 0
for y in range(h):
    f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a = line[i - bpp] if i >= bpp else 0
        b, c = prev[i], prev[i - bpp] if i >= bpp else 0
        p = a + b - c
        pred = [0, a, b, (a + b) // 2, a if abs(p - a) <= abs(p - b) and abs(p - a) <= abs(p - c) else b if abs(p - b) <= abs(p - c) else c][f]
        line[i] = (line[i] + pred) & 255
    if y % 8 == 0:
        for x in range(0, w, 8):
            px = tuple(line[x * bpp:x * bpp + 3])
            colours.add(px)
            dark += sum(px) < 200
    prev = line
assert w == 1280 and len(colours) > 50 and dark > 200, (w, len(colours), dark)
PY
  done
else
  echo "skipped: chromium is not installed here (make test installs it as root)"
fi
exit $fail
