#!/usr/bin/env bash
# cli_batch.sh — `disrupt batch` and `disrupt merge` end to end: a long file of many
# SYNTHETIC entities grouped by entity and sorted by time, a manifest of the bundled datasets
# with charts, an entity that fails, shards run by GNU parallel and merged, usage errors.
# Usage: cli_batch.sh DISRUPT_BIN SOURCE_DIR
set -u
bin=$1
src=$2
tmp=$(mktemp -d /tmp/disrupt-cli-batch-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fails=0 passes=0
check() { # check NAME CONDITION...
    local name=$1; shift
    if "$@"; then passes=$((passes + 1)); else fails=$((fails + 1)); echo "FAIL: $name"; fi
}
contains() { grep -qF -- "$2" "$1"; }
same() { cmp -s "$1" "$2"; }

# SYNTHETIC: E entities of H hourly points; every third one (k % 3 == 0) is shut down for 30
# hours from hour 400. A fixed linear congruential generator, so that every awk draws alike.
cat >"$tmp/gen.awk" <<'EOF'
function rnd() { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648 }
BEGIN {
  seed = 7; print "# synthetic: made up for the batch tests"; print "timestamp,entity,signal,value"
  for (k = 0; k < E; k++)
    for (h = 0; h < H; h++) {
      v = 1000 * (1 + 0.3 * sin(2 * 3.14159265 * h / 24)) * (0.95 + 0.1 * rnd())
      if (k % 3 == 0 && h >= 400 && h < 430) v = v * 0.02
      printf "%d,AS%05d,traffic,%.2f\n", 1600128000 + 3600 * h, k, v
    }
}
EOF
awk -v E=90 -v H=720 -f "$tmp/gen.awk" >"$tmp/asn.csv"
mkdir -p "$tmp/by-time"
{ head -2 "$tmp/asn.csv"; tail -n +3 "$tmp/asn.csv" | sort -t, -k1,1n -s; } >"$tmp/by-time/asn.csv"

# ---- one long file, grouped and sorted by time ----------------------------------------------
"$bin" batch --quiet --out "$tmp/g" "$tmp/asn.csv" >"$tmp/g.out" 2>"$tmp/g.err"
check "grouped long file: exit 0" [ $? -eq 0 ]
check "summary line" contains "$tmp/g.out" "batch: 90 entities, 30 windows, 64800 points"
check "no warnings" [ ! -s "$tmp/g.err" ]
check "one row per entity" [ "$(wc -l <"$tmp/g/entities.csv")" -eq 91 ]
check "entities sorted by name" cmp -s <(tail -n +2 "$tmp/g/entities.csv" | cut -d, -f1) \
    <(tail -n +2 "$tmp/g/entities.csv" | cut -d, -f1 | LC_ALL=C sort)
check "the shut down entity dated" contains "$tmp/g/windows.csv" \
    "AS00003,AS00003/traffic,shutdown,2020-10-01T16:00:00Z,2020-10-02T22:00:00Z"
check "the others have none" [ "$(grep -c ',AS0000[12]/' "$tmp/g/windows.csv")" -eq 0 ]
check "windows.json parses" python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); \
    assert len(d["entities"]) == 90 and d["entities"][3]["windows"][0]["kind"] == "shutdown"' \
    "$tmp/g/windows.json"
# Memory: a grouped file is read entity by entity; at most 2 × jobs wait while jobs run.
peak=$(sed -n 's/.*at most \([0-9]*\) entit.*/\1/p' "$tmp/g.out")
jobs=$(nproc)
check "entities in flight bounded ($peak)" [ "${peak:-999}" -le $((3 * jobs)) ]

"$bin" batch --quiet --out "$tmp/t" "$tmp/by-time/asn.csv" >"$tmp/t.out"
check "time-sorted long file: exit 0" [ $? -eq 0 ]
check "same windows as grouped" same "$tmp/g/windows.csv" "$tmp/t/windows.csv"
check "same summary as grouped" same "$tmp/g/entities.csv" "$tmp/t/entities.csv"

"$bin" batch --quiet --jobs 1 --out "$tmp/j1" "$tmp/asn.csv" >"$tmp/j1.out"
check "--jobs 1: at most one entity held" contains "$tmp/j1.out" "at most 1 entity, 720 points"
for f in windows.json windows.csv entities.csv; do
    check "--jobs 1 writes the same $f" same "$tmp/g/$f" "$tmp/j1/$f"
