#!/usr/bin/env bash
# Builds every fuzz target with libFuzzer, AddressSanitizer and
# UndefinedBehaviorSanitizer, and fuzzes each for SECONDS (default 10),
# starting from its seed corpus.  Installs clang's fuzzer runtime when
# missing.  New inputs the fuzzer keeps go to build-fuzz/corpus/, never
# into the checked-in seeds; a crash leaves its input in build-fuzz/ and
# fails the run: turn it into a seed (and a unit test) once fixed.
#
#   bash tests/fuzz/run.sh            # about a minute: what CI runs
#   bash tests/fuzz/run.sh 3600       # an hour of each
set -euo pipefail

seconds=${1:-10}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
out=${FUZZ_OUT:-${RETAIN_BUILD_ROOT:-$root}/build-fuzz}
targets=(count amount figures csv csv_diff ids cohorts periods partial cli)

if ! command -v clang >/dev/null ||
    ! ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a \
        >/dev/null 2>&1; then
    echo "fuzz: installing clang and libclang-rt-14-dev"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends clang \
        libclang-rt-14-dev >/dev/null
fi

mkdir -p "$out/scratch" "$out/obj"
flags=(-std=c17 -g -O1 -fsanitize=address,undefined -fno-sanitize-recover=all
    -DRETAIN_IN_PROCESS
    -I "$root/include" -I "$root/tests/fuzz")
# The sources sit in one folder of src/ per layer, each with its headers.
for dir in "$root"/src/*/; do
    flags+=(-I "${dir%/}")
done

# The sources once, with the fuzzer's coverage hooks, then each target.
echo "fuzz: building ${targets[*]}"
for f in "$root"/src/*/*.c; do
    [ "$(basename "$f")" = main.c ] || echo "$f"
done | OBJ="$out/obj" xargs -P "$(nproc 2>/dev/null || echo 2)" -I{} \
    sh -c 'f=$1; shift; clang "$@" -fsanitize=fuzzer-no-link -c "$f" \
        -o "$OBJ/$(basename "$f" .c).o"' sh {} "${flags[@]}"
for t in "${targets[@]}"; do
    clang "${flags[@]}" -fsanitize=fuzzer -o "$out/fuzz_$t" \
        "$root/tests/fuzz/fuzz_$t.c" "$out"/obj/*.o -lm -lpthread &
done
for t in "${targets[@]}"; do
    wait -n || { echo "fuzz: a build failed" >&2; exit 1; }
done

# fuzz_one TARGET: fuzzes one target for the time given, its log in
# $out/TARGET.log; its status is the fuzzer's.
fuzz_one() {
    local t=$1
    mkdir -p "$out/corpus/$t"
    (cd "$out/scratch" &&
        "$out/fuzz_$t" -max_total_time="$seconds" -timeout=10 \
            -rss_limit_mb=4096 -max_len=65536 -close_fd_mask=3 \
            -artifact_prefix="$out/crash-$t-" -print_final_stats=1 \
            "$out/corpus/$t" "$root/tests/fuzz/corpus/$t" 2>"$out/$t.log")
}

# Each fuzzer runs on one core: as many at a time as there are cores, so
# that the time given is each target's without the whole run waiting on
# idle cores.  The results are told in the targets' order.
cores=$(nproc 2>/dev/null || echo 2)
pids=()
for t in "${targets[@]}"; do
    echo "fuzz: $t for ${seconds}s"
    while [ "$(jobs -rp | wc -l)" -ge "$cores" ]; do
        wait -n || true
    done
    fuzz_one "$t" &
    pids+=($!)
done
i=0
for t in "${targets[@]}"; do
    if ! wait "${pids[$i]}"; then
        tail -40 "$out/$t.log"
        echo "fuzz: $t failed; the input is in $out/crash-$t-*" >&2
        exit 1
    fi
    grep -E "stat::number_of_executed_units" "$out/$t.log" |
        sed "s/^/fuzz: $t: /"
    i=$((i + 1))
done
echo "fuzz: every target ran clean"
