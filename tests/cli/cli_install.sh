#!/usr/bin/env bash
# make install into a temporary DESTDIR: every piece in place, the shared library with its
# soname, and a small C program of someone else's built against it with pkg-config alone.
# Usage: bash cli_install.sh DISRUPT_BIN SOURCE_DIR BUILD_DIR [EXTRA_CFLAGS]
set -u
bin=$1
src=$2
build=$3
extra=${4:-}
fail=0
tmp=$(mktemp -d /tmp/disrupt-cli-install-XXXXXX)
trap 'rm -rf "$tmp"' EXIT

check() { # description, condition result
  if [ "$2" -ne 0 ]; then echo "FAIL: $1"; fail=1; else echo "ok: $1"; fi
}

make -s -C "$src" install BUILD="$build" PREFIX=/usr DESTDIR="$tmp/root" >"$tmp/log" 2>&1
check "make install PREFIX=/usr DESTDIR=… exits 0" $?
root=$tmp/root/usr
for f in bin/disrupt include/disrupt.h include/disrupt/engine/segment.h \
         share/man/man1/disrupt.1.gz share/man/man1/disrupt-detect.1.gz share/man/man1/disrupt-segment.1.gz \
         share/bash-completion/completions/disrupt share/doc/disrupt/copyright; do
  [ -f "$root/$f" ]; check "installed $f" $?
done
LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$root/share/man/man1/disrupt-detect.1.gz" 2>&1 |
  grep -q "^EXIT STATUS"; check "the installed, compressed man page reads" $?
pc=$(find "$root" -name disrupt.pc | head -1)
[ -n "$pc" ]; check "installed disrupt.pc" $?
libdir=$(dirname "$(dirname "$pc")")
[ -f "$libdir/libdisrupt.a" ]; check "installed the static library" $?
so=$(readlink -f "$libdir/libdisrupt.so")
readelf -d "$so" | grep -q "SONAME.*\[libdisrupt\.so\.[0-9]*\]"; check "the shared library has a soname" $?
[ -e "$libdir/$(readelf -d "$so" | sed -n 's/.*SONAME.*\[\(.*\)\]/\1/p')" ]
check "the soname link is installed" $?
"$root/bin/disrupt" --version | grep -q "^disrupt [0-9]"; check "the installed disrupt runs" $?

cat >"$tmp/prog.c" <<'C'
/* Someone else's program: one change in a step series, found through the public API. */
#include <disrupt.h>
#include <stdio.h>
int main(void)
{
    double x[200];
    for (int i = 0; i < 200; i++)
        x[i] = (i < 120 ? 0.0 : 5.0) + (i % 2 ? 0.3 : -0.3);
    disrupt_segmentation seg;
    disrupt_error err;
    if (disrupt_segment(disrupt_detector_pelt, x, NULL, 200, NULL, &seg, &err) != 0)
        return 2;
    int ok = seg.ncp == 1 && seg.cp[0] == 120;
    printf("%zu change at %zu\n", seg.ncp, seg.ncp ? seg.cp[0] : 0);
    disrupt_segmentation_fini(&seg);
    return ok ? 0 : 1;
}
C
flags=$(PKG_CONFIG_PATH="$(dirname "$pc")" pkg-config --cflags --libs disrupt)
check "pkg-config --cflags --libs disrupt" $?
inc=$(echo "$flags" | tr ' ' '\n' | sed -n 's/^-I//p' | head -1)
[ "$(readlink -f "$inc")" = "$(readlink -f "$root/include")" ]
check "pkg-config points into the installed tree, wherever it was staged" $?
# shellcheck disable=SC2086
cc $extra -o "$tmp/prog" "$tmp/prog.c" $flags 2>"$tmp/cc.log"; check "a C program builds against it" $?
LD_LIBRARY_PATH="$libdir" ldd "$tmp/prog" | grep -q "libdisrupt\.so\.[0-9]* => $libdir"
check "it links the installed shared library" $?
out=$(LD_LIBRARY_PATH="$libdir" "$tmp/prog"); check "it runs and finds the change ($out)" $?
[ $fail -ne 0 ] && cat "$tmp/log" "$tmp/cc.log" 2>/dev/null | tail -20
exit $fail