done

# ---- shards with GNU parallel, merged -------------------------------------------------------
if command -v parallel >/dev/null; then
    parallel --will-cite "$bin" batch --quiet --shard {}/4 --out "$tmp/shard-{}" "$tmp/asn.csv" \
        ::: 0 1 2 3 >/dev/null
    check "parallel ran four shards" [ -f "$tmp/shard-3/windows.json" ]
    check "a shard says which it is" contains "$tmp/shard-2/windows.json" '"shard": [2, 4],'
    n=0
    for s in 0 1 2 3; do n=$((n + $(tail -n +2 "$tmp/shard-$s/entities.csv" | wc -l))); done
    check "shards split the entities ($n)" [ "$n" -eq 90 ]
    "$bin" merge --out "$tmp/merged" "$tmp"/shard-3 "$tmp"/shard-1 "$tmp"/shard-0 "$tmp"/shard-2 \
        >"$tmp/merge.out"
    check "merge exits 0" [ $? -eq 0 ]
    for f in windows.json windows.csv entities.csv; do
        check "merged $f is the single run's" same "$tmp/g/$f" "$tmp/merged/$f"
    done
    "$bin" merge --out "$tmp/m2" "$tmp/shard-0" "$tmp/shard-1" "$tmp/shard-2" 2>"$tmp/m2.err"
    check "a missing shard: exit 1" [ $? -eq 1 ]
    check "a missing shard: named" contains "$tmp/m2.err" "shard 3/4 is missing"
    "$bin" batch --quiet --shard 1/4 --out "$tmp/other" --step 2h "$tmp/asn.csv" >/dev/null \
        2>"$tmp/other.err"
    check "a warning every entity repeats is said once" \
        [ "$(grep -c 'rows fell on a time stamp' "$tmp/other.err")" -eq 1 ]
    "$bin" merge --out "$tmp/m3" "$tmp/shard-0" "$tmp/other" "$tmp/shard-2" "$tmp/shard-3" \
        2>"$tmp/m3.err"
    check "a shard of another run: refused" contains "$tmp/m3.err" "a shard of another run"
    "$bin" merge --out "$tmp/shard-0" "$tmp/shard-0" "$tmp/shard-1" 2>/dev/null
    check "merge into a shard: usage error" [ $? -eq 2 ]
else
    echo "FAIL: GNU parallel is not installed (make test installs it)"
    fails=$((fails + 1))
fi

# ---- a manifest of the bundled datasets, with charts ----------------------------------------
d=$src/datasets
cat >"$tmp/manifest.csv" <<EOF
entity,file,tz
AZ,$d/azerbaijan-2020/traffic.csv,
AZ,$d/azerbaijan-2020/ioda-azerbaijan.csv,
IR,$d/iran-2019/traffic.csv,Asia/Tehran
EOF
"$bin" batch --quiet --out "$tmp/man" --charts png --manifest "$tmp/manifest.csv" >"$tmp/man.out"
check "manifest: exit 0" [ $? -eq 0 ]
check "manifest: two entities" contains "$tmp/man.out" "batch: 2 entities"
check "AZ's 46 days of throttling" contains "$tmp/man/windows.csv" \
    "AZ,AZ/traffic,throttling,2020-09-27T00:00:00Z,2020-11-12T00:00:00Z"
check "AZ read from both its files" contains "$tmp/man/entities.csv" "AZ,ok,3,"
check "a chart per entity" [ "$(head -c 4 "$tmp/man/charts/AZ.png" | tail -c 3)" = "PNG" ]
check "IR's chart" [ -s "$tmp/man/charts/IR.png" ]

# ---- an entity that fails does not stop the others ------------------------------------------
{ head -2 "$tmp/asn.csv" | tail -1; echo "1600128000,blank,traffic,"; echo "1600131600,blank,traffic,"
  grep ',AS00001,' "$tmp/asn.csv"; } >"$tmp/mixed.csv"
"$bin" batch --quiet --out "$tmp/mixed" "$tmp/mixed.csv" >"$tmp/mixed.out" 2>"$tmp/mixed.err"
check "a failed entity: exit 0" [ $? -eq 0 ]
check "a failed entity: warned" contains "$tmp/mixed.err" "1 of 2 entities failed"
check "a failed entity: its row says why" grep -q '^blank,failed,.*every value cell empty' \
    "$tmp/mixed/entities.csv"
