#!/usr/bin/env bash
# tests/windows/run.sh BUILD_ROOT - the Windows stage of tests/check.sh:
# retain cross-built for Windows with mingw-w64 and run under Wine.
#
# 1. cmocka for Windows: Debian packages no mingw-w64 cmocka, so its
#    source comes from Debian's own source archive (apt-get source, with a
#    private apt configuration under BUILD_ROOT/build-windows-cmocka), and
#    its one C file is compiled with the cross compiler;
# 2. the library, retain.exe and the unit tests cross-built with -Werror,
#    and the unit tests run under Wine (CMAKE_CROSSCOMPILING_EMULATOR);
# 3. the CLI tests and the Python oracles, Linux programs that fork and
#    exec, built natively against retain.exe (RETAIN_TEST_BINARY) and run
#    with RETAIN_WRAPPER=wine64 and RETAIN_WRAPPER_FULL=1: every row runs
#    under Wine and must give the Linux bytes exactly.
#
# What cannot hold on Windows by nature is skipped there, row by row, with
# the reason printed (tests/cli/cli_table.c, unfit_for_windows(); the
# stage ends with a count of each): a pipe nobody reads (no SIGPIPE),
# closed standard streams, /dev and /proc names, directories given as
# files, Unix symbolic links and permissions, line breaks in file names,
# names Windows keeps for devices (nul.csv).  tests/cli/run.c refuses to
# hand a /dev name to retain.exe at all: as an output file it would
# replace the machine's device.  Not run here: the German-locale reruns
# (NAME_de; retain never reads the locale, and Wine maps none into it) and
# test_cli_nomem (in-process, a Linux program).
#
# Needs gcc-mingw-w64-x86-64, wine64, cmake, libcmocka-dev, python3 and
# network access to the Debian archive once (tests/check.sh installs the
# packages).  Build trees: build-windows (cross), build-windows-cli
# (native), build-windows-cmocka and the Wine prefix, under BUILD_ROOT.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
builds=${1:?usage: bash tests/windows/run.sh BUILD_ROOT}
mkdir -p "$builds"
builds=$(cd "$builds" && pwd)
cross=$builds/build-windows
native=$builds/build-windows-cli
cmocka=$builds/build-windows-cmocka
wine=/usr/lib/wine/wine64
wineserver=/usr/lib/wine/wineserver64
jobs=$(nproc 2>/dev/null || echo 2)
started=$SECONDS

# The time since check.sh started, when it is the caller, like its stages.
at=0
if ps -o args= -p "$PPID" 2>/dev/null | grep -q 'check\.sh'; then
    at=$(ps -o etimes= -p "$PPID" | tr -d ' ')
fi
echo "check: windows (at ${at}s)"

# apt-get with a configuration of its own: Debian's source archive for
# this release, lists and downloads under $cmocka, the system's untouched.
private_apt() {
    apt-get -q -o Dir::Etc::SourceList=/dev/null \
        -o Dir::Etc::SourceParts="$cmocka/apt/sources.list.d" \
        -o Dir::State::Lists="$cmocka/apt/lists" \
        -o Dir::Cache="$cmocka/apt/cache" "$@"
}

fetch_cmocka_source() {
    local release
    release=$(. /etc/os-release && echo "$VERSION_CODENAME")
    mkdir -p "$cmocka/apt/sources.list.d" "$cmocka/apt/lists/partial" \
        "$cmocka/apt/cache/archives/partial" "$cmocka/src"
    cat >"$cmocka/apt/sources.list.d/debian-src.sources" <<EOF
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: $release
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
    private_apt update >/dev/null
    # --download-only: unpacking needs dpkg-dev; the upstream tarball will do.
    (cd "$cmocka/src" && private_apt source --download-only cmocka \
        >/dev/null 2>&1)
    tar -xf "$cmocka"/src/cmocka_*.orig.tar.[gx]z -C "$cmocka/src"
}

