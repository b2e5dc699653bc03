/*
 * fracsum.h - an exact sum of fractions, kept by denominator (internal).
 *
 * The mean retention rate adds one fraction per row in fixed point.  A
 * row whose rate does not end within the fixed point's digits leaves a
 * remainder t / s, 0 < t < s, where s is the row's start count.  This
 * table keeps the sum of those t for each distinct s, so that a mean that
 * fixed point leaves undecided can be decided exactly.
 *
 * Memory is bounded: past RT_FRACSUM_MAX distinct denominators the table
 * frees its entries and says so (overflowed).  Whether that happens
 * depends only on the set of denominators added, never on their order, so
 * a sum merged from parts (the batch threads) ends the same as one built
 * row by row.  The hash is keyed, so crafted counts cannot make it slow.
 */
#ifndef RETAIN_FRACSUM_H
#define RETAIN_FRACSUM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bignum.h"
#include "retain.h"
#include "u128.h"

/* Distinct denominators kept at most. */
#define RT_FRACSUM_MAX 1024

/* Bits the common denominator may have when the sum is worked out. */
#define RT_FRACSUM_LCM_BITS 8192

struct rt_fracsum_entry {
    uint64_t den;       /* 0: a free slot */
    struct rt_u128 num; /* the sum of numerators, in two's complement */
};

struct rt_fracsum {
    struct rt_fracsum_entry *slots; /* open addressing; NULL until needed */
    size_t used, slot_count;
    unsigned shift;      /* 64 - log2(slot_count) */
    uint64_t multiplier; /* of the hash, odd, from the key */
    bool overflowed;
    bool declined; /* keeps nothing, even once cleared */
};

/* An empty sum hashed under `key` (any value; zero works). */
void rt_fracsum_init(struct rt_fracsum *sum, const uint64_t key[2]);
void rt_fracsum_free(struct rt_fracsum *sum);

/* Forgets every fraction, keeping the storage and the key. */
void rt_fracsum_clear(struct rt_fracsum *sum);

/*
 * From now on, even once cleared, keeps nothing and counts as overflowed.
 * For a sum that is only ever merged into one that has overflowed, whose
 * fractions would be work thrown away: the batch threads' sums.
 */
void rt_fracsum_decline(struct rt_fracsum *sum);

/*
 * Adds num / den, negated when `negative`; den must not be 0.  Returns
 * false when out of memory.
 */
bool rt_fracsum_add(struct rt_fracsum *sum, uint64_t den, uint64_t num,
                    bool negative);

/* Adds everything `from` holds to `into`; false when out of memory. */
bool rt_fracsum_merge(struct rt_fracsum *into, const struct rt_fracsum *from);

/*
 * Works the sum out as (*up - *down) / *den, the three initialised by the
 * caller.  RT_OK; RT_ERR_RANGE when the sum is not known exactly (the
 * table overflowed, or the common denominator of the fractions, reduced,
 * has more than RT_FRACSUM_LCM_BITS bits); RT_ERR_NOMEM.
 */
enum rt_status rt_fracsum_total(const struct rt_fracsum *sum, struct rt_big *up,
                                struct rt_big *down, struct rt_big *den);

#endif
