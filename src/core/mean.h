/*
 * mean.h - the exact mean of many rates (internal).
 *
 * The mean retention rate is 100 / n times the sum of the rows' exact
 * rates retained / start, rounded once, half away from zero.  Each row
 * adds its rate in fixed point, cut to 27 decimals of a fraction (25 of a
 * percentage), and counts the rows it cut.  The exact sum then lies in an
 * interval of known width, at most one unit of 10^-25 percent on the mean:
 * when both ends of it round to the same digits, those digits are proven.
 * Only when a rounding boundary lies inside (in practice when the exact
 * mean is halfway, such as 12.345 at two digits) is the sum worked out
 * exactly, from what the cuts left, which fracsum.h keeps by start count
 * up to a bound.  Per row that costs a few 64-bit divisions and no
 * allocation beyond that table.
 */
#ifndef RETAIN_MEAN_H
#define RETAIN_MEAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fracsum.h"
#include "retain.h"
#include "u128.h"

/*
 * The rates of one sign, by magnitude, in fixed point: the sums of the
 * rows' whole parts, of their first nine decimals (in units of 10^-9) and
 * of the next eighteen (in units of 10^-27).  Kept apart, no sum needs
 * carrying from row to row, and each fits in 128 bits for 2^64 rows.
 */
struct rt_mean_part {
    struct rt_u128 whole, high, low;
    uint64_t cut; /* rows whose fraction lost digits */
};

struct rt_mean {
    uint64_t rows;
    struct rt_mean_part part[2]; /* rates of 0 and more, rates below 0 */
    struct rt_fracsum rest;      /* what the cuts left, exactly */
};

enum rt_mean_result {
    RT_MEAN_KNOWN,
    RT_MEAN_NONE,      /* no rows */
    RT_MEAN_UNDECIDED, /* at a rounding boundary, and the rest not kept */
    RT_MEAN_NOMEM
};

/* An empty mean, its table hashed under `key`. */
void rt_mean_init(struct rt_mean *mean, const uint64_t key[2]);
void rt_mean_free(struct rt_mean *mean);

/* Forgets every row, keeping the storage. */
void rt_mean_clear(struct rt_mean *mean);

/*
 * One row's rate retained / start in fixed point: whole + high * 10^-9 +
 * low * 10^-27, cut short by left / start * 10^-27.  Worked out once for
 * all the tallies a row goes to.
 */
struct rt_mean_term {
    bool negative;
    uint64_t whole, high, low; /* high < 10^9, low < 10^18 */
    uint64_t left, start;      /* left < start; 0 when exact */
};

/* Works out the term of retained / start (start > 0). */
void rt_mean_term(struct rt_mean_term *term, struct rt_wide retained,
                  uint64_t start);

/* Adds a row's term.  Returns false when out of memory. */
bool rt_mean_add(struct rt_mean *mean, const struct rt_mean_term *term);

/* Adds every row of `from` to `into`; false when out of memory. */
bool rt_mean_merge(struct rt_mean *into, const struct rt_mean *from);

/*
 * Whether the mean still keeps what the cuts left (fracsum.h), and, for a
 * mean merged only into one that does not, a way to stop keeping it.
 */
bool rt_mean_keeps_rest(const struct rt_mean *mean);
void rt_mean_decline_rest(struct rt_mean *mean);

/*
 * Writes the mean as a percentage with `precision` digits (at most
 * RT_PRECISION_MAX) to buf, of at least RT_RATE_TEXT_SIZE bytes, when
 * RT_MEAN_KNOWN; otherwise writes "".
 */
enum rt_mean_result rt_mean_format(const struct rt_mean *mean,
                                   unsigned precision, char *buf, size_t size);

#endif
