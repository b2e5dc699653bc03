#!/usr/bin/env bash
# Builds retain and runs every test, installing what the tests need first.
#
#   bash tests/check.sh           the whole suite, as CI runs it
#   bash tests/check.sh --quick   a Debug build and the unit and CLI tests
#                                 only: the inner loop, about a minute
#
# 1. installs what the tests use when missing: libcmocka-dev, mandoc (the
#    man page lint), clang, valgrind, gcovr, pkgconf, unicode-data (to
#    check the display-width table against), and the German locale
#    de_DE.UTF-8 (package locales), in which the CLI tests run a second
#    time; RETAIN_REQUIRE_LOCALES makes its absence a failure, not a skip;
#    and xmllint and rsvg-convert (libxml2-utils, librsvg2-bin), which check
#    the golden charts, and python3-dask and python3-distributed, which
#    the engine test runs on (RETAIN_REQUIRE_TOOLS: their absence fails
#    too); and the mingw-w64 cross compiler and Wine for the Windows stage;
# 2. builds with gcc (Release), warnings as errors, and runs the suite with
#    CTest, every test under valgrind's memcheck, and every retain it
#    starts, but for a sample of the rows of the long CLI tables (the rest
#    run without it here, and all of them under the sanitizers);
# 3. builds with clang under AddressSanitizer and UndefinedBehaviorSanitizer,
#    warnings as errors, with the portable byte-by-byte reader, and runs the
#    suite again;
# 4. builds with gcov, runs the suite again (the README's Dask example on
#    a cluster of four processes among it) and fails below 95% of the lines
#    or 90% of the branches of src/ (gcovr);
# 5. runs cppcheck and clang-tidy (tests/lint.sh): no findings allowed;
# 6. fuzzes every libFuzzer target for a few seconds (tests/fuzz/run.sh);
# 7. cross-builds retain (optimized) and the unit tests for Windows, runs
#    those under Wine, and the CLI tests of step 2's tree against
#    retain.exe (tests/windows/run.sh);
# 8. installs the static library of step 2's build and a shared one built
#    as a user would, and builds a program against them with CMake's
#    find_package and with pkg-config; the libraries must export exactly
#    the functions of retain.h (tests/install/run.sh).
# Build trees go to build-check/, build-asan/, build-cov/, build-lint/,
# build-fuzz/, build-windows*/, wineprefix/, build-install-shared/ and
# build-install/ under RETAIN_BUILD_ROOT, the top of the repository unless
# it is set: about 1.3 GB in all.  The tests write their fixtures under
# /tmp and remove them.  The check stops at once, saying so, when either
# has too little room.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
builds=${RETAIN_BUILD_ROOT:-$root}
export RETAIN_BUILD_ROOT=$builds
quick=false
case "${1:-}" in
--quick) quick=true ;;
"") ;;
*)
    echo "usage: bash tests/check.sh [--quick]" >&2
    exit 2
    ;;
esac
jobs=$(nproc 2>/dev/null || echo 2)

