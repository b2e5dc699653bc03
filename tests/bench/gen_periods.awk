# Writes a deterministic CSV of retention counts: period,segment,start,end,new.
# Usage: mawk -v rows=10000000 -f gen_periods.awk > periods.csv
# A linear congruential generator (mod 2^31, exact in awk's doubles) keeps
# the file the same on every machine and awk.
function next_random() {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed
}
BEGIN {
    if (rows == "") rows = 10000000
    split("smb mid ent gov edu", segments, " ")
    seed = 42
    print "period,segment,start,end,new"
    for (i = 0; i < rows; i++) {
        start = 100 + next_random() % 900000
        new = next_random() % (int(start / 4) + 1)
        kept = start - next_random() % (int(start / 3) + 1)
        period = sprintf("%04d-%02d", 2000 + int(i / 60000) % 25, 1 + int(i / 5000) % 12)
        print period "," segments[1 + i % 5] "," start "," (kept + new) "," new
    }
}
