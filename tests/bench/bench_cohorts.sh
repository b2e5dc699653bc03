#!/usr/bin/env bash
# Times `retain cohorts` on a deterministic 10-million-event activity log
# against the peers a user would reach for, all computing the monthly cohort
# triangle ("on" mode, counts), and prints the figures side by side:
#
#   wc -l          reading the file and nothing else: the floor
#   DuckDB         tests/bench/peer_cohorts_duckdb.mjs (npm @duckdb/node-api):
#                  a first-month CTE, the month difference, COUNT DISTINCT
#   pandas         tests/bench/peer_cohorts_pandas.py (python3-pandas):
#                  groupby transform min, drop_duplicates, unstack
#
# The log (tests/bench/gen_events.awk): about 470,000 customers joining over
# 24 months, rows in date order, about 210 MB.  Also timed: a shuffled copy
# of it (rows in a fixed pseudo-random order) and `--period day`.  Every
# tool's cells are compared in the long form cohort,offset,active: the
# peers with each other, and retain's `--long` output (active column) with
# DuckDB's.  Then the targets of the cohorts issue: at least 5 times faster
# than DuckDB (judged on PAIRS, 7 by default, runs of the two back to back:
# the median of DuckDB's time over retain's), at least 25 times faster than
# pandas, peak resident memory under 64 MB.  Until `retain cohorts --help` works, retain is skipped and
# only the peers are measured.  Run by hand, not in CI:
#
#   bash tests/bench/bench_cohorts.sh                 # 470,000 customers, 3 runs
#   CUSTOMERS=50000 RUNS=1 bash tests/bench/bench_cohorts.sh
#   ROWS=1000000 RUNS=1 bash tests/bench/bench_cohorts.sh  # about 47,000 customers
#
# It installs what it needs (mawk, GNU time, python3-pandas, node's DuckDB
# package) and works in build-bench/ at the top of the repository.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bench=$root/tests/bench
work=${RETAIN_BENCH_DIR:-$root/build-bench}
# About 21.3 events per customer: ROWS, when given, sets the customers.
customers=${CUSTOMERS:-$((${ROWS:-10000000} * 47 / 1000))}
runs=${RUNS:-3}
pair_runs=${PAIRS:-7}
data=$work/events-$customers.csv
shuffled=$work/events-$customers-shuffled.csv
pandas_python=/usr/bin/python3 # python3-pandas is importable only from here
mkdir -p "$work"
# shellcheck source=bench_lib.sh
. "$bench/bench_lib.sh"

install_peers() {
    install_packages mawk time coreutils python3-pandas
    install_duckdb
    cp "$bench/peer_cohorts_duckdb.mjs" "$work/node/peer_cohorts_duckdb.mjs"
}

make_data() {
    if [ ! -s "$data" ]; then
        echo "generating the log of $customers customers into $data ..."
        mawk -v customers="$customers" -f "$bench/gen_events.awk" > "$data.tmp"
        mv "$data.tmp" "$data"
    fi
    if [ ! -s "$shuffled" ]; then
        echo "shuffling it into $shuffled ..."
        shuffle < "$data" > "$shuffled.tmp"
        mv "$shuffled.tmp" "$shuffled"
    fi
    echo "log: $(($(wc -l < "$data") - 1)) events, $(size_mb "$data") MB"
}

# shuffle: the header, then the rows sorted by a key that is a fixed
# pseudo-random permutation of their numbers (NR * 48271 mod 2^31 - 1,
# exact in awk's doubles), so every machine gets the same bytes.
shuffle() {
    mawk 'NR == 1 { print "0000000000," $0; next }
          { printf "%010d,%s\n", (NR * 48271) % 2147483647, $0 }' |
        LC_ALL=C sort -S 512M -T "$work" | cut -c 12-
}

size_mb() {
    awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.1f", b / 1048576 }'
}

# have_retain: whether the built retain has the cohorts command yet.
have_retain() {
    "$retain" cohorts --help > /dev/null 2>&1
}