install_missing() {
    local missing=()
    [ -f /usr/include/cmocka.h ] || missing+=(libcmocka-dev)
    command -v mandoc >/dev/null || missing+=(mandoc)
    command -v clang >/dev/null || missing+=(clang)
    command -v valgrind >/dev/null || missing+=(valgrind)
    command -v gcovr >/dev/null || missing+=(gcovr)
    command -v pkg-config >/dev/null || missing+=(pkgconf)
    # Renders the golden Markdown tables (CTest markdown_render).
    command -v cmark-gfm >/dev/null || missing+=(cmark-gfm)
    # The Unicode data src/io/utf8_table.h is made from (CTest utf8_table).
    [ -f /usr/share/unicode/EastAsianWidth.txt ] || missing+=(unicode-data)
    # The charts' checks (CTest svg_check): well-formed, and drawn.
    command -v xmllint >/dev/null || missing+=(libxml2-utils)
    command -v rsvg-convert >/dev/null || missing+=(librsvg2-bin)
    # localedef is in libc-bin; the locale sources it reads are in locales.
    [ -f /usr/share/i18n/locales/de_DE ] || missing+=(locales)
    # The engine test (CTest engine_dask): Dask and pandas, for
    # /usr/bin/python3.
    /usr/bin/python3 -c 'import dask.dataframe, dask.distributed' \
        2>/dev/null || missing+=(python3-dask python3-distributed python3-pandas)
    # The Windows stage (tests/windows/run.sh): the cross compiler, Wine,
    # and what fetches cmocka's source from Debian's archive.
    command -v x86_64-w64-mingw32-gcc >/dev/null ||
        missing+=(gcc-mingw-w64-x86-64)
    [ -x /usr/lib/wine/wine64 ] || missing+=(wine64)
    command -v xz >/dev/null || missing+=(xz-utils)
    [ -f /usr/share/keyrings/debian-archive-keyring.gpg ] ||
        missing+=(debian-archive-keyring)
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    if [ ${#missing[@]} -gt 0 ]; then
        echo "check: installing ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        $sudo apt-get update -qq
        $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
    # The CLI tests run again in German (a decimal comma), to show that
    # nothing depends on the locale.
    if ! locale -a 2>/dev/null | grep -qix 'de_DE\.utf-\?8'; then
        echo "check: generating the locale de_DE.UTF-8"
        $sudo localedef -i de_DE -f UTF-8 de_DE.UTF-8
    fi
}

# run_suite NAME CMAKE-ARGS...: configure, build and test one tree.
run_suite() {
    local name=$1
    shift
    echo "check: $name (at ${SECONDS}s)"
    cmake -S "$root" -B "$builds/build-$name" -DRETAIN_TESTS=ON \
        -DRETAIN_WERROR=ON "$@" >/dev/null
    cmake --build "$builds/build-$name" -j "$jobs" >/dev/null
    (cd "$builds/build-$name" && ctest --output-on-failure -j "$jobs")
}

# Coverage counts add up over runs, and a tree configured before could
# keep other options: start from a new tree.
coverage() {
    rm -rf "$builds/build-cov"
    run_suite cov -DCMAKE_C_COMPILER=gcc -DCMAKE_BUILD_TYPE=Debug \
        -DRETAIN_COVERAGE=ON
    (cd "$root" && gcovr -r . --filter 'src/' --print-summary \
        -o "$builds/build-cov/coverage.txt" --fail-under-line 95 \
        --fail-under-branch 90 "$builds/build-cov")
}

# The library as another program sees it: one prefix with the static
# library alone, one with both (find_package then takes either).  The
# static one is the memcheck stage's tree (gcc, Release, static), installed
# as it is; the shared one is built here as a user builds it (link-time
# optimized).
install_check() {
    echo "check: install (shared) (at ${SECONDS}s)"
    cmake -S "$root" -B "$builds/build-install-shared" \
        -DCMAKE_C_COMPILER=gcc -DCMAKE_BUILD_TYPE=Release \
        -DRETAIN_WERROR=ON -DRETAIN_SHARED=ON >/dev/null
    cmake --build "$builds/build-install-shared" -j "$jobs" >/dev/null
    echo "check: install (static) (at ${SECONDS}s)"
    bash "$root/tests/install/run.sh" "$builds/build-install/static" \
        "$builds/build-check"
    bash "$root/tests/install/run.sh" "$builds/build-install/shared" \
        "$builds/build-install-shared" "$builds/build-check"
}

# need_space DIR MB WHAT: fails at once, saying so, when DIR has less than
# MB megabytes free, rather than with a test that cannot write its fixtures
# minutes later (a CI run failed so, its disk filled by other files).
need_space() {
    local free
    mkdir -p "$1"
    free=$(df -Pk "$1" | awk 'NR == 2 { print int($4 / 1024) }')
    echo "check: ${free} MB free in $1"
    if [ "$free" -lt "$2" ]; then
        echo "check: $1 has ${free} MB free; $3 need about $2 MB" >&2
        exit 1
    fi
}

# Build trees: about 1.3 GB for the full check (the Wine prefix 700 MB);
# the tests' fixtures and captured output: up to 300 MB at a time.
if $quick; then
    need_space "$builds" 300 "the quick suite's build tree and tests"
else
    need_space "$builds" 1600 "the full check's build trees"
fi
need_space /tmp 400 "the tests' fixtures and captured output"
install_missing
export RETAIN_REQUIRE_LOCALES=1
export RETAIN_REQUIRE_TOOLS=1
if $quick; then
    run_suite quick -DCMAKE_BUILD_TYPE=Debug
    echo "check: quick suite passed in ${SECONDS}s (the full run: bash tests/check.sh)"
    exit 0
fi
# Without link-time optimization, which would make the link of each of the
# test programs a whole-program build (a minute of the budget); the Windows
# stage runs the CLI tests on an optimized whole-program build.
run_suite check -DCMAKE_C_COMPILER=gcc -DCMAKE_BUILD_TYPE=Release \
    -DRETAIN_MEMCHECK=ON -DRETAIN_LTO=OFF
# LeakSanitizer checks every unit test, and every fourth retain that a CLI
# test starts (its check at exit is most of the CLI tests' time here;
# tests/cli/run.c).
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    RETAIN_LEAK_CHECK_EVERY=4 run_suite asan -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=Debug \
    -DRETAIN_SANITIZE=address,undefined -DRETAIN_NO_SWAR=ON
coverage
echo "check: lint (at ${SECONDS}s)"
bash "$root/tests/lint.sh"
echo "check: fuzz (at ${SECONDS}s)"
bash "$root/tests/fuzz/run.sh" "${RETAIN_FUZZ_SECONDS:-4}"
# The CLI test programs of the memcheck stage's tree, run against retain.exe.
bash "$root/tests/windows/run.sh" "$builds" "$builds/build-check"
install_check
echo "check: all suites passed in ${SECONDS}s"