check "the other entity analysed" contains "$tmp/mixed/entities.csv" "AS00001,ok,1,720,"
for s in 0 1; do "$bin" batch --quiet --shard $s/2 --out "$tmp/mixed-$s" "$tmp/mixed.csv" >/dev/null 2>&1; done
"$bin" merge --out "$tmp/mixed-merged" "$tmp/mixed-0" "$tmp/mixed-1" >/dev/null
check "a failed entity's quoted message merges" same "$tmp/mixed/entities.csv" \
    "$tmp/mixed-merged/entities.csv"

# ---- chart file names: hidden, long, unsafe names ----------------------------------------------
long=$(printf 'N%.0s' $(seq 1 300))
{ echo "timestamp,entity,signal,value"
  for e in .hidden "a/b" "$long" AS9; do grep ',AS00001,' "$tmp/asn.csv" | sed "s|,AS00001,|,$e,|"; done
} >"$tmp/names.csv"
"$bin" batch --quiet --jobs 2 --out "$tmp/names" --charts svg "$tmp/names.csv" >/dev/null 2>&1
check "odd names: exit 0" [ $? -eq 0 ]
check "no hidden chart" [ -z "$(ls -A "$tmp/names/charts" | grep '^\.')" ]
check "a leading dot becomes _" ls "$tmp/names/charts"/_hidden-*.svg
check "a slash stays out of the path" ls "$tmp/names/charts"/a_b-*.svg
check "a 300-byte name is cut, with its hash" \
    [ "$(ls "$tmp/names/charts" | grep -cE '^N{100}-[0-9a-f]{16}\.svg$')" -eq 1 ]
check "a plain name is itself" [ -s "$tmp/names/charts/AS9.svg" ]
check "four charts" [ "$(ls "$tmp/names/charts" | wc -l)" -eq 4 ]

# ---- many different warnings: the first ten, then a count -------------------------------------
{ echo "timestamp,entity,signal,value"
  for k in $(seq 1 15); do echo "1600128000,E$k,traffic,1"; echo "1600131600,E$k,traffic,oops$k"; done
} >"$tmp/warns.csv"
"$bin" batch --quiet --skip-bad-rows --out "$tmp/warns" "$tmp/warns.csv" >/dev/null 2>"$tmp/warns.err"
check "ten warnings shown" [ "$(grep -c "expected a number, found 'oops" "$tmp/warns.err")" -eq 10 ]
check "the rest counted" grep -q '5 further warnings not shown (of 15)' "$tmp/warns.err"

# ---- the output folder: an earlier run's is replaced whole, another folder is refused ----------
grep -v ',AS9,' "$tmp/names.csv" >"$tmp/names3.csv"
"$bin" batch --quiet --out "$tmp/names" --charts svg "$tmp/names3.csv" >/dev/null 2>&1
check "a rerun leaves no earlier chart behind" [ ! -e "$tmp/names/charts/AS9.svg" ]
check "a rerun draws its own" [ "$(ls "$tmp/names/charts" | wc -l)" -eq 3 ]
mkdir -p "$tmp/busy"; echo keep >"$tmp/busy/notes.txt"
"$bin" batch --quiet --out "$tmp/busy" "$tmp/asn.csv" >/dev/null 2>"$tmp/busy.err"
check "a folder of other files: refused" contains "$tmp/busy.err" "the folder holds other files"
check "a folder of other files: untouched" [ "$(ls "$tmp/busy")" = notes.txt ]
"$bin" batch --quiet --out "$tmp/names" --charts svg "$tmp/names.csv" >/dev/null 2>&1

echo mine >"$tmp/names/charts/notes.txt"
"$bin" batch --quiet --out "$tmp/names" --charts svg "$tmp/names3.csv" >/dev/null 2>&1
check "a rerun leaves files it did not draw" [ -s "$tmp/names/charts/notes.txt" ]
rm -f "$tmp/names/charts/notes.txt"
mkdir -p "$tmp/linked" "$tmp/pics"; echo keep >"$tmp/pics/a.png"
cp "$tmp/names/windows.json" "$tmp/linked/"; ln -s "$tmp/pics" "$tmp/linked/charts"
"$bin" batch --quiet --out "$tmp/linked" --charts svg "$tmp/names3.csv" >/dev/null 2>"$tmp/linked.err"
check "charts/ a link: refused, nothing behind it removed" [ -s "$tmp/pics/a.png" ]
check "charts/ a link: said" contains "$tmp/linked.err" "found a link"
"$bin" batch --quiet --out "$tmp/names" --charts svg "$tmp/names.csv" >/dev/null 2>&1

# ---- a chart that cannot be drawn is that entity's alone ------------------------------------
awk 'BEGIN { printf "time"; for (c = 0; c < 200; c++) printf ",s%d", c; print "";
  for (h = 0; h < 100; h++) { printf "%d", 1600128000 + 3600 * h;
    for (c = 0; c < 200; c++) printf ",%d", 100 + (h * 7 + c) % 13; print "" } }' >"$tmp/tall.csv"
