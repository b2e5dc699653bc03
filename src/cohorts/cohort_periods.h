/*
 * cohort_periods.h - S, E and N for every period, counted from the cohort
 * engine's customers (internal).
 *
 * retain periods feeds the same engine as retain cohorts and reads its
 * per-customer bits back (cohort_engine.h, rt_span_bits):
 *
 *   - an activity log: bit P is set when the customer is active in P.
 *     S(P) = bit P-1, E(P) = bit P.
 *   - a subscription table (spans), doubled: bit 2P is set when the
 *     customer is active on some day of P, bit 2P+1 when it is active on
 *     the first day of P+1.  S(P) = bit 2P-1, E(P) = bit 2P+1.
 *
 * For each period: retained = in S and E, lost = S - retained, new = E -
 * retained, first_time = the part of new with no bit before (log: before
 * P; spans: below 2P), returning = the rest of new, joined_and_left
 * (spans) = touched in P but in neither S nor E.
 *
 * Each count is accumulated in an array of its own, customer by customer,
 * and the rows are then checked against each other: S - lost + new = E on
 * every row, E(P) = S(P+1) over the run, new = first_time + returning.
 * A failure is a bug, never a figure: RT_ERR_INVALID.
 */
#ifndef RETAIN_COHORT_PERIODS_H
#define RETAIN_COHORT_PERIODS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cohort_engine.h"
#include "retain.h"

/* The counts of one period. */
struct rt_period_counts {
    int64_t period; /* absolute period index (rt_period_index units) */
    uint64_t start, end, retained, lost, new_customers, first_time, returning,
        joined_and_left; /* joined_and_left: spans only, else 0 */
};

/*
 * One table: the rows of one segment (group points into the engine's
 * segment set, group_len bytes) or of everyone (group NULL), in time
 * order, every period of the table's range, gaps included.
 */
struct rt_period_table {
    const char *group;
    size_t group_len;
    struct rt_period_counts *rows;
    size_t count;
};

struct rt_period_result {
    bool spans;
    struct rt_period_table overall;
    struct rt_period_table *groups; /* in order of first appearance */
    size_t group_count;             /* groups with no row are left out */
    int64_t first_unfinished;       /* periods left out from here */
    int64_t last_data; /* the last period any bit reaches; INT64_MIN: none */
    int64_t failed_period; /* when the reconciliation failed: where */
};

/*
 * Counts every table's rows, up to and including period last_complete
 * (absolute).  Rows start, per table, at the period after its first active
 * one (log) or at the period of its earliest start (spans).  RT_OK;
 * RT_ERR_NOMEM; RT_ERR_INVALID when the reconciliation fails (a bug: out
 * then says where, in failed_period, and holds nothing to free).  The
 * result points into the engine, which must outlive it.
 */
enum rt_status rt_cohort_periods(const struct rt_cohort_engine *engine,
                                 bool spans, int64_t last_complete,
                                 struct rt_period_result *out);

/* Frees a result; accepts one zeroed or already freed. */
void rt_period_result_free(struct rt_period_result *result);

#endif
