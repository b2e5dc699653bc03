# Writes one of the deterministic ID lists of bench_ids.sh, one ID a line.
#
#   mawk -v list=start|end -v kind=plain|prefix|collide -v n=COUNT -f gen_ids.awk
#
# plain:   "C" and 9 digits.  Start ID i is number (i * 7919 + 13) mod 10^9,
#          distinct for every i below 10^9.  The end list holds 70% of the
#          start IDs (those with i mod 10 below 7) and 0.3 n new ones, in an
#          order shuffled by a fixed permutation of the positions.
# prefix:  the same IDs behind a 56-byte prefix shared by all: they differ
#          only in their last bytes.
# collide: IDs made of 21 blocks, each "Aa" or "BB" as the bits of i say.
#          "Aa" and "BB" have the same hash under h = 31 h + c (Java's
#          String.hashCode and many hand-written hashes), so every such ID
#          collides with every other one of the same length in that hash.
#          Start: i mod 13 below 10; end: i mod 13 from 3, shuffled.
function plain(i) { return sprintf("C%09d", (i * 7919 + 13) % 1000000000) }
function blocks(i,    s, b) {
    s = ""
    for (b = 0; b < 21; b++) {
        s = s ((i % 2) ? "BB" : "Aa")
        i = int(i / 2)
    }
    return s
}
function gcd(a, b,    t) { while (b) { t = a % b; a = b; b = t } return a }
function id(i) {
    if (kind == "collide") return blocks(i)
    if (kind == "prefix") return prefix plain(i)
    return plain(i)
}
BEGIN {
    prefix = "tenant-eu-west-1/organisation-000042/customer-account-"
    if (kind == "collide") {
        total = 2097152 # 2^21: every ID of 21 blocks
        if (list == "start") {
            for (i = 0; i < total; i++) if (i % 13 < 10) print id(i)
        } else {
            # 1048573 is odd, so j -> j * 1048573 + 7 mod 2^21 permutes.
            for (j = 0; j < total; j++) {
                i = (j * 1048573 + 7) % total
                if (i % 13 >= 3) print id(i)
            }
        }
        exit
    }
    if (list == "start") {
        for (i = 0; i < n; i++) print id(i)
        exit
    }
    kept = int(n / 10) * 7
    all = kept + int(n * 3 / 10)
    # The position j of the end list gets item k: a permutation when the
    # multiplier has no factor in common with the count.
    if (gcd(7654321, all) != 1) {
        print "gen_ids.awk: n must have no factor in common with 7654321" > "/dev/stderr"
        exit 1
    }
    for (j = 0; j < all; j++) {
        k = (j * 7654321 + 12345) % all
        if (k < kept) i = int(k / 7) * 10 + k % 7
        else i = n + (k - kept)
        print id(i)
    }
}
