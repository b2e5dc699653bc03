#!/usr/bin/env bash
# Times `retain batch` on a deterministic 10-million-row CSV against the
# peers a user would reach for, and prints the figures side by side:
#
#   wc -l, cat     reading the file and nothing else: the floor
#   mawk, gawk     tests/bench/peer.awk, the same columns, exactly rounded
#   DuckDB         tests/bench/peer_duckdb.mjs (npm @duckdb/node-api)
#
# Then it checks the targets of the batch issue: at least 20 times faster
# than mawk, at most 6 times the time of `wc -l`, and peak resident memory
# under 16 MB; and that retain and the awk peer agree on the first 100,000
# rows.  Run by hand, not in CI:
#
#   bash tests/bench/bench_batch.sh            # 10,000,000 rows, 3 runs each
#   ROWS=1000000 RUNS=5 bash tests/bench/bench_batch.sh
#
# It installs what it needs (gawk, GNU time, node's DuckDB package) and
# works in build-bench/ at the top of the repository.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bench=$root/tests/bench
work=${RETAIN_BENCH_DIR:-$root/build-bench}
rows=${ROWS:-10000000}
runs=${RUNS:-3}
data=$work/periods-$rows.csv
mkdir -p "$work"
# shellcheck source=bench_lib.sh
. "$bench/bench_lib.sh"

install_peers() {
    install_packages gawk mawk time
    install_duckdb
    cp "$bench/peer_duckdb.mjs" "$work/node/peer_duckdb.mjs"
}

make_data() {
    if [ ! -s "$data" ]; then
        echo "generating $rows rows into $data ..."
        mawk -v rows="$rows" -f "$bench/gen_periods.awk" > "$data.tmp"
        mv "$data.tmp" "$data"
    fi
    cat "$data" > /dev/null # into the page cache, for every tool alike
}

check_agreement() {
    local ours=$work/retain-head.csv theirs=$work/awk-head.csv
    head -n 100001 "$data" > "$work/head.csv"
    "$retain" batch "$work/head.csv" > "$ours"
    mawk -f "$bench/peer.awk" "$work/head.csv" > "$theirs"
    if cmp -s "$ours" "$theirs"; then
        echo "agreement: retain and the awk peer print the same 100,000 rows"
    else
        echo "agreement: FAILED, first difference:"
        cmp "$ours" "$theirs" || true
        exit 1
    fi
}

targets() {
    local r=${seconds[retain]} m=${seconds[mawk]} w=${seconds["wc -l"]}
    local rss=${memory[retain]}
    echo
    verdict "at least 20 times faster than mawk" \
        "$(awk -v r="$r" -v m="$m" 'BEGIN { print (m >= 20 * r) }')" \
        "($(awk -v r="$r" -v m="$m" 'BEGIN { printf "%.1f", m / r }') times)"
    verdict "at most 6 times the time of wc -l" \
        "$(awk -v r="$r" -v w="$w" 'BEGIN { print (r <= 6 * w) }')" \
        "($(awk -v r="$r" -v w="$w" 'BEGIN { printf "%.1f", r / w }') times)"
    verdict "peak resident memory under 16 MB" \
        "$(awk -v k="$rss" 'BEGIN { print (k < 16 * 1024) }')" \
        "($(awk -v k="$rss" 'BEGIN { printf "%.1f", k / 1024 }') MB)"
}

install_peers
build_retain
make_data
check_agreement
echo "timing $runs runs of each (median wall time, output to /dev/null) ..."
measure "wc -l" wc -l "$data"
measure cat cat "$data"
measure retain "$retain" batch "$data"
measure "retain -j1" "$retain" batch -j1 "$data"
measure mawk mawk -f "$bench/peer.awk" "$data"
measure gawk gawk -f "$bench/peer.awk" "$data"
measure duckdb node "$work/node/peer_duckdb.mjs" "$data" /dev/null
report "tool ($rows rows)" retain "wc -l" cat retain "retain -j1" mawk gawk duckdb
targets
