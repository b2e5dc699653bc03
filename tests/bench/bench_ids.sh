#!/usr/bin/env bash
# Times `retain ids` on two deterministic lists of customer IDs against the
# peers a user would reach for, all computing S, E and N, and prints the
# figures side by side:
#
#   sort + comm    tests/bench/peer_ids_sort.sh (LC_ALL=C sort -u, comm)
#   mawk           tests/bench/peer_ids.awk, associative arrays
#   python3        tests/bench/peer_ids.py, sets
#   DuckDB         tests/bench/peer_ids_duckdb.mjs (npm @duckdb/node-api),
#                  DISTINCT and a join
#
# The lists (tests/bench/gen_ids.awk): 10,000,000 start IDs; 7,000,000 of
# them and 3,000,000 new ones at the end, shuffled; about 110 MB each.
# Then two adversarial pairs, timed against sort + comm: IDs behind a long
# shared prefix that differ only in their last bytes, and 2^21 IDs that all
# collide under the hash h = 31 h + c.  It checks that every tool prints the
# same counts, and the targets of the ids issue: at least 10 times faster
# than sort + comm, peak resident memory at most 1.5 times the two files'
# combined size, and the adversarial lists at least half as far ahead of
# sort + comm as the plain ones.  Run by hand, not in CI:
#
#   bash tests/bench/bench_ids.sh              # 10,000,000 IDs, 3 runs each
#   IDS=1000000 RUNS=1 bash tests/bench/bench_ids.sh
#
# It installs what it needs (mawk, GNU time, node's DuckDB package) and
# works in build-bench/ at the top of the repository.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bench=$root/tests/bench
work=${RETAIN_BENCH_DIR:-$root/build-bench}
ids=${IDS:-10000000}
runs=${RUNS:-3}
adversarial=${ADVERSARIAL_IDS:-2000000}
mkdir -p "$work/sort-tmp"
# shellcheck source=bench_lib.sh
. "$bench/bench_lib.sh"
measure_out=$work/last-output.txt

install_peers() {
    install_packages mawk time python3
    install_duckdb
    cp "$bench/peer_ids_duckdb.mjs" "$work/node/peer_ids_duckdb.mjs"
}

# make_list KIND LIST COUNT: the file's name, generated the first time.
make_list() {
    local file=$work/ids-$1-$2-$3.txt
    if [ ! -s "$file" ]; then
        mawk -v kind="$1" -v list="$2" -v n="$3" -f "$bench/gen_ids.awk" > "$file.tmp"
        mv "$file.tmp" "$file"
    fi
    cat "$file" > /dev/null # into the page cache, for every tool alike
    echo "$file"
}

# counts NAME: the "S E N" the tool printed in its last measured run.
declare -A printed
counts() {
    printed[$1]=$(tr -s ' \t,' ' ' < "$measure_out" | head -n 1)
}

retain_counts() {
    "$retain" ids -f csv --no-header "$1" "$2" | cut -d, -f1-3 | tr , ' '
}

# agree NAME...: every tool printed what retain printed.
agree() {
    local want=${printed[retain]} name ok=1
    for name in "$@"; do
        if [ "${printed[$name]}" != "$want" ]; then
            echo "agreement: FAILED: $name printed '${printed[$name]}', retain '$want'"
            ok=0
        fi
    done
    [ $ok = 1 ] && echo "agreement: every tool counts S E N = $want"
    [ $ok = 1 ]
}

size_mb() {
    awk -v b="$(($(stat -L -c %s "$1") + $(stat -L -c %s "$2")))" 'BEGIN { printf "%.1f", b / 1048576 }'
}

plain_run() {
    local start end
    start=$(make_list plain start "$ids")
    end=$(make_list plain end "$ids")
    combined=$(size_mb "$start" "$end")
    echo "timing $runs runs of each on $ids + about $ids IDs ($combined MB) ..."
    measure_out=/dev/null
    measure "retain" "$retain" ids "$start" "$end"
    measure "retain --list lost" "$retain" ids --list lost "$start" "$end"
    measure_out=$work/last-output.txt
    measure "sort + comm" bash "$bench/peer_ids_sort.sh" "$start" "$end" "$work/sort-tmp"
    counts "sort + comm"
    measure mawk mawk -f "$bench/peer_ids.awk" "$start" "$end"
    counts mawk
    measure "python3 sets" python3 "$bench/peer_ids.py" "$start" "$end"
    counts "python3 sets"
    measure duckdb node "$work/node/peer_ids_duckdb.mjs" "$start" "$end"
    counts duckdb
    printed[retain]=$(retain_counts "$start" "$end")
    agree "sort + comm" mawk "python3 sets" duckdb
    report "tool ($ids IDs)" retain retain "retain --list lost" "sort + comm" \
        mawk "python3 sets" duckdb
}

# adversarial_run KIND: retain and sort + comm on one adversarial pair.
adversarial_run() {
    local kind=$1 start end
    start=$(make_list "$kind" start "$adversarial")
    end=$(make_list "$kind" end "$adversarial")
    measure_out=$work/last-output.txt
    measure "retain, $kind" "$retain" ids -f csv --no-header "$start" "$end"
    printed[retain]=$(cut -d, -f1-3 < "$measure_out" | tr , ' ')
    measure "sort + comm, $kind" bash "$bench/peer_ids_sort.sh" "$start" "$end" "$work/sort-tmp"
    counts "sort + comm, $kind"
    agree "sort + comm, $kind"
    echo "  $kind: $(wc -l < "$start") + $(wc -l < "$end") IDs, $(size_mb "$start" "$end") MB, e.g. $(head -n 1 "$start")"
}

ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'
}

targets() {
    local r=${seconds[retain]} s=${seconds["sort + comm"]}
    local limit kind
    limit=$(awk -v mb="$combined" 'BEGIN { printf "%.0f", mb * 1.5 * 1024 }')
    echo
    verdict "at least 10 times faster than sort + comm" \
        "$(awk -v r="$r" -v s="$s" 'BEGIN { print (s >= 10 * r) }')" \
        "($(ratio "$s" "$r") times)"
    verdict "peak RSS at most 1.5 x the files ($combined MB)" \
        "$(awk -v k="${memory[retain]}" -v l="$limit" 'BEGIN { print (k <= l) }')" \
        "($(awk -v k="${memory[retain]}" 'BEGIN { printf "%.1f", k / 1024 }') MB)"
    # Adversarial IDs are longer or odder, so they are measured against
    # sort + comm on the same lists: a hash that degrades would fall far
    # behind, as the lookups turn into scans.
    local plain
    plain=$(ratio "$s" "$r")
    for kind in prefix collide; do
        local here
        here=$(ratio "${seconds["sort + comm, $kind"]}" "${seconds["retain, $kind"]}")
        verdict "$kind: vs sort + comm, at least half the plain lead" \
            "$(awk -v h="$here" -v p="$plain" 'BEGIN { print (h >= p / 2) }')" \
            "($here times, plain $plain)"
    done
}

install_peers
build_retain
plain_run
echo
echo "adversarial lists ($runs runs each):"
adversarial_run prefix
adversarial_run collide
report "adversarial" "retain, prefix" "retain, prefix" "sort + comm, prefix" \
    "retain, collide" "sort + comm, collide"
targets
