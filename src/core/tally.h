/*
 * tally.h - summary figures over many rows (internal).
 *
 * Pooled figures come from the sums of the counts, kept exactly in 128 bits
 * (2^64 rows of the largest count still fit).  Minimum and maximum retention
 * rates are compared as exact fractions.  The mean retention rate is the
 * exact mean of the rows' exact rates, rounded once (mean.h); in the rare
 * case that it cannot be decided within its bounded memory, it is unknown.
 */
#ifndef RETAIN_TALLY_H
#define RETAIN_TALLY_H

#include <stdbool.h>
#include <stdint.h>

#include "field.h"
#include "mean.h"
#include "retain.h"
#include "u128.h"

/* The revenue amounts summed: start_mrr .. churned. */
#define RT_TALLY_AMOUNTS (RT_REVENUE_CHURNED + 1)

struct rt_tally {
    uint64_t rows;     /* rows tallied */
    uint64_t with_new; /* of those, rows with a new count */
    bool new_column;   /* the input has a new column, rows or not */
    struct rt_u128 start, end, new_customers;
    struct rt_mean mean; /* of the rows with a new count */
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

/*
 * An empty tally; `key` keys the hash of what the mean keeps (any value
 * gives the same figures).  rt_tally_free() frees what it holds.
 */
void rt_tally_init(struct rt_tally *tally, const uint64_t key[2]);
void rt_tally_free(struct rt_tally *tally);

/* Forgets every row, keeping the storage. */
void rt_tally_clear(struct rt_tally *tally);

/*
 * Works out the term of a valid row's retention rate for the mean, once
 * for every tally the row goes to; nothing without a new count.
 */
void rt_tally_term(const struct rt_figures *figures, struct rt_mean_term *term);

/*
 * Adds the figures of one valid row, with its term from rt_tally_term();
 * false when out of memory.
 */
bool rt_tally_add(struct rt_tally *tally, const struct rt_figures *figures,
                  const struct rt_mean_term *term);

/* Adds everything `from` tallied to `into`; false when out of memory. */
bool rt_tally_merge(struct rt_tally *into, const struct rt_tally *from);

/*
 * Whether the mean can still be decided exactly at a rounding boundary;
 * and, for a tally merged only into one that cannot, a way to spare the
 * work (see rt_mean_decline_rest()).  Neither changes any figure.
 */
bool rt_tally_keeps_rest(const struct rt_tally *tally);
void rt_tally_decline_rest(struct rt_tally *tally);

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

/*
 * A tally as its field table reads it: rates at `precision`.  Getting the
 * mean stores rt_tally_mean()'s result in *mean, unless mean is NULL, so
 * that a caller can say why it is unknown.
 */
struct rt_tally_view {
    const struct rt_tally *tally;
    unsigned precision;
    enum rt_mean_result *mean;
};

/* The summary's fields, by enum rt_tally_field, of a struct rt_tally_view. */
extern const struct rt_field_table rt_tally_fields;

/* The name of a summary field, e.g. "mean_retention_rate". */
const char *rt_tally_field_name(enum rt_tally_field field);

/*
 * Writes the mean retention rate: RT_MEAN_KNOWN, or "" and RT_MEAN_NONE
 * (no rows, or rows without a new count), RT_MEAN_UNDECIDED (see mean.h)
 * or RT_MEAN_NOMEM.
 */
enum rt_mean_result rt_tally_mean(const struct rt_tally *tally,
                                  unsigned precision,
                                  char buf[RT_TALLY_TEXT_SIZE]);

/*
 * Writes a summary field's value; returns false and writes "" when it is
 * unknown: a rate over no rows, retention asked of rows without a new
 * count, or a mean that rt_tally_mean() does not give.  A sum over no rows
 * is 0 (new, retained and lost only with new_column set).
 */
bool rt_tally_value(const struct rt_tally *tally, enum rt_tally_field field,
                    unsigned precision, char buf[RT_TALLY_TEXT_SIZE]);

#endif
