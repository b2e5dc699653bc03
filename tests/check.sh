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
# 2. builds with gcc and gcov, warnings as errors, and runs the suite with
#    CTest, every test under valgrind's memcheck, and every retain it
#    starts, but for a sample of the rows of the long CLI tables (the rest
#    run without it here, and all of them under the sanitizers); then fails
#    below 95% of the lines or 90% of the branches of src/ (gcovr);
# 3. builds with clang under AddressSanitizer and UndefinedBehaviorSanitizer,
#    warnings as errors, with the portable byte-by-byte reader, and runs the
#    suite again;
# 4. runs cppcheck and clang-tidy (tests/lint.sh): no findings allowed;
# 5. fuzzes every libFuzzer target for a few seconds (tests/fuzz/run.sh);
# 6. cross-builds retain and the unit tests for Windows, runs those under
#    Wine, and the CLI tests of step 2's tree against retain.exe
#    (tests/windows/run.sh);
# 7. builds retain as a user does (Release, link-time optimized), static
#    and shared, runs its threads under helgrind and the README's Dask
#    example on a cluster of four processes, installs both libraries
#    and builds a program against them with CMake's find_package and with
#    pkg-config; the libraries must export exactly the functions of
#    retain.h (tests/install/run.sh).
# Build trees go to build-check/, build-asan/, build-lint/, build-fuzz/,
# build-windows*/, build-install-static/, build-install-shared/ and
# build-install/ under
# RETAIN_BUILD_ROOT, the top of the repository unless it is set.
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

# The memcheck stage, with coverage: valgrind's time is in starting each
# program, so counting lines there costs little, and saves running the
# suite once more.  Coverage counts add up over runs, and a tree
# configured before could keep other options: start from a new tree.  Not
# link-time optimized: that would make the link of each test program a
# whole-program build.
memcheck_and_coverage() {
    rm -rf "$builds/build-check"
    run_suite check -DCMAKE_C_COMPILER=gcc -DCMAKE_BUILD_TYPE=Debug \
        -DRETAIN_MEMCHECK=ON -DRETAIN_COVERAGE=ON
    (cd "$root" && gcovr -r . --filter 'src/' --print-summary \
        -o "$builds/build-check/coverage.txt" --fail-under-line 95 \
        --fail-under-branch 90 "$builds/build-check")
}

# release_build KIND CMAKE-ARGS...: retain as a user builds it (gcc,
# Release: optimized, link-time optimized) in build-install-KIND.
release_build() {
    local kind=$1
    shift
    cmake -S "$root" -B "$builds/build-install-$kind" -DCMAKE_C_COMPILER=gcc \
        -DCMAKE_BUILD_TYPE=Release -DRETAIN_WERROR=ON "$@" >/dev/null
    cmake --build "$builds/build-install-$kind" -j "$jobs" >/dev/null
}

# The optimized build as a user has it: its threads under helgrind, the
# README's Dask example run on it, and
# the library as another program sees it: one prefix with the static
# library alone, one with both (find_package then takes either).
install_check() {
    echo "check: release builds, helgrind, install (at ${SECONDS}s)"
    release_build static
    release_build shared -DRETAIN_SHARED=ON
    sh "$root/tests/cli/helgrind_batch.sh" "$builds/build-install-static/retain"
    # The engine test (CTest engine_dask, which neither stage above runs:
    # the retain it starts is not theirs to check) on the optimized build.
    /usr/bin/python3 "$root/tests/engines/test_dask.py" \
        "$builds/build-install-static/retain" "$root/README.md"
    bash "$root/tests/install/run.sh" "$builds/build-install/static" \
        "$builds/build-install-static"
    bash "$root/tests/install/run.sh" "$builds/build-install/shared" \
        "$builds/build-install-shared" "$builds/build-install-static"
}

install_missing
export RETAIN_REQUIRE_LOCALES=1
export RETAIN_REQUIRE_TOOLS=1
if $quick; then
    run_suite quick -DCMAKE_BUILD_TYPE=Debug
    echo "check: quick suite passed in ${SECONDS}s (the full run: bash tests/check.sh)"
    exit 0
fi
memcheck_and_coverage
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    run_suite asan -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=Debug \
    -DRETAIN_SANITIZE=address,undefined -DRETAIN_NO_SWAR=ON
echo "check: lint (at ${SECONDS}s)"
bash "$root/tests/lint.sh"
echo "check: fuzz (at ${SECONDS}s)"
bash "$root/tests/fuzz/run.sh" "${RETAIN_FUZZ_SECONDS:-6}"
# The CLI test programs of the memcheck stage's tree, run against retain.exe.
bash "$root/tests/windows/run.sh" "$builds" "$builds/build-check"
install_check
echo "check: all suites passed in ${SECONDS}s"
