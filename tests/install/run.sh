#!/usr/bin/env bash
# run.sh - the installed library as another program sees it.
#
#   bash tests/install/run.sh WORK BUILD...
#
# Installs each built tree BUILD, in turn, to the prefix WORK/prefix (WORK
# is emptied first), then:
#  1. checks the libraries: libretain.a and libretain.so define as global
#     exactly the functions retain.h declares (as the preprocessed installed
#     header declares them, not as the build read them), libretain.a holds
#     machine code only (no intermediate code of link-time optimization,
#     which only the compiler that made it could link), and libretain.so
#     has the SONAME libretain.so.0;
#  2. builds seed.c with CMake's find_package(retain) and with pkg-config
#     (with clang where it is installed: another compiler than the
#     library's) and runs both: each must print seed.expected, byte for
#     byte, link the kind of library expected, and exit 0;
#  3. when the prefix holds both kinds, checks that find_package takes the
#     shared one, and the static one with retain_USE_STATIC_LIBS.
# CMAKE and PKG_CONFIG name the tools (default cmake, pkg-config), CC the
# compiler of the pkg-config build (default clang where installed, else cc).
# Any mismatch prints what differs and exits 1.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
[ $# -ge 2 ] || { echo "usage: run.sh WORK BUILD..." >&2; exit 2; }
if [ -z "$1" ] || [ "$1" = / ]; then
    echo "install: WORK must name a scratch folder" >&2
    exit 2
fi
rm -rf "$1"
mkdir -p "$1"
work=$(cd "$1" && pwd)
shift
prefix=$work/prefix
cmake=${CMAKE:-cmake}
pkg_config=${PKG_CONFIG:-pkg-config}

fail() {
    echo "install: $*" >&2
    exit 1
}

# same LABEL EXPECTED-FILE ACTUAL-FILE: fails with a diff unless equal.
same() {
    diff -u "$2" "$3" >&2 || fail "$1: differs from what is expected (diff above)"
}

# public_functions: the rt_ functions the installed header declares.
public_functions() {
    "${CC:-cc}" -E -P "$prefix/include/retain.h" |
        grep -oE '\brt_[a-z0-9_]+ *\(' | sed 's/ *($//' | sort -u
}

check_static() {
    local lib=$libdir/libretain.a
    readelf -S -W "$lib" >"$work/static.sections" 2>&1 ||
        fail "$lib: a member is not an ELF object: $(grep -m1 -i error "$work/static.sections")"
    if grep -q '\.gnu\.lto_' "$work/static.sections"; then
        fail "$lib: holds link-time optimization code (.gnu.lto_ sections)"
    fi
    nm -g --defined-only "$lib" | awk 'NF == 3 { print $3 }' | sort \
        >"$work/static.symbols"
    same "global symbols of $lib" "$work/public.symbols" "$work/static.symbols"
}

check_shared() {
    local lib=$libdir/libretain.so
    nm -D --defined-only "$lib" | awk 'NF == 3 { print $3 }' | sort \
        >"$work/shared.symbols"
    same "dynamic symbols of $lib" "$work/public.symbols" "$work/shared.symbols"
    readelf -d "$lib" | grep -q 'Library soname: \[libretain\.so\.0\]$' ||
        fail "$lib: SONAME is not libretain.so.0: $(readelf -d "$lib" | grep SONAME)"
}

# linked_kind PROGRAM: shared when PROGRAM loads libretain.so.0.
linked_kind() {
    if readelf -d "$1" | grep -q 'NEEDED.*\[libretain\.so\.0\]'; then
        echo shared
    else
        echo static
    fi
}

# run_seed LABEL PROGRAM KIND: runs PROGRAM, which must print seed.expected
# to stdout, nothing to stderr, exit 0, and link the KIND library.
run_seed() {
    local status=0
    "$2" >"$work/$1.out" 2>"$work/$1.err" || status=$?
    [ "$status" -eq 0 ] || fail "$1: exit status $status: $(cat "$work/$1.err")"
    [ ! -s "$work/$1.err" ] || fail "$1: wrote to stderr: $(cat "$work/$1.err")"
    same "$1: output" "$here/seed.expected" "$work/$1.out"
    [ "$(linked_kind "$2")" = "$3" ] ||
        fail "$1: links the $(linked_kind "$2") library, not the $3 one"
    echo "install: $1: ok ($3)"
}

# with_cmake NAME KIND [CMAKE-ARG...]: builds seed with find_package(retain)
# in WORK/NAME and runs it.
with_cmake() {
    local name=$1 kind=$2 log=$work/$1.log
    shift 2
    if ! "$cmake" -S "$here" -B "$work/$name" -DCMAKE_PREFIX_PATH="$prefix" \
        "$@" >"$log" 2>&1 || ! "$cmake" --build "$work/$name" >>"$log" 2>&1; then
        cat "$log" >&2
        fail "$name: the build failed (log above)"
    fi
    grep -qxF "retain_DIR:PATH=$libdir/cmake/retain" "$work/$name/CMakeCache.txt" ||
        fail "$name: find_package found another retain: $(grep retain_DIR "$work/$name/CMakeCache.txt")"
    run_seed "$name" "$work/$name/seed" "$kind"
}

# with_pkg_config KIND: builds seed with pkg-config's flags only, and runs it.
with_pkg_config() {
    local cc=${CC:-} cflags libs
    if [ -z "$cc" ]; then
        cc=cc
        ! command -v clang >/dev/null || cc=clang
    fi
    export PKG_CONFIG_LIBDIR=$libdir/pkgconfig
    [ "$("$pkg_config" --variable=prefix retain)" = "$prefix" ] ||
        fail "retain.pc: prefix is $("$pkg_config" --variable=prefix retain), not $prefix"
    [ "$("$pkg_config" --modversion retain)" = "$version" ] ||
        fail "retain.pc: version is $("$pkg_config" --modversion retain), not $version"
    cflags=$("$pkg_config" --cflags retain)
    libs=$("$pkg_config" --libs retain)
    # shellcheck disable=SC2086 # the flags are lists of words
    "$cc" -std=c17 -Wall -Wextra -Wpedantic -Werror $cflags "$here/seed.c" \
        -o "$work/pkg-config-seed" $libs -Wl,-rpath,"$libdir" ||
        fail "pkg-config: $cc $cflags seed.c $libs failed"
    run_seed pkg-config "$work/pkg-config-seed" "$1"
    with_cxx "$cflags" "$libs" "$1"
}

# with_cxx CFLAGS LIBS KIND: the same program compiled as C++, which links
# only if retain.h declares its functions extern "C".
with_cxx() {
    local cxx=${CXX:-g++}
    if ! command -v "$cxx" >/dev/null; then
        echo "install: no C++ compiler ($cxx): the C++ build is skipped"
        return 0
    fi
    # shellcheck disable=SC2086 # the flags are lists of words
    "$cxx" -x c++ -std=c++20 -Wall -Werror $1 "$here/seed.c" -x none \
        -o "$work/cxx-seed" $2 -Wl,-rpath,"$libdir" ||
        fail "C++: $cxx $1 seed.c $2 failed"
    run_seed c++ "$work/cxx-seed" "$3"
}

for build in "$@"; do
    "$cmake" --install "$build" --prefix "$prefix" >"$work/install.log" ||
        { cat "$work/install.log" >&2; fail "cmake --install $build failed"; }
done
pc=$(find "$prefix" -path '*/pkgconfig/retain.pc')
[ -n "$pc" ] || fail "no pkgconfig/retain.pc under $prefix"
libdir=${pc%/pkgconfig/retain.pc}
version=$(sed -n 's/^#define RT_VERSION_STRING "\(.*\)"$/\1/p' \
    "$prefix/include/retain.h")

public_functions >"$work/public.symbols"
[ -s "$work/public.symbols" ] || fail "no rt_ functions in the installed retain.h"
kind=static
[ ! -e "$libdir/libretain.a" ] || check_static
if [ -e "$libdir/libretain.so" ]; then
    check_shared
    kind=shared
fi
with_cmake cmake "$kind"
with_pkg_config "$kind"
if [ -e "$libdir/libretain.a" ] && [ "$kind" = shared ]; then
    with_cmake cmake-static static -Dretain_USE_STATIC_LIBS=ON
fi