# retain_cells OUTPUT: retain's --long csv as cohort,offset,active,
# its observed cells only, without the average row's.
retain_cells() {
    awk -F, 'NR == 1 { print "cohort,offset,active"; next }
             $1 != "average" && $5 != "" { print $1 "," $2 "," $5 }' "$1"
}

# agree NAME FILE NAME FILE: the two long forms are the same, byte for byte.
agree() {
    if cmp -s "$2" "$4"; then
        echo "agreement: $1 and $3 count the same $(($(wc -l < "$2") - 1)) cells"
    else
        echo "agreement: FAILED: $1 ($2) and $3 ($4) differ:"
        diff "$2" "$4" | head -n 10
        exit 1
    fi
}

time_peers() {
    local node=$work/node/peer_cohorts_duckdb.mjs
    echo "timing $runs runs of each (median wall time) ..."
    measure "wc -l" wc -l "$data"
    measure duckdb node "$node" "$data" "$work/duckdb-month.csv"
    measure_out=$work/pandas-month.csv
    measure pandas "$pandas_python" "$bench/peer_cohorts_pandas.py" "$data"
    measure_out=/dev/null
    agree duckdb "$work/duckdb-month.csv" pandas "$work/pandas-month.csv"
    measure "duckdb, shuffled" node "$node" "$shuffled" "$work/duckdb-shuffled.csv"
    agree duckdb "$work/duckdb-month.csv" "duckdb, shuffled" "$work/duckdb-shuffled.csv"
    measure "duckdb --period day" node "$node" "$data" "$work/duckdb-day.csv" day
}

# time_retain: the same three runs by retain, each checked against DuckDB.
time_retain() {
    local name input period out
    for name in retain "retain, shuffled" "retain --period day"; do
        input=$data period=month
        [ "$name" = "retain, shuffled" ] && input=$shuffled
        [ "$name" = "retain --period day" ] && period=day
        out=$work/retain-$period-${input##*-}
        measure_out=$out
        measure "$name" "$retain" cohorts --period "$period" --long --no-average -f csv "$input"
        measure_out=/dev/null
        retain_cells "$out" > "$out.cells"
        agree "$name" "$out.cells" duckdb "$work/duckdb-$period.csv"
    done
}

# The 5-times target is judged on pairs: retain's monthly table and
# DuckDB's, run back to back (see paired in bench_lib.sh).
retain_month() { "$retain" cohorts --long --no-average -f csv "$data"; }
duckdb_month() { node "$work/node/peer_cohorts_duckdb.mjs" "$data" "$work/duckdb-pair.csv"; }

ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'
}

targets() {
    local r=${seconds[retain]} d=${seconds[duckdb]} p=${seconds[pandas]}
    echo
    local pairs=${ratio[duckdb]}
    echo "DuckDB's time over retain's, $pair_runs runs of each back to back: median $pairs"
    echo "(the medians above, taken minutes apart: $(ratio "$d" "$r"))"
    verdict "at least 5 times faster than DuckDB" \
        "$(awk -v q="$pairs" 'BEGIN { print (q >= 5) }')" "($(awk -v q="$pairs" 'BEGIN { printf "%.1f", q }') times, paired)"
    verdict "at least 25 times faster than pandas" \
        "$(awk -v r="$r" -v p="$p" 'BEGIN { print (p >= 25 * r) }')" "($(ratio "$p" "$r") times)"
    verdict "peak resident memory under 64 MB" \
        "$(awk -v k="${memory[retain]}" 'BEGIN { print (k < 64 * 1024) }')" \
        "($(awk -v k="${memory[retain]}" 'BEGIN { printf "%.1f", k / 1024 }') MB)"
}

install_peers
build_retain
make_data
time_peers
peers=("wc -l" duckdb pandas "duckdb, shuffled" "duckdb --period day")
if have_retain; then
    time_retain
    echo "timing retain and DuckDB in $pair_runs pairs ..."
    paired duckdb "$pair_runs" retain_month duckdb_month
    report "tool ($customers customers)" retain retain "retain, shuffled" \
        "retain --period day" "${peers[@]}"
    targets
else
    echo "retain cohorts: not built yet (the last column below is time / DuckDB's)"
    report "tool ($customers customers)" duckdb "${peers[@]}"
fi
