#!/usr/bin/env bash
# Builds retain and runs every test, installing what the tests need first.
#
#   bash tests/check.sh
#
# 1. installs libcmocka-dev (and mandoc, for the man page lint) when missing;
# 2. builds with gcc, warnings as errors, and runs the suite with CTest;
# 3. builds with clang under AddressSanitizer and UndefinedBehaviorSanitizer,
#    warnings as errors, with the portable byte-by-byte reader, and runs the
#    suite again;
# 4. runs cppcheck and clang-tidy (tests/lint.sh): no findings allowed;
# 5. fuzzes every libFuzzer target for a few seconds (tests/fuzz/run.sh).
# Build trees go to build-check/ and build-asan/ beside this script's repo.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
jobs=$(nproc 2>/dev/null || echo 2)

install_missing() {
    local missing=()
    [ -f /usr/include/cmocka.h ] || missing+=(libcmocka-dev)
    command -v mandoc >/dev/null || missing+=(mandoc)
    command -v clang >/dev/null || missing+=(clang)
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "check: installing ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# run_suite NAME CMAKE-ARGS...: configure, build and test one tree.
run_suite() {
    local name=$1
    shift
    echo "check: $name"
    cmake -S "$root" -B "$root/build-$name" -DRETAIN_TESTS=ON \
        -DRETAIN_WERROR=ON "$@" >/dev/null
    cmake --build "$root/build-$name" -j "$jobs" >/dev/null
    (cd "$root/build-$name" && ctest --output-on-failure -j "$jobs")
}

install_missing
run_suite check -DCMAKE_C_COMPILER=gcc -DCMAKE_BUILD_TYPE=Release
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    run_suite asan -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=Debug \
    -DRETAIN_SANITIZE=address,undefined -DRETAIN_NO_SWAR=ON
bash "$root/tests/lint.sh"
bash "$root/tests/fuzz/run.sh" "${RETAIN_FUZZ_SECONDS:-8}"
echo "check: all suites passed"
