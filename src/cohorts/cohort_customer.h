/*
 * cohort_customer.h - what the cohort engine keeps per customer, and its
 * bitmap of active periods (internal to src/cohorts).
 *
 * The record is the payload of the customer's ID in the ID set, so that
 * the lookup that finds an ID finds its record in the same cache line.
 * It sits there at no particular alignment: it is copied out with
 * cohort_customer_get() and back with cohort_customer_put().
 */
#ifndef RETAIN_COHORT_CUSTOMER_H
#define RETAIN_COHORT_CUSTOMER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cohort_engine.h"
#include "retain.h"

/* No such period: no start event, no signup. */
#define COHORT_NO_PERIOD INT32_MAX

/* No segment: the engine is not grouping. */
#define COHORT_NO_SEGMENT UINT32_MAX

/*
 * Periods relative to the engine's origin stay within this distance, so
 * that a bitmap's base, moved down a word at a time, stays in 32 bits.
 */
#define COHORT_PERIOD_REACH ((int64_t)1 << 30)

/*
 * A subscription table's customer keeps one "tail" [tail_lo, tail_hi]
 * unmarked: the union of its rows with no end and, on an engine bounded to
 * its starts (rt_cohort_engine_bound_to_starts()), of its rows reaching past
 * the latest start fed; rt_cohort_engine_close_open() marks it up to the
 * cut-off.  A tail with no end has this tail_hi.
 */
#define COHORT_TAIL_OPEN INT32_MAX

/* Flags of a record. */
#define COHORT_SEGMENT_FROM_START 1u /* the segment came from a start event */
#define COHORT_SIGNUP_DISAGREES   2u /* rows gave different signup periods */

/*
 * 40 bytes, as the ID set's payload: keep it so.  Periods are relative to
 * the engine's origin.  The active periods are bits from `base` on: one
 * word inline while they span 64 periods or fewer, an allocated array of
 * `words` words beyond.
 *
 * An engine that neither groups nor takes cohorts from signups keeps only
 * the first COHORT_COMPACT_SIZE bytes, the fields it uses: 20 bytes where
 * 40 would often put an ID and its record on two cache lines, and the
 * lookup of every event waits for memory.  cohort_customer_get() fills in
 * the rest as a new customer has it, so no reader needs to know.
 */
struct cohort_customer {
    union {
        uint64_t bits;
        uint64_t *heap;
    } active;
    int32_t base;        /* the period of bit 0 */
    int32_t first_start; /* the least period of a start event */
    uint32_t words;      /* 0: no return event; 1: inline; more: heap */
    /* Only in the full record, from here on. */
    union {
        int32_t signup;  /* the least signup period (--cohort-col) */
        int32_t tail_lo; /* spans, which read no signup: the tail's first
                            bit (below), COHORT_NO_PERIOD for none */
    };
    union {
        int32_t segment_period; /* the period of the event that set segment */
        int32_t tail_hi;        /* spans, whose rows' days alone order them: the
                                   tail's last bit, COHORT_TAIL_OPEN for no end */
    };
    int32_t segment_day; /* and its day, which orders a period's events */
    uint32_t segment;    /* an entry of the engine's segment set */
    uint32_t flags;
};

_Static_assert(sizeof(struct cohort_customer) == 40,
               "the record is 40 bytes beside each ID (cohort_engine.h)");

#define COHORT_COMPACT_SIZE offsetof(struct cohort_customer, signup)

_Static_assert(COHORT_COMPACT_SIZE == 20,
               "the compact record is 20 bytes beside each ID");

/* A new customer's record: no period, no segment, no bit. */
void cohort_customer_new(struct cohort_customer *customer);

void cohort_customer_get(const struct rt_cohort_engine *engine, size_t entry,
                         struct cohort_customer *customer);
void cohort_customer_put(struct rt_cohort_engine *engine, size_t entry,
                         const struct cohort_customer *customer);

/*
 * Walks the customers in order of first appearance: start with *entry =
 * 0; false at the end.
 */
bool cohort_customer_next(const struct rt_cohort_engine *engine, size_t *entry,
                          struct cohort_customer *customer);

/* The customer's cohort, or COHORT_NO_PERIOD when it has none. */
int32_t cohort_customer_cohort(const struct rt_cohort_engine *engine,
                               const struct cohort_customer *customer);

/* Walks the active periods from lo to hi, both included, in order. */
struct cohort_bit_walk {
    const uint64_t *words;
    size_t count, index;
    uint64_t current; /* bits of words[index] not yet walked */
    int64_t base, hi;
};

void cohort_bit_walk_start(struct cohort_bit_walk *walk,
                           const struct cohort_customer *customer, int64_t lo,
                           int64_t hi);
bool cohort_bit_walk_next(struct cohort_bit_walk *walk, int64_t *period);

#endif
