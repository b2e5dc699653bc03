#!/usr/bin/env bash
# Times `retain periods` on two inputs against the peers a user would reach
# for, all computing the monthly S, E, N of every finished month, and prints
# the figures side by side:
#
#   wc -l          reading the file and nothing else: the floor
#   DuckDB         tests/bench/peer_periods_duckdb.mjs (npm @duckdb/node-api):
#                  one SQL query per kind of input, from the definitions
#   pandas         tests/bench/peer_periods_pandas.py (python3-pandas):
#                  drop_duplicates, groupby shift, value_counts
#
# The inputs: the activity log of bench_cohorts.sh (tests/bench/gen_events.awk,
# 10 million events of 470,000 customers, about 210 MB), and a subscription
# table of about 2 million rows (tests/bench/gen_spans.awk: 680,000
# customers; open rows, plan changes that touch, add-ons that overlap,
# customers who come back; rows in start-date order), read with --spans.
# Every tool's counts are compared as period,start,end,new,retained,lost,
# first_time,returning (and joined_and_left for spans): the peers with each
# other, and retain's with DuckDB's.  Then the targets of the periods issue,
# for each input: at least 5 times faster than DuckDB (judged on PAIRS, 7
# by default, runs of the two back to back: the median of DuckDB's time
# over retain's), at least 25 times faster than pandas, peak resident
# memory under 64 MB.  Until `retain periods --help` works, retain is
# skipped and only the peers are measured.  Run by hand, not in CI:
#
#   bash tests/bench/bench_periods.sh                 # full size, 3 runs
#   RUNS=1 PAIRS=3 bash tests/bench/bench_periods.sh
#   CUSTOMERS=47000 SPAN_CUSTOMERS=68000 RUNS=1 bash tests/bench/bench_periods.sh
#
# It installs what it needs (mawk, GNU time, python3-pandas, node's DuckDB
# package) and works in build-bench/ at the top of the repository, or in
# RETAIN_BENCH_DIR, where bench_cohorts.sh's log is reused.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bench=$root/tests/bench
work=${RETAIN_BENCH_DIR:-$root/build-bench}
customers=${CUSTOMERS:-470000}
span_customers=${SPAN_CUSTOMERS:-680000}
runs=${RUNS:-3}
pair_runs=${PAIRS:-7}
data=$work/events-$customers.csv
spans=$work/spans-$span_customers.csv
pandas_python=/usr/bin/python3 # python3-pandas is importable only from here
mkdir -p "$work"
# shellcheck source=bench_lib.sh
. "$bench/bench_lib.sh"

install_peers() {
    install_packages mawk time coreutils python3-pandas
    install_duckdb
    cp "$bench/peer_periods_duckdb.mjs" "$work/node/peer_periods_duckdb.mjs"
}

make_data() {
    if [ ! -s "$data" ]; then
        echo "generating the log of $customers customers into $data ..."
        mawk -v customers="$customers" -f "$bench/gen_events.awk" > "$data.tmp"
        mv "$data.tmp" "$data"
    fi
    if [ ! -s "$spans" ]; then
        echo "generating the subscriptions of $span_customers customers into $spans ..."
        mawk -v customers="$span_customers" -f "$bench/gen_spans.awk" > "$spans.unsorted"
        # In start-date order, as an export by subscription number comes;
        # the whole line breaks ties, so every machine gets the same bytes.
        head -n 1 "$spans.unsorted" > "$spans.tmp"
        tail -n +2 "$spans.unsorted" |
            LC_ALL=C sort -t, -k2,2 -k1,1 -S 512M -T "$work" >> "$spans.tmp"
        rm "$spans.unsorted"
        mv "$spans.tmp" "$spans"
    fi
    echo "log: $(($(wc -l < "$data") - 1)) events, $(size_mb "$data") MB"
    echo "subscriptions: $(($(wc -l < "$spans") - 1)) rows, $(size_mb "$spans") MB"
}

size_mb() {
    awk -v b="$(stat -L -c %s "$1")" 'BEGIN { printf "%.1f", b / 1048576 }'
}

# have_retain: whether the built retain has the periods command yet.
have_retain() {
    "$retain" periods --help > /dev/null 2>&1
}

# retain_counts OUTPUT: retain's csv cut down to the peers' columns, found
# by name (the rates and warnings left out).  The output holds standard
# error too (see measure): a line of retain's own is not a row.
retain_counts() {
    awk -F, '/^retain: / { next }
             !kept {
                 n = split("period,start,end,new,retained,lost,first_time,returning,joined_and_left", want, ",")
                 for (i = 1; i <= NF; i++) where[$i] = i
                 for (k = 1; k <= n; k++) if (want[k] in where) keep[++kept] = where[want[k]]
             }
             { line = $keep[1]
               for (k = 2; k <= kept; k++) line = line "," $keep[k]
               print line }' "$1"
}

