# The awk peer of `retain ids`: associative arrays.
# Usage: awk -f peer_ids.awk START END; prints "S E N".
NR == FNR { if ($0 != "" && !($0 in start)) { start[$0] = 1; s++ } next }
$0 != "" && !($0 in end) { end[$0] = 1; e++; if ($0 in start) kept++ }
END { print s + 0, e + 0, e - kept }
