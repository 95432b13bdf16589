#!/usr/bin/env bash
# cli_plot.sh — the chart options end to end: formats by extension, sizes, themes, events,
# the zone, determinism across runs, and usage errors.
# Usage: cli_plot.sh DISRUPT_BIN SOURCE_DIR
set -u
bin=$1
tmp=$(mktemp -d /tmp/disrupt-cli-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fails=0 passes=0
check() { # check NAME CONDITION...
    local name=$1; shift
    if "$@"; then passes=$((passes + 1)); else fails=$((fails + 1)); echo "FAIL: $name"; fi
}
contains() { grep -qF -- "$2" "$1"; }
png_size() { # WIDTH HEIGHT of a PNG, from its IHDR
    od -An -tu1 -j16 -N8 "$1" | awk '{ print $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8 }'
}

# A synthetic hourly series (made up here, deterministic): 40 days with a diurnal cycle,
# days 20..25 throttled to half.
awk 'BEGIN { srand(7); print "time,traffic";
  for (i = 0; i < 40*24; i++) {
    t = 1590969600 + i*3600; h = (i % 24);
    v = 1000 * exp(0.4*cos(2*3.14159265*(h-20)/24)) * exp(0.05*(rand()+rand()+rand()-1.5));
    if (i >= 20*24 && i < 25*24) v *= 0.5;
    printf "%d,%.3f\n", t, v } }' > "$tmp/traffic.csv"
printf 'time,label\n2020-06-21,Throttling ordered in Gəncə\n2020-06-26T00:00:00Z,Lifted; Şəki back\n' > "$tmp/events.csv"

"$bin" detect --plot "$tmp/a.png" --events "$tmp/events.csv" --title "Test chart" "$tmp/traffic.csv" > /dev/null 2> "$tmp/err.txt"
check "png chart exits 0" test $? -eq 0
check "png is a PNG" test "$(head -c 8 "$tmp/a.png" | od -An -tx1 | tr -d ' ')" = "89504e470d0a1a0a"
check "default width is 165 mm at 150 dpi" test "$(png_size "$tmp/a.png" | cut -d' ' -f1)" -eq 975

"$bin" detect --plot "$tmp/b.png" --events "$tmp/events.csv" --title "Test chart" "$tmp/traffic.csv" > /dev/null
check "same input, same PNG bytes" cmp -s "$tmp/a.png" "$tmp/b.png"

"$bin" detect --plot "$tmp/w.png" --width 800px --height 600 --dpi 100 "$tmp/traffic.csv" > /dev/null
check "--width/--height in px" test "$(png_size "$tmp/w.png")" = "800 600"
"$bin" detect --plot "$tmp/in.png" --width 4in --dpi 200 "$tmp/traffic.csv" > /dev/null
check "--width in inches at --dpi" test "$(png_size "$tmp/in.png" | cut -d' ' -f1)" -eq 800

for theme in dark print; do
  "$bin" detect --plot "$tmp/$theme.svg" --theme "$theme" --relative --events "$tmp/events.csv" "$tmp/traffic.csv" > /dev/null
  check "$theme svg written" test -s "$tmp/$theme.svg"
  if command -v xmllint > /dev/null; then
    check "$theme svg parses" xmllint --noout "$tmp/$theme.svg"
  fi
done
"$bin" detect --plot "$tmp/c.svg" --theme dark --relative --events "$tmp/events.csv" "$tmp/traffic.csv" > /dev/null
check "same input, same SVG bytes" cmp -s "$tmp/dark.svg" "$tmp/c.svg"

"$bin" detect --plot "$tmp/a.pdf" --plot-tz Asia/Baku "$tmp/traffic.csv" > /dev/null
check "pdf written" test "$(head -c 5 "$tmp/a.pdf")" = "%PDF-"
if command -v pdfinfo > /dev/null; then
  check "pdf opens with one page" sh -c "pdfinfo '$tmp/a.pdf' | grep -q '^Pages: *1$'"
  # The PDF is the editable format (SVG from cairo carries text as glyph outlines): every
  # font embedded, the labels text that can be selected and searched.
  check "pdf embeds every font" sh -c "pdffonts '$tmp/a.pdf' | awk 'NR > 2 && \$(NF-4) != \"yes\" {bad = 1} NR > 2 {n++} END {exit bad || !n}'"
  check "pdf labels are text" sh -c "pdftotext '$tmp/a.pdf' - | grep -q 'Throttling'"
  check "svg labels are outlines, as the README says" sh -c "! grep -q '<text' '$tmp/c.svg'"
