#!/usr/bin/env bash
# The sort + comm peer of `retain ids`.  Usage: peer_ids_sort.sh START END
# TMPDIR; prints "S E N".
set -euo pipefail
export LC_ALL=C
sort -u "$1" > "$3/start.sorted"
sort -u "$2" > "$3/end.sorted"
s=$(wc -l < "$3/start.sorted")
e=$(wc -l < "$3/end.sorted")
n=$(comm -13 "$3/start.sorted" "$3/end.sorted" | wc -l)
echo "$s $e $n"
