/*
 * cohort_engine.h - the cohort retention triangle of an activity log
 * (internal).
 *
 * The engine is fed events one at a time, in any order: a customer ID, the
 * index of the calendar period the event falls in (consecutive periods
 * have consecutive indices; what a period is, day to year, is the
 * caller's), whether the event is a start event and whether it is a
 * return event, and optionally a segment value and a signup period.  It
 * keeps per customer only:
 *
 *   - the cohort: the least period of its start events, or, when cohorts
 *     come from a signup column, the least signup period of its rows;
 *   - the segment: the value on its earliest start event (by period, then
 *     by day; ties: the first in input order; a customer with no start event,
 * which only a signup column can put in a cohort, takes the value on its
 * earliest event);
 *   - the set of periods with a return event, as a bitmap.
 *
 * Memory grows with customers and periods, never with events.  Per
 * customer: the ID's bytes and 43 bytes beside them in the ID set's arena
 * (idset.h: a 3-byte header and a 40-byte record; 23 bytes, the record
 * 20, when the engine neither groups nor reads signups nor takes a table's
 * rows), 4 to 8 bytes of hash
 * table, and, only when its return events span more than 64 periods, a
 * bitmap of one bit per period of that span, rounded up to 8 bytes (plus
 * the allocator's overhead).  Each distinct segment value is kept once.
 * Periods are kept relative to the first period fed, in 32 bits: every
 * period and signup must lie within 2^30 - 1 periods of it.
 *
 * A subscription table feeds the engine rows instead
 * (rt_cohort_engine_add_span()): each row sets a range of bits, whose
 * meaning enum rt_span_bits gives, and a row with no end is remembered as
 * an open start per customer (the least), marked up to the last period
 * read by rt_cohort_engine_close_open() once every row is in (so is a row
 * reaching past the latest start, on an engine bounded to its starts).  Only
 * the union of a customer's rows is kept: overlapping or touching rows are one
 * stretch.
 *
 * rt_cohort_finish() then builds, for a cut-off (the last complete period)
 * and a mode, one triangle per segment and one over all customers, in
 * plain arrays for the emitters to walk; the engine never prints.
 */
#ifndef RETAIN_COHORT_ENGINE_H
#define RETAIN_COHORT_ENGINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "idset.h"
#include "retain.h"

/*
 * What a subscription table's bits mean (--spans), and how its rows map to
 * them (the reader computes each row's range):
 *   RT_SPAN_BITS_NONE: an activity log: bit p, an event in period p;
 *   RT_SPAN_BITS_END: bit p, subscribed on the first day of period p + 1
 *     (retain cohorts --spans);
 *   RT_SPAN_BITS_PERIODS: doubled: bit 2p, subscribed on some day of p; bit
 *     2p + 1, on the first day of p + 1 (retain periods --spans).
 */
enum rt_span_bits { RT_SPAN_BITS_NONE, RT_SPAN_BITS_END, RT_SPAN_BITS_PERIODS };

/* One event.  The bytes it points to are copied when kept. */
struct rt_cohort_event {
    const char *id; /* the customer's ID, id_len <= RT_ID_MAX bytes */
    size_t id_len;
    int64_t period; /* the index of the event's period */
    bool start;     /* a start event (without --start-event: every event) */
    bool returning; /* a return event (without --return-event: every one) */
    const char *segment; /* the --group-by value; NULL when not grouping */
    size_t segment_len;  /* at most RT_ID_MAX bytes */
    bool has_signup;     /* signup holds the row's signup period */
    int64_t signup;
    int32_t day; /* the event's day: orders one period's events (segment) */
};

struct rt_cohort_engine {
    struct rt_idset customers; /* each with a record as its payload */
    struct rt_idset segments;  /* the segment values, in order of appearance */
    uint64_t key[2];
    bool from_signup; /* cohorts from the signup column */
    bool grouped;     /* events may carry a segment */
    bool spans;       /* takes rows of a subscription table (add_span) */
    bool started;     /* origin is set */
    int64_t origin;   /* the first period fed: periods are kept relative */
    bool bounded;     /* spans: bits marked only up to the latest start */
    bool have_horizon;
    int32_t horizon; /* bounded: the greatest lo fed (relative) */
};

/*
 * Prepares an empty engine hashed under `key` (two random words, as for
 * idset.h).  With from_signup, a customer's cohort is the least signup
 * period of its rows and start events only choose its segment; without,
 * the least period of its start events.  Only a grouped engine takes
 * events with a segment.  An engine with neither keeps half the record
 * per customer (cohort_customer.h) and takes no event with a signup
 * either: rt_cohort_engine_add() says RT_ERR_INVALID.
 */
void rt_cohort_engine_init(struct rt_cohort_engine *engine,
                           const uint64_t key[2], bool from_signup,
                           bool grouped);

/*
 * Prepares an empty engine for a subscription table, fed with
 * rt_cohort_engine_add_span(): cohorts from the rows' starts, the full
 * record per customer (its open start needs room), grouped or not.
 */
