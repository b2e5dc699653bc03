# bench_lib.sh - what the benchmark scripts share; sourced, not run.
#
# Before sourcing, set root (the repository) and work (the scratch
# directory); runs (how many times each command is timed) may be set too.

runs=${runs:-3}

# install_packages PACKAGE...: installs the Debian packages not yet here.
install_packages() {
    local missing=() package
    for package in "$@"; do
        dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

# install_duckdb: node's DuckDB package, into $work/node.
install_duckdb() {
    command -v node >/dev/null || install_packages nodejs npm
    if [ ! -d "$work/node/node_modules/@duckdb/node-api" ]; then
        mkdir -p "$work/node"
        (cd "$work/node" && npm init -y >/dev/null && npm install --silent @duckdb/node-api >/dev/null)
    fi
}

# build_retain: a Release build in $work/build; sets retain.
build_retain() {
    cmake -S "$root" -B "$work/build" -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build "$work/build" -j "$(nproc)" >/dev/null
    retain=$work/build/retain
}

# measure NAME COMMAND...: the median wall time (from the clock, to the
# millisecond) and the largest peak RSS (from GNU time) over $runs runs,
# into seconds[NAME] and memory[NAME] (KiB).  Standard output goes to
# $measure_out, /dev/null unless set.
declare -A seconds memory
measure() {
    local name=$1 times=() peak=0 i start end kb
    shift
    for ((i = 0; i < runs; i++)); do
        start=$(date +%s%N)
        /usr/bin/time -o "$work/time.txt" -f "%M" "$@" > "${measure_out:-/dev/null}" 2>&1 || true
        end=$(date +%s%N)
        times+=("$(awk -v ns=$((end - start)) 'BEGIN { printf "%.3f", ns / 1e9 }')")
        kb=$(tail -n 1 "$work/time.txt")
        [ "$kb" -gt "$peak" ] && peak=$kb
    done
    seconds[$name]=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p")
    memory[$name]=$peak
}

# paired NAME RUNS A B: times the shell functions A and B back to back,
# RUNS times, A first on even runs and B first on odd ones, and sets
# ratio[NAME] to the median of B's time over A's.  On a shared machine
# the speed drifts by a third from one minute to the next; a ratio of
# two runs a second apart cancels the drift, where medians taken minutes
# apart carry it into the comparison.
declare -A ratio
paired() {
    local name=$1 count=$2 first=$3 second=$4 i a b ratios=()
    for ((i = 0; i < count; i++)); do
        if ((i % 2 == 0)); then
            a=$(wall_seconds "$first")
            b=$(wall_seconds "$second")
        else
            b=$(wall_seconds "$second")
            a=$(wall_seconds "$first")
        fi
        ratios+=("$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.3f", b / a }')")
    done
    ratio[$name]=$(printf '%s\n' "${ratios[@]}" | sort -n | sed -n "$(((count + 1) / 2))p")
}

# wall_seconds FUNCTION: runs it, output discarded, and prints its wall time.
wall_seconds() {
    local start end
    start=$(date +%s%N)
    "$1" > /dev/null 2>&1 || true
    end=$(date +%s%N)
    awk -v ns=$((end - start)) 'BEGIN { printf "%.3f", ns / 1e9 }'
}

# report TITLE BASE NAME...: a table of the measured tools, with each one's
# time as a multiple of BASE's.
report() {
    local title=$1 base=${seconds[$2]} name
    shift 2
    printf '\n%-28s %10s %12s %16s\n' "$title" "seconds" "peak RSS MB" "time / retain"
    for name in "$@"; do
        printf '%-28s %10s %12s %16s\n' "$name" "${seconds[$name]}" \
            "$(awk -v k="${memory[$name]}" 'BEGIN { printf "%.1f", k / 1024 }')" \
            "$(awk -v a="${seconds[$name]}" -v b="$base" 'BEGIN { printf "%.2f", a / b }')"
    done
}

# verdict LABEL OK DETAIL: one line of the targets, met or MISSED.
verdict() {
    local label=$1 ok=$2 detail=$3
    printf '%-52s %-6s %s\n' "$label" "$([ "$ok" = 1 ] && echo met || echo MISSED)" "$detail"
}