# cmocka is one C file.  Its header declares its printf-like functions
# with the printf format, which mingw-w64's gcc takes for Microsoft's (no
# %zu): the copy installed here says gnu_printf, as the library, compiled
# with mingw-w64's own printf, is.
build_cmocka() {
    local src
    [ -f "$cmocka/lib/libcmocka.a" ] && return
    fetch_cmocka_source
    src=$(echo "$cmocka"/src/cmocka-*/)
    mkdir -p "$cmocka/include" "$cmocka/lib"
    sed 's/__format__ (__printf__, a, b)/__format__ (gnu_printf, a, b)/' \
        "$src/include/cmocka.h" >"$cmocka/include/cmocka.h"
    x86_64-w64-mingw32-gcc -O2 -std=gnu99 -D__USE_MINGW_ANSI_STDIO=1 \
        -DHAVE_MALLOC_H -DHAVE_INTTYPES_H -DHAVE_SIGNAL_H -DHAVE_STRINGS_H \
        -DHAVE_GCC_THREAD_LOCAL_STORAGE -DHAVE_STRUCT_TIMESPEC \
        -I"$cmocka/include" -I"$src/include" \
        -c "$src/src/cmocka.c" -o "$cmocka/cmocka.o"
    x86_64-w64-mingw32-ar rcs "$cmocka/lib/libcmocka.a" "$cmocka/cmocka.o"
}

# One Wine prefix for the stage, and its server kept running meanwhile:
# each retain.exe then starts in a fraction of the time.
export WINEDEBUG=-all WINEPREFIX=$builds/wineprefix
start_wine() {
    mkdir -p "$WINEPREFIX"
    "$wineserver" -k >/dev/null 2>&1 || true # one left by a run interrupted
    "$wineserver" -p
    trap '"$wineserver" -k >/dev/null 2>&1 || true' EXIT
    "$wine" cmd /c exit >/dev/null 2>&1 || true # makes the prefix once
}

build_cmocka
echo "check: windows: cross build (at $((at + SECONDS - started))s)"
cmake -S "$root" -B "$cross" -DCMAKE_SYSTEM_NAME=Windows \
    -DCMAKE_C_COMPILER=x86_64-w64-mingw32-gcc -DCMAKE_BUILD_TYPE=Debug \
    -DRETAIN_WERROR=ON -DRETAIN_TESTS=ON \
    -DCMOCKA_INCLUDE_DIR="$cmocka/include" \
    -DCMOCKA_LIBRARY="$cmocka/lib/libcmocka.a" \
    -DCMAKE_CROSSCOMPILING_EMULATOR="$wine" >/dev/null
cmake --build "$cross" -j "$jobs" >/dev/null
start_wine
# A test that fails runs once more: Wine's tmpfile() takes a unique name,
# deletes that file and then creates it, so two tests starting in the same
# moment can now and then be handed one file (seen once in ten runs).
echo "check: windows: unit tests under Wine (at $((at + SECONDS - started))s)"
(cd "$cross" && ctest --output-on-failure -j "$jobs" --repeat until-pass:2)

echo "check: windows: CLI tests against retain.exe (at $((at + SECONDS - started))s)"
cmake -S "$root" -B "$native" -DCMAKE_BUILD_TYPE=Debug -DRETAIN_WERROR=ON \
    -DRETAIN_TESTS=ON -DRETAIN_TEST_BINARY="$cross/retain.exe" >/dev/null
selected=(-R '^(test_cli.*|oracle_summary|oracle_cohorts|oracle_periods)$'
    -E '(_de|_nomem)$')
cli_tests=$(cd "$native" && ctest -N "${selected[@]}" |
    sed -n 's/^ *Test *#[0-9]*: \(test_cli[a-z_]*\)$/\1/p')
targets=()
for t in $cli_tests; do targets+=(--target "$t"); done
cmake --build "$native" -j "$jobs" "${targets[@]}" >/dev/null
# The oracles run a few random cases: the Linux stages check the numbers,
# this one that Windows prints the same bytes.
(cd "$native" && RETAIN_WRAPPER=$wine RETAIN_WRAPPER_FULL=1 \
    RETAIN_ORACLE_CASES=${RETAIN_ORACLE_CASES:-5} \
    ctest --output-on-failure -j "$jobs" "${selected[@]}")
echo "check: windows: rows skipped, as Windows cannot do what they test:"
grep -h '^skipped on Windows: ' "$native/Testing/Temporary/LastTest.log" |
    sed 's/^skipped on Windows: //' | sort | uniq -c | sort -rn
echo "check: windows passed in $((SECONDS - started))s"
