#!/usr/bin/env bash
# tests/windows/run.sh BUILD_ROOT [TREE] - the Windows stage of
# tests/check.sh: retain cross-built for Windows with mingw-w64 and run
# under Wine.
#
# 1. cmocka for Windows: Debian packages no mingw-w64 cmocka, so its
#    source comes from Debian's own source archive (apt-get source, with a
#    private apt configuration under BUILD_ROOT/build-windows-cmocka), and
#    its one C file is compiled with the cross compiler;
# 2. the library, retain.exe and the unit tests cross-built with -Werror,
#    and the unit tests run under Wine (CMAKE_CROSSCOMPILING_EMULATOR);
# 3. the CLI tests and the Python oracles, Linux programs that fork and
#    exec, run against retain.exe (RETAIN_TEST_BINARY in the environment)
#    with RETAIN_WRAPPER=wine64 and RETAIN_WRAPPER_FULL=1: every row runs
#    under Wine and must give the Linux bytes exactly.  The CLI test
#    programs are TREE's, a native build with the tests (check.sh passes
#    its memcheck stage's, built already), else built here.
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
# (native, without TREE), build-windows-cmocka and the Wine prefix, under
# BUILD_ROOT; the logs of the CLI tests in build-windows/cli-logs.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
builds=${1:?usage: bash tests/windows/run.sh BUILD_ROOT [TREE]}
mkdir -p "$builds"
builds=$(cd "$builds" && pwd)
cross=$builds/build-windows
native=${2:-$builds/build-windows-cli}
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
if [ -z "${2:-}" ]; then
    cmake -S "$root" -B "$native" -DCMAKE_BUILD_TYPE=Debug \
        -DRETAIN_WERROR=ON -DRETAIN_TESTS=ON >/dev/null
fi
cli_tests=$(cd "$native" && ctest -N -R '^test_cli' -E '(_de|_nomem)$' |
    sed -n 's/^ *Test *#[0-9]*: \(test_cli[a-z_]*\)$/\1/p')
if [ -z "${2:-}" ]; then
    targets=()
    for t in $cli_tests; do targets+=(--target "$t"); done
    cmake --build "$native" -j "$jobs" "${targets[@]}" >/dev/null
fi
logs=$cross/cli-logs
rm -rf "$logs"
mkdir -p "$logs"
# run_one NAME: the CLI test program NAME of the native tree, or the
# oracle NAME, as CTest would run it, its output in $logs/NAME.log.
run_one() {
    local name=$1 command
    case $name in
    oracle_summary) command=(python3 "$root/tests/cli/oracle_summary.py") ;;
    oracle_cohorts) command=(python3 "$root/tests/cli/test_cohorts_oracle.py") ;;
    oracle_periods) command=(python3 "$root/tests/cli/test_periods_oracle.py") ;;
    *) command=("$native/tests/$name") ;;
    esac
    [ "${name#oracle_}" = "$name" ] || command+=("$RETAIN_TEST_BINARY")
    if (cd "$native/tests" && "${command[@]}") >"$logs/$name.log" 2>&1; then
        echo "check: windows: $name passed"
    elif mv "$logs/$name.log" "$logs/$name.first" &&
        (cd "$native/tests" && "${command[@]}") >"$logs/$name.log" 2>&1; then
        # Now and then (about one start in a thousand here) a program under
        # Wine ends with nothing on its standard error: a failing program
        # runs once more, and what failed the first time is printed.
        grep -B2 -A4 'differs\|FAILED' "$logs/$name.first" | head -20 || true
        echo "check: windows: $name passed when run again (see above)"
    else
        cat "$logs/$name.log"
        echo "check: windows: $name FAILED" >&2
        return 1
    fi
}
export -f run_one
export root native logs
# The oracles run a few random cases: the Linux stages check the numbers,
# this one that Windows prints the same bytes.  The longest first.
printf '%s\n' oracle_cohorts test_cli_batch $cli_tests oracle_summary \
    oracle_periods | awk '!seen[$0]++' |
    env LC_ALL=C RETAIN_GOLDEN_DIR="$root/tests/cli/golden" \
        RETAIN_TEST_BINARY="$cross/retain.exe" RETAIN_WRAPPER="$wine" \
        RETAIN_WRAPPER_FULL=1 RETAIN_ORACLE_CASES="${RETAIN_ORACLE_CASES:-3}" \
        xargs -P "$jobs" -n 1 bash -c 'run_one "$1"' run_one
echo "check: windows: rows skipped, as Windows cannot do what they test:"
cat "$logs"/*.log | { grep '^skipped on Windows: ' || true; } |
    sed 's/^skipped on Windows: //' | sort | uniq -c | sort -rn
echo "check: windows passed in $((SECONDS - started))s"