"$bin" batch --quiet --charts png --out "$tmp/tall" "$tmp/tall.csv" "$src/tests/data/plain-synthetic.csv" \
    >/dev/null 2>"$tmp/tall.err"
check "a chart too large: the run goes on" [ $? -eq 0 ]
check "a chart too large: said" contains "$tmp/tall.err" "1 chart could not be drawn"
check "a chart too large: its entity names none" grep -q '^tall,ok,200,20000,0,0,0,0,0,0,0,,,,' \
    "$tmp/tall/entities.csv"
check "the other entity's chart" [ -s "$tmp/tall/charts/plain-synthetic.png" ]

# ---- short column names are not countries -----------------------------------------------------
{ echo "time,in,ok,up"; tail -n +3 "$tmp/asn.csv" | head -720 | awk -F, '{ print $1 "," $4 "," $4 "," $4 }'; } \
    >"$tmp/short.csv"
"$bin" batch --quiet --out "$tmp/short" "$tmp/short.csv" >"$tmp/short.out" 2>&1
check "a table of short names is one entity" contains "$tmp/short.out" "batch: 1 entity,"

# ---- a chart column names each entity's chart ------------------------------------------------
check "entities.csv names the chart" contains "$tmp/names/entities.csv" ",charts/AS9.svg,"

# ---- a shard where every entity fails still exits 0 (its files are valid) --------------------
{ echo "timestamp,entity,signal,value"; echo "1600128000,x,traffic,"; echo "1600131600,x,traffic,"; } >"$tmp/allbad.csv"
"$bin" batch --quiet --out "$tmp/allbad" "$tmp/allbad.csv" >/dev/null 2>&1
check "every entity failed: exit 1" [ $? -eq 1 ]
s=$(for i in 0 1 2 3 4 5 6 7; do "$bin" batch --quiet --shard $i/8 --out "$tmp/ab-$i" "$tmp/allbad.csv" >/dev/null 2>&1 || echo "$i:$?"; done)
check "a shard whose entities all failed: exit 0 ($s)" [ -z "$s" ]

# ---- a plain table of places in rows (Monash-shaped, SYNTHETIC): --entity-column ------------
"$bin" batch --quiet --out "$tmp/monash" --entity-column name_1 --time time_e --signal connectivity \
    "$src/tests/data/monash-regions-synthetic.csv" >"$tmp/monash.out" 2>&1
check "--entity-column: one entity per region" contains "$tmp/monash.out" "batch: 3 entities"
check "--entity-column: the region's shutdown" contains "$tmp/monash/windows.csv" \
    '"Beta, North","Beta, North/connectivity",shutdown,2019-07-22T02:00:00Z,2019-07-22T22:00:00Z'
check "--entity-column: the others have none" [ "$(wc -l <"$tmp/monash/windows.csv")" -eq 2 ]

# ---- shards spelt differently are still one run ----------------------------------------------
"$bin" batch --quiet --shar 0/2 --ou "$tmp/ab0" --jo 1 "$tmp/asn.csv" >/dev/null
"$bin" batch --quiet --shard=1/2 --out="$tmp/ab1" "$tmp/asn.csv" >/dev/null
"$bin" merge --out "$tmp/abm" "$tmp/ab0" "$tmp/ab1" >/dev/null 2>"$tmp/abm.err"
check "abbreviated options: one run's shards" same "$tmp/g/windows.json" "$tmp/abm/windows.json"

# ---- a bad entity name in a long file stops the run at its place, never mixes entities ------
{ cat "$tmp/asn.csv"; printf '1600128000,"AS\t9",traffic,5\n'; } >"$tmp/tabname.csv"
"$bin" batch --quiet --out "$tmp/tabname" "$tmp/tabname.csv" >/dev/null 2>"$tmp/tabname.err"
check "a tab in an entity name: exit 1" [ $? -eq 1 ]
check "a tab in an entity name: its place" contains "$tmp/tabname.err" \
    "tabname.csv:64803:2: expected an entity name without line breaks or tabs"