void rt_cohort_engine_init_spans(struct rt_cohort_engine *engine,
                                 const uint64_t key[2], bool grouped);

/* Frees what the engine holds; accepts an engine never fed. */
void rt_cohort_engine_free(struct rt_cohort_engine *engine);

/*
 * Takes one event.  RT_OK; RT_ERR_INVALID when it carries a segment or a
 * signup the engine does not take (rt_cohort_engine_init()); RT_ERR_RANGE when
 * the ID or segment is longer than RT_ID_MAX bytes, the ID set is full
 * (idset.h), or a period or signup is 2^30 periods or more away from the first
 * period fed; RT_ERR_NOMEM.  After an error the engine is as if the event had
 * been fed only in part (its customer may be known): it can still be freed,
 * finished or fed again.
 */
enum rt_status rt_cohort_engine_add(struct rt_cohort_engine *engine,
                                    const struct rt_cohort_event *event);

/*
 * Takes count events, as many rt_cohort_engine_add() calls would, but
 * faster: the memory of several lookups is fetched at once.  Sets *fed to
 * the events taken; on an error, the event events[*fed] is the one that
 * failed, as rt_cohort_engine_add() says, and those after it are not
 * taken.  A caller reading rows keeps a few dozen events (and the bytes
 * they point to) and feeds them together.
 */
enum rt_status rt_cohort_engine_add_many(struct rt_cohort_engine *engine,
                                         const struct rt_cohort_event *events,
                                         size_t count, size_t *fed);

/*
 * The hash of a customer ID, as the engine's set of customers computes it.
 * It reads only the key, fixed by rt_cohort_engine_init(): one thread may
 * hash the IDs of the rows it reads while another feeds the engine.
 */
uint64_t rt_cohort_engine_hash(const struct rt_cohort_engine *engine,
                               const char *id, size_t len);

/*
 * rt_cohort_engine_add_many() with the hash of each event's ID given,
 * hashes[i] from rt_cohort_engine_hash() for events[i].
 */
enum rt_status rt_cohort_engine_add_hashed(struct rt_cohort_engine *engine,
                                           const struct rt_cohort_event *events,
                                           const uint64_t *hashes, size_t count,
                                           size_t *fed);

/*
 * Takes one row of a subscription table: marks bits lo..hi (absolute
 * indices, in the units of the table's enum rt_span_bits) of the event's
 * customer, as return events would one by one, but a word at a time; lo >
 * hi marks none.  The event's start, segment and day are noted as by
 * rt_cohort_engine_add() at event->period (its `returning` is not read).
 * open: the row has no end; lo is also remembered as an open start, which
 * rt_cohort_engine_close_open() marks on from.  RT_OK; RT_ERR_INVALID on an
 * engine not made by rt_cohort_engine_init_spans(), for an event with a
 * signup, or one with a segment on an engine not grouping; RT_ERR_RANGE as
 * rt_cohort_engine_add() says, for lo and hi (when lo <= hi) too;
 * RT_ERR_NOMEM.  On an error, as rt_cohort_engine_add() says.
 */
enum rt_status rt_cohort_engine_add_span(struct rt_cohort_engine *engine,
                                         const struct rt_cohort_event *event,
                                         int64_t lo, int64_t hi, bool open);

/* A row's range, for the batches below. */
struct rt_cohort_span {
    int64_t lo, hi;
    bool open;
};

/*
 * rt_cohort_engine_add_span() for count rows, as
 * rt_cohort_engine_add_hashed() is rt_cohort_engine_add() for many events:
 * spans[i] is events[i]'s range, hashes[i] its ID's hash.
 */
enum rt_status rt_cohort_engine_add_spans_hashed(
    struct rt_cohort_engine *engine, const struct rt_cohort_event *events,
    const struct rt_cohort_span *spans, const uint64_t *hashes, size_t count,
    size_t *fed);

/*
 * Bounds a span engine's memory by the range of its rows' starts, for a
 * table whose cut-off is its latest start (no --as-of): an end far in the
 * future (9999-12-31 for "no end") would otherwise mark bits up to it.  A
 * row whose hi reaches the greatest lo fed so far (the horizon) is kept in
 * its customer's tail like an open row, not marked; the tail's bits come
 * from rt_cohort_engine_close_open(), which must then be called before
 * finishing.  The bits up to the cut-off are the same either way.  Call it
 * before feeding.
 */
void rt_cohort_engine_bound_to_starts(struct rt_cohort_engine *engine);

/*
 * Marks every customer's tail: its open rows, from their least lo, and on
 * a bounded engine its rows past the horizon, through hi (absolute; a row
 * ending before hi up to its end; nothing where hi is below the tail).
 * Call it once all rows are in, before finishing, with hi the last bit the
 * finish reads.  Calling it again with the same hi changes nothing.  RT_OK;
 * RT_ERR_RANGE when hi is 2^30 periods or more above the first period fed
 * (nothing is marked then); RT_ERR_NOMEM (the customers before are marked).
 */
enum rt_status rt_cohort_engine_close_open(struct rt_cohort_engine *engine,
                                           int64_t hi);

