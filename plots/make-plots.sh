#!/usr/bin/env bash
# Regenerates every figure the README shows, from the bundled (SYNTHETIC) datasets.
#   bash plots/make-plots.sh DISRUPT_BIN [OUT_DIR]
# OUT_DIR defaults to this folder. Charts are deterministic: the same binary and datasets
# give byte-identical PNG and SVG files. The captions say the data is synthetic (the series
# carry that flag); the titles say which documented events they were modelled on.
set -euo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: bash plots/make-plots.sh DISRUPT_BIN [OUT_DIR]" >&2
  exit 2
fi
bin=$1
root=$(cd "$(dirname "$0")/.." && pwd)
out=${2:-$root/plots}
mkdir -p "$out"
cd "$root"
# PDFs carry a creation date: pin it (reproducible-builds convention) to the last change of
# the data, so that regenerating the figures changes no file unless a figure changed.
if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
  SOURCE_DATE_EPOCH=$(git log -1 --format=%ct -- datasets 2>/dev/null || true)
  SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-0}
  export SOURCE_DATE_EPOCH
fi

for d in azerbaijan-2020 azerbaijan-2018-2021 myanmar-2021 iran-2019; do
  if [ ! -f "datasets/$d/traffic.csv" ]; then
    echo "make-plots: datasets/$d/traffic.csv is missing; run 'make datasets' first" >&2
    exit 1
  fi
done

# Run one chart quietly (the table goes to /dev/null), saying which file it writes.
chart() {
  local file=$1
  shift
  echo "make-plots: $file"
  "$bin" detect --plot "$out/$file" "$@" >/dev/null
}
claims_chart() {
  local file=$1
  shift
  echo "make-plots: $file"
  "$bin" verify --plot "$out/$file" "$@" >/dev/null
}

az=datasets/azerbaijan-2020

# The README's first figure; the same chart `make demo` draws.
chart azerbaijan-2020.png \
  --events $az/events.csv \
  --title "Azerbaijan 2020: national traffic during the Nagorno-Karabakh war" \
  --subtitle "Hourly traffic against its seasonal baseline; shaded: the disruption detected" \
  $az/traffic.csv

# Vector versions of it for print (fonts embedded in the PDF, glyphs as paths in the SVG).
for ext in svg pdf; do
  chart azerbaijan-2020.$ext --theme print \
    --events $az/events.csv \
    --title "Azerbaijan 2020: national traffic during the Nagorno-Karabakh war" \
    --subtitle "Hourly traffic against its seasonal baseline; shaded: the disruption detected" \
    $az/traffic.csv
done

# Several signals on one time axis: throttling of traffic and throughput, blocking of
# WhatsApp and Facebook in OONI-style counts.
chart azerbaijan-2020-signals.png \
  --events $az/events.csv \
  --title "Azerbaijan 2020: throttling and social-media blocking, signal by signal" \
  --subtitle "Traffic and throughput against their baselines; WhatsApp and Facebook: share of measurements blocked" \
  $az/traffic.csv $az/throughput.csv $az/web.whatsapp.com.csv $az/www.facebook.com.csv

# What reports claim, bracketed above what the data show, signal by signal.
claims_chart azerbaijan-2020-claims.png \
  --claims $az/claims.csv \
  --title "Azerbaijan 2020: the dates reports give, against the data" \
  --subtitle "Brackets: claimed windows (Freedom House, OONI); shaded: windows detected" \
  $az/traffic.csv $az/web.whatsapp.com.csv $az/www.facebook.com.csv

# Nightly shutdowns after the 2021 coup: a run of windows gets one label.
chart myanmar-2021.png \
  --events datasets/myanmar-2021/events.csv \
  --title "Myanmar 2021: shutdowns after the coup, then every night" \
  --subtitle "Hourly traffic; each run of nightly windows is labelled once" \
  datasets/myanmar-2021/traffic.csv

# A week-long national shutdown with staged restoration.
chart iran-2019.png \
  --events datasets/iran-2019/events.csv \
  --title "Iran, November 2019: national shutdown during the fuel-price protests" \
  datasets/iran-2019/traffic.csv

# Four years of daily traffic, for comparing years.
chart azerbaijan-2018-2021.png \
  --events datasets/azerbaijan-2018-2021/events.csv \
  --title "Azerbaijan 2018–2021: daily national traffic" \
  --subtitle "Disruptions detected over four years" \
  datasets/azerbaijan-2018-2021/traffic.csv
