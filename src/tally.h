/*
 * tally.h - summary figures over many rows (internal).
 *
 * Pooled figures come from the sums of the counts, kept exactly in 128 bits
 * (2^64 rows of the largest count still fit).  Minimum and maximum retention
 * rates are compared as exact fractions.  The mean retention rate adds each
 * row's rate as a fraction rounded to 16 decimal places, so it is exact to
 * 14 decimal places of a percentage before it is rounded for printing.
 */
#ifndef RETAIN_TALLY_H
#define RETAIN_TALLY_H

#include <stdbool.h>
#include <stdint.h>

#include "retain.h"
#include "u128.h"

/* The revenue amounts summed: start_mrr .. churned. */
#define RT_TALLY_AMOUNTS (RT_REVENUE_CHURNED + 1)

struct rt_tally {
    uint64_t rows;     /* rows tallied */
    uint64_t with_new; /* of those, rows with a new count */
    struct rt_u128 start, end, new_customers;
    struct rt_u128 rate_sum_up, rate_sum_down; /* positive and negative parts */
    struct rt_wide min_num, max_num;
    uint64_t min_den, max_den;
    uint64_t with_revenue; /* rows with revenue amounts */
    struct rt_u128
        revenue[RT_TALLY_AMOUNTS]; /* sums, by enum rt_revenue_field */
};

/* The summary's fields, in output order. */
enum rt_tally_field {
    RT_TALLY_ROWS,
    RT_TALLY_START,
    RT_TALLY_END,
    RT_TALLY_NEW,
    RT_TALLY_RETAINED,
    RT_TALLY_LOST,
    RT_TALLY_RETENTION_RATE,
    RT_TALLY_CHURN_RATE,
    RT_TALLY_SIMPLE_RETENTION_RATE,
    RT_TALLY_SIMPLE_CHURN_RATE,
    RT_TALLY_MEAN_RETENTION_RATE,
    RT_TALLY_MIN_RETENTION_RATE,
    RT_TALLY_MAX_RETENTION_RATE,
    RT_TALLY_FIELDS
};

#define RT_TALLY_TEXT_SIZE 64

void rt_tally_init(struct rt_tally *tally);

/* Adds the figures of one valid row. */
void rt_tally_add(struct rt_tally *tally, const struct rt_figures *figures);

/* Adds everything `from` tallied to `into`. */
void rt_tally_merge(struct rt_tally *into, const struct rt_tally *from);

/* Adds the revenue amounts of one valid row. */
void rt_tally_add_revenue(struct rt_tally *tally,
                          const struct rt_revenue *amounts);

/*
 * Writes the pooled net or gross revenue retention (RT_REVENUE_NET or
 * RT_REVENUE_GROSS) from the sums of the amounts; false and "" when no row
 * had them.
 */
bool rt_tally_revenue_value(const struct rt_tally *tally,
                            enum rt_revenue_field field, unsigned precision,
                            char buf[RT_TALLY_TEXT_SIZE]);

/*
 * The figures beyond one period of the pooled counts: RT_OK, RT_ERR_NOMEM
 * when out of memory, or RT_ERR_RANGE when they are unknown (a row without
 * a new count, sums above RT_COUNT_MAX, no rows).
 */
enum rt_status rt_tally_lifetime(const struct rt_tally *tally,
                                 const struct rt_lifetime_options *options,
                                 unsigned precision, struct rt_lifetime *out);

/* The name of a summary field, e.g. "mean_retention_rate". */
const char *rt_tally_field_name(enum rt_tally_field field);

/*
 * Writes a summary field's value; returns false and writes "" when it is
 * unknown: no rows, or retention asked of rows without a new count.
 */
bool rt_tally_value(const struct rt_tally *tally, enum rt_tally_field field,
                    unsigned precision, char buf[RT_TALLY_TEXT_SIZE]);

#endif