# agree NAME FILE NAME FILE: the two tables are the same, byte for byte.
agree() {
    if cmp -s "$2" "$4"; then
        echo "agreement: $1 and $3 count the same $(($(wc -l < "$2") - 1)) periods"
    else
        echo "agreement: FAILED: $1 ($2) and $3 ($4) differ:"
        diff "$2" "$4" | head -n 10
        exit 1
    fi
}

time_peers() {
    local node=$work/node/peer_periods_duckdb.mjs peer=$bench/peer_periods_pandas.py
    echo "timing $runs runs of each (median wall time) ..."
    measure "wc -l" wc -l "$data"
    measure duckdb node "$node" log "$data" "$work/duckdb-log.csv"
    measure_out=$work/pandas-log.csv
    measure pandas "$pandas_python" "$peer" log "$data"
    measure_out=/dev/null
    agree duckdb "$work/duckdb-log.csv" pandas "$work/pandas-log.csv"
    measure "wc -l, spans" wc -l "$spans"
    measure "duckdb, spans" node "$node" spans "$spans" "$work/duckdb-spans.csv"
    measure_out=$work/pandas-spans.csv
    measure "pandas, spans" "$pandas_python" "$peer" spans "$spans"
    measure_out=/dev/null
    agree "duckdb, spans" "$work/duckdb-spans.csv" "pandas, spans" "$work/pandas-spans.csv"
}

# time_retain: retain on both inputs, each checked against DuckDB.
time_retain() {
    measure_out=$work/retain-log.csv
    measure retain "$retain" periods -f csv "$data"
    measure_out=$work/retain-spans.csv
    measure "retain, spans" "$retain" periods --spans -f csv "$spans"
    measure_out=/dev/null
    retain_counts "$work/retain-log.csv" > "$work/retain-log.counts"
    agree retain "$work/retain-log.counts" duckdb "$work/duckdb-log.csv"
    retain_counts "$work/retain-spans.csv" > "$work/retain-spans.counts"
    agree "retain, spans" "$work/retain-spans.counts" "duckdb, spans" "$work/duckdb-spans.csv"
}

# The 5-times target is judged on pairs: retain's table and DuckDB's, run
# back to back (see paired in bench_lib.sh).
retain_log() { "$retain" periods -f csv "$data"; }
duckdb_log() { node "$work/node/peer_periods_duckdb.mjs" log "$data" "$work/duckdb-pair.csv"; }
retain_spans() { "$retain" periods --spans -f csv "$spans"; }
duckdb_spans() { node "$work/node/peer_periods_duckdb.mjs" spans "$spans" "$work/duckdb-pair.csv"; }

ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'
}

# targets INPUT RETAIN DUCKDB PANDAS: the three targets on one input.
targets() {
    local input=$1 r=${seconds[$2]} d=${seconds[$3]} p=${seconds[$4]} kb=${memory[$2]}
    local pairs=${ratio[$3]}
    echo
    echo "$input: DuckDB's time over retain's, $pair_runs runs of each back to back: median $pairs"
    echo "(the medians above, taken minutes apart: $(ratio "$d" "$r"))"
    verdict "$input: at least 5 times faster than DuckDB" \
        "$(awk -v q="$pairs" 'BEGIN { print (q >= 5) }')" "($(awk -v q="$pairs" 'BEGIN { printf "%.1f", q }') times, paired)"
    verdict "$input: at least 25 times faster than pandas" \
        "$(awk -v r="$r" -v p="$p" 'BEGIN { print (p >= 25 * r) }')" "($(ratio "$p" "$r") times)"
    verdict "$input: peak resident memory under 64 MB" \
        "$(awk -v k="$kb" 'BEGIN { print (k < 64 * 1024) }')" \
        "($(awk -v k="$kb" 'BEGIN { printf "%.1f", k / 1024 }') MB)"
}

# load: the machine's load averages, printed before and after the run:
# on a shared machine the figures are read beside them.
load() {
    echo "load average (1, 5, 15 minutes) $1: $(cut -d ' ' -f 1-3 /proc/loadavg)"
}

install_peers
build_retain
make_data
load before
time_peers
log_peers=("wc -l" duckdb pandas)
span_peers=("wc -l, spans" "duckdb, spans" "pandas, spans")
if have_retain; then
    time_retain
    echo "timing retain and DuckDB in $pair_runs pairs on each input ..."
    paired duckdb "$pair_runs" retain_log duckdb_log
    paired "duckdb, spans" "$pair_runs" retain_spans duckdb_spans
    report "log ($customers customers)" retain retain "${log_peers[@]}"
    report "spans ($span_customers customers)" "retain, spans" "retain, spans" "${span_peers[@]}"
    targets log retain duckdb pandas
    targets spans "retain, spans" "duckdb, spans" "pandas, spans"
else
    echo "retain periods: not built yet (the last column below is time / DuckDB's)"
    report "log ($customers customers)" duckdb "${log_peers[@]}"
    report "spans ($span_customers customers)" "duckdb, spans" "${span_peers[@]}"
fi
load after