enum rt_cohort_mode {
    RT_COHORT_ON,         /* cell k: a return event in period c + k */
    RT_COHORT_ON_OR_AFTER /* in c + k or any later period fed, complete or
                             not: a return at k or after is one */
};

/*
 * One cohort: its customers, and for k < observed the customers active at
 * offset k (as the mode says).  Cells from observed up to the triangle's
 * columns are unobserved: their period c + k ends after the cut-off.
 */
struct rt_cohort_row {
    int64_t cohort;     /* the cohort's period index */
    uint64_t customers; /* never 0: a cohort with no customer is no row */
    size_t observed;    /* at most the result's columns */
    uint64_t *active;   /* observed counts */
};

/*
 * The average row, per column k: over the cohorts whose cell k is
 * observed, their number, the sum of their sizes and of their active
 * counts.  cohorts[k] == 0: no average at k.
 */
struct rt_cohort_average {
    uint64_t *cohorts;
    uint64_t *customers;
    uint64_t *active;
};

/*
 * One triangle: the cohorts of one segment (group points into the
 * engine's segment set, group_len bytes) or of everyone (group NULL), in
 * time order, and their average row.
 */
struct rt_cohort_triangle {
    const char *group;
    size_t group_len;
    uint64_t customers; /* the sum of the rows' sizes */
    size_t columns;     /* the result's, again: the average's length */
    struct rt_cohort_row *rows;
    size_t row_count;
    struct rt_cohort_average average;
};

/* What the caller may want to warn about. */
struct rt_cohort_notes {
    uint64_t without_cohort;   /* customers with no start event (or signup) */
    uint64_t signup_disagrees; /* customers whose rows disagree on signup */
    /*
     * Return activity before the customer's signup period: customers, and
     * distinct (customer, period) pairs.  Events themselves are not
     * counted: that would need memory per event.
     */
    uint64_t early_customers;
    uint64_t early_periods;
};

struct rt_cohort_result {
    size_t columns;        /* k = 0 .. columns - 1, for every triangle */
    int64_t last_complete; /* the cut-off, as given */
    enum rt_cohort_mode mode;
    /* In order of the value's first appearance on any event fed. */
    struct rt_cohort_triangle *groups;
    size_t group_count; /* 0 when no event had a segment */
    struct rt_cohort_triangle overall;
    struct rt_cohort_notes notes;
    uint64_t key[2]; /* the engine's, for rt_cohort_mean_format() */
};

/*
 * Builds the triangles.  last_complete is the index of the last complete
 * period: cells of later periods are unobserved.  max_columns caps the
 * columns (0: no cap); otherwise they run from k = 0 to the last observed
 * cell of the earliest cohort, and k = 0 at least (0 columns only when
 * there is no cohort).  Groups
 * that no customer ended in are left out.  RT_OK, RT_ERR_INVALID for an
 * unknown mode, RT_ERR_NOMEM; on error *result holds nothing to free.
 * The result points into the engine, which must outlive it; free it with
 * rt_cohort_result_free().
 */
/*
 * Sets tri->columns and builds tri's average row from its rows: per
 * column k, the cohorts observed at k, their customers and active ones
 * (rt_cohort_finish() does it for each triangle; a merge of parts too).
 */
enum rt_status rt_cohort_make_average(struct rt_cohort_triangle *tri,
                                      size_t columns);

enum rt_status rt_cohort_finish(const struct rt_cohort_engine *engine,
                                int64_t last_complete, enum rt_cohort_mode mode,
                                size_t max_columns,
                                struct rt_cohort_result *result);

/* Frees a result; accepts one zeroed or already freed. */
void rt_cohort_result_free(struct rt_cohort_result *result);

/*
 * The rates, as rt_percent_format() writes them: exact, rounded once, half
 * away from zero, `precision` (0 to RT_PRECISION_MAX) digits, into buf of
 * at least RT_RATE_TEXT_SIZE bytes.  RT_ERR_RANGE for an unobserved cell
 * or a column with no average; RT_ERR_PRECISION; RT_ERR_BUFFER.
 */
enum rt_status rt_cohort_cell_format(const struct rt_cohort_row *row, size_t k,
                                     unsigned precision, char *buf,
                                     size_t size);

/* The pooled average at k: sum of active / sum of sizes. */
enum rt_status rt_cohort_pooled_format(const struct rt_cohort_triangle *tri,
                                       size_t k, unsigned precision, char *buf,
                                       size_t size);

/*
 * The mean average at k: the exact mean of the observed cohorts' rates
 * (also RT_ERR_NOMEM).  Fast in fixed point (mean.h); where that leaves
 * the rounding undecided, worked out with big numbers.
 */
enum rt_status rt_cohort_mean_format(const struct rt_cohort_result *result,
                                     const struct rt_cohort_triangle *tri,
                                     size_t k, unsigned precision, char *buf,
                                     size_t size);

/* The same by big numbers alone, the slow path; for tests. */
enum rt_status rt_cohort_mean_exact(const struct rt_cohort_triangle *tri,
                                    size_t k, unsigned precision, char *buf,
                                    size_t size);

#endif