"$bin" batch --quiet --skip-bad-rows --out "$tmp/tabname2" "$tmp/tabname.csv" >/dev/null 2>&1
check "with --skip-bad-rows: the other entities as ever" same "$tmp/g/entities.csv" \
    "$tmp/tabname2/entities.csv"

# ---- two signals of one file for one entity, by two manifest rows -----------------------------
printf 'entity,file,signal\nAZ,%s,bgp\nAZ,%s,ping\n' "$src/tests/data/long-synthetic.csv" \
    "$src/tests/data/long-synthetic.csv" >"$tmp/twosig.csv"
"$bin" batch --quiet --out "$tmp/twosig" --manifest "$tmp/twosig.csv" >/dev/null 2>&1
check "two signals of one file: both read" contains "$tmp/twosig/entities.csv" "AZ,ok,2,"

# ---- a table of countries (a column each, SYNTHETIC Google-shaped): an entity per column ----
"$bin" batch --quiet --out "$tmp/wide" "$src/tests/data/google-synthetic-wide.csv" >"$tmp/wide.out"
check "a table of countries: an entity per column" contains "$tmp/wide.out" "batch: 3 entities"
check "a table of countries: named after the file" contains "$tmp/wide/windows.json" \
    '"name": "AZ/google-synthetic-wide"'

# ---- IODA exports name their entity: ioda-<entity>-YY-MM-DD-HH-mm-raw.csv ---------------------
"$bin" batch --quiet --out "$tmp/ioda" "$src/tests/data/ioda-azerbaijan-synthetic-20-09-27-00-00-raw.csv" \
    "$src/tests/data/ioda-azerbaijan-synthetic-20-09-27-00-00-normalized.csv" >"$tmp/ioda.out" 2>&1
check "two IODA exports of one entity: refused" contains "$tmp/ioda.out" \
    "entity 'azerbaijan-synthetic' is also given by"
"$bin" batch --quiet --out "$tmp/ioda1" "$src/tests/data/ioda-azerbaijan-synthetic-20-09-27-00-00-raw.csv" \
    >/dev/null 2>&1
check "named as IODA names it" grep -q '^azerbaijan-synthetic,ok,' "$tmp/ioda1/entities.csv"

sed '3s/,1.4,/,oops,/' "$src/tests/data/google-synthetic-wide.csv" >"$tmp/wide-bad.csv"
"$bin" batch --quiet --out "$tmp/widebad" "$tmp/wide-bad.csv" >/dev/null 2>&1
check "a bad cell fails its country alone" grep -q '^AE,failed,.*wide-bad.csv:3:3: expected a number' \
    "$tmp/widebad/entities.csv"
check "the other countries are analysed" [ "$(grep -c ',ok,' "$tmp/widebad/entities.csv")" -eq 2 ]

# ---- usage ------------------------------------------------------------------------------------
: >"$tmp/afile"
"$bin" batch --out "$tmp/afile" "$tmp/asn.csv" 2>"$tmp/u0"
check "--out is a file: refused" contains "$tmp/u0" "expected a folder, found a file"
"$bin" batch "$tmp/asn.csv" 2>"$tmp/u1"
check "no --out: usage error" [ $? -eq 2 ]
check "no --out: said" contains "$tmp/u1" "--out DIR is required"
"$bin" batch --out "$tmp/u" --plot x.png "$tmp/asn.csv" 2>"$tmp/u2"
check "--plot: usage error" [ $? -eq 2 ]
check "--plot: points to --charts" contains "$tmp/u2" "--charts"
"$bin" batch --out "$tmp/u" - <"$tmp/asn.csv" 2>"$tmp/u3"
check "stdin: refused" [ $? -eq 1 ]
check "stdin: says why" contains "$tmp/u3" "cannot read standard input"
"$bin" batch --out "$tmp/u" --shard 4/4 "$tmp/asn.csv" 2>"$tmp/u4"
check "--shard 4/4: usage error" [ $? -eq 2 ]
"$bin" batch --out "$tmp/u" "$tmp/asn.csv" "$tmp/by-time/asn.csv" 2>"$tmp/u5"
check "one entity in two files: refused" contains "$tmp/u5" "entity 'AS00000' is also given by"

echo "cli_batch: $passes passed, $fails failed"
[ "$fails" -eq 0 ]
