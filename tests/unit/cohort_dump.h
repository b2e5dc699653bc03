/*
 * cohort_dump.h - a cohort engine's result as text, for the tests to
 * compare with what they work out by hand.
 *
 * One line per row, "LABEL: c=COHORT n=SIZE CELL...", where LABEL is the
 * group or "*" for all customers and an unobserved CELL is "."; then per
 * triangle "LABEL: avg" and per column "COHORTS/CUSTOMERS/ACTIVE" or ".";
 * last "notes: WITHOUT DISAGREES EARLY_CUSTOMERS/EARLY_PERIODS".
 */
#ifndef RETAIN_TEST_COHORT_DUMP_H
#define RETAIN_TEST_COHORT_DUMP_H

#include <stdbool.h>
#include <stddef.h>

#include "cohort_engine.h"

/* Writes the dump to buf; false when it does not fit in size bytes. */
bool cohort_dump(const struct rt_cohort_result *result, char *buf, size_t size);

/*
 * Writes an engine's customers as fed (rt_cohort_engine_add_span()), one
 * line each in order of first appearance: "ID c=FIRST open=LO BITS", BITS
 * the ranges "lo..hi" of set bits or " -" for none, every period less
 * `base`, "open=-" with no open row; "tail=LO..HI" instead of "open=LO"
 * for a tail with an end (rows past the latest start of an engine bounded
 * to its starts).  False when it does not fit.
 */
bool cohort_dump_spans(const struct rt_cohort_engine *engine, int64_t base,
                       char *buf, size_t size);

#endif
