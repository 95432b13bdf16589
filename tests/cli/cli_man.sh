#!/usr/bin/env bash
# Man pages: generated from the option tables (--man), so every option --help lists is in
# the page; groff reads each without a warning; each has the sections a man page needs.
# Usage: bash cli_man.sh DISRUPT_BIN SOURCE_DIR
set -u
bin=$1
fail=0
tmp=$(mktemp -d /tmp/disrupt-cli-man-XXXXXX)
trap 'rm -rf "$tmp"' EXIT

check() { # description, condition result
  if [ "$2" -ne 0 ]; then echo "FAIL: $1"; fail=1; else echo "ok: $1"; fi
}

commands=$("$bin" --help | awk '/^Commands:/ {on = 1; next} on && !NF {exit} on {print $1}')
[ "$(echo "$commands" | wc -w)" -ge 7 ]; check "the command list is read from --help" $?

"$bin" --man >"$tmp/disrupt.1"; check "disrupt --man exits 0" $?
for cmd in $commands; do
  grep -qF "disrupt\\-$cmd\\fR(1)" "$tmp/disrupt.1"; check "disrupt(1) lists disrupt-$cmd(1)" $?
done
for cmd in $commands; do
  page=$tmp/disrupt-$cmd.1
  "$bin" "$cmd" --man >"$page"; check "$cmd --man exits 0" $?
  groff -man -ww -z "$page" 2>"$tmp/warn"; [ $? -eq 0 ] && [ ! -s "$tmp/warn" ]
  check "groff -man -ww reads disrupt-$cmd(1) without a warning" $?
  for s in NAME SYNOPSIS DESCRIPTION OPTIONS OUTPUT "EXIT STATUS" FILES EXAMPLES "SEE ALSO"; do
    grep -q "^\.SH $s\$" "$page"; check "disrupt-$cmd(1) has $s" $?
  done
  missing=""
  for opt in $("$bin" "$cmd" --help | grep -o -- '^  --[a-z][a-z0-9-]*' | sed 's/^  --//'); do
    grep -q "^\\\\fB\\\\-\\\\-$(echo "$opt" | sed 's/-/\\\\-/g')\\\\fR" "$page" || missing="$missing $opt"
  done
  [ -z "$missing" ]; check "every option of '$cmd --help' is in its page${missing:+ (missing:$missing)}" $?
done
LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$tmp/disrupt-detect.1" >"$tmp/page.txt" 2>"$tmp/warn"
[ $? -eq 0 ] && [ ! -s "$tmp/warn" ] && grep -q "EXIT STATUS" "$tmp/page.txt" && grep -q -- "--plot" "$tmp/page.txt"
check "man -l renders disrupt-detect(1) without warnings" $?
exit $fail