fi

# Interrupted while writing: SIGTERM as soon as the temporary file of a large chart exists
# leaves neither it nor a partial chart (the program removes its temporary files and dies of
# the signal).
rm -f "$tmp"/kill.png*
"$bin" detect --plot "$tmp/kill.png" --dpi 300 --width 400mm --height 300mm "$tmp/traffic.csv" \
  > /dev/null 2>&1 &
pid=$!
seen=0
for _ in $(seq 1 2000); do
  if ls "$tmp"/kill.png.* > /dev/null 2>&1; then seen=1; break; fi
  kill -0 $pid 2> /dev/null || break
  sleep 0.005
done
# Frozen first, so that the signal lands while the file is written, whatever the machine's
# speed; the handler runs as it continues.
kill -STOP $pid 2> /dev/null
kill -TERM $pid 2> /dev/null
kill -CONT $pid 2> /dev/null
wait $pid
st=$?
check "the chart's temporary file was seen while it was written" test $seen -eq 1
check "SIGTERM ends the run as the signal does (143)" test $st -eq 143
check "no temporary file and no chart are left" test -z "$(ls "$tmp"/kill.png* 2> /dev/null)"

# Chart text must be showable: a title of invalid UTF-8 is a usage error, not garbled glyphs.
"$bin" detect --title $'War\xff' --plot "$tmp/t.png" "$tmp/traffic.csv" > /dev/null 2> "$tmp/err.txt"
check "a --title of invalid UTF-8 exits 2" test $? -eq 2
check "... saying so" contains "$tmp/err.txt" "--title expects text in valid UTF-8"
check "... and draws nothing" test ! -e "$tmp/t.png"

# Usage errors: exit 2, a message naming the option, the hint.
"$bin" detect --plot "$tmp/a.gif" "$tmp/traffic.csv" > /dev/null 2> "$tmp/err.txt"
check "unknown extension exits 2" test $? -eq 2
check "unknown extension explained" contains "$tmp/err.txt" ".png, .svg or .pdf"
check "hint printed" contains "$tmp/err.txt" "disrupt: try 'disrupt detect --help'"
"$bin" detect --plot "$tmp/x.png" --width 12pt "$tmp/traffic.csv" > /dev/null 2> "$tmp/err.txt"
check "bad width exits 2" test $? -eq 2
check "bad width explained" contains "$tmp/err.txt" "--width expects a length"
"$bin" detect --plot "$tmp/x.png" --theme neon "$tmp/traffic.csv" > /dev/null 2> "$tmp/err.txt"
check "bad theme exits 2" test $? -eq 2
check "bad theme explained" contains "$tmp/err.txt" "--theme expects light, dark or print, found 'neon'"
"$bin" detect --plot "$tmp/x.png" --plot-tz Mars/Base "$tmp/traffic.csv" > /dev/null 2> "$tmp/err.txt"
check "bad zone exits 2" test $? -eq 2
"$bin" detect --plot "$tmp/x.png" --dpi 5 "$tmp/traffic.csv" > /dev/null 2> "$tmp/err.txt"
check "bad dpi exits 2" test $? -eq 2

# Data errors in the events file: exit 1 with FILE:LINE:COL, no chart left behind.
printf 'time,label\n2020-06-21,ok\n2020-13-01,bad month\n' > "$tmp/bad.csv"
"$bin" detect --plot "$tmp/bad.png" --events "$tmp/bad.csv" "$tmp/traffic.csv" > /dev/null 2> "$tmp/err.txt"
check "bad events exit 1" test $? -eq 1
check "bad events placed" contains "$tmp/err.txt" "bad.csv:3:1: expected a date"
check "no chart from bad events" test ! -e "$tmp/bad.png"
"$bin" detect --plot "$tmp/no-such-dir/x.png" "$tmp/traffic.csv" > /dev/null 2> "$tmp/err.txt"
check "unwritable chart exits 1" test $? -eq 1
check "unwritable chart named" contains "$tmp/err.txt" "no-such-dir/x.png"

# A size out of range says which unit it was read in and the range in that unit.
"$bin" detect --width 10 --plot "$tmp/w.png" "$tmp/traffic.csv" > /dev/null 2> "$tmp/err.txt"
check "--width 10: read as px, range in px" contains "$tmp/err.txt" "a width of 10 px (at 150 dpi) is too small: expected 150 to 30000 px"

echo "cli_plot: $passes passed, $fails failed"
test "$fails" -eq 0
