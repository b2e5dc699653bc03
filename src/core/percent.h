/*
 * percent.h - exact percentages of 128-bit ratios (internal).
 *
 * The public rt_percent_format() covers one period; batch summaries divide
 * sums of many counts, which need the wider operands here.
 */
#ifndef RETAIN_PERCENT_H
#define RETAIN_PERCENT_H

#include <stdbool.h>
#include <stddef.h>

#include "retain.h"
#include "u128.h"

/*
 * Writes (num / den) * 100, negated when `negative`, rounded half away from
 * zero to `precision` digits.  den must be non-zero and below 2^124.
 */
enum rt_status rt_percent_u128(bool negative, struct rt_u128 num,
                               struct rt_u128 den, unsigned precision,
                               char *buf, size_t size);

/* The same by long division only, without the 64-bit fast path; for tests. */
enum rt_status rt_percent_long(bool negative, struct rt_u128 num,
                               struct rt_u128 den, unsigned precision,
                               char *buf, size_t size);

/* Sets rate to (num / den) * 100 as rt_percent_format does, with its length. */
enum rt_status rt_rate_set(struct rt_rate *rate, struct rt_wide num,
                           uint64_t den, unsigned precision);

/*
 * Sets rate to num / den and complement to (den - num) / den, both * 100,
 * with one division.  Each is rounded on its own from its exact value.
 * Returns false, setting nothing, when the operands are too large for the
 * fast path; rt_rate_set() then does each.
 */
bool rt_rate_split(struct rt_wide num, uint64_t den, unsigned precision,
                   struct rt_rate *rate, struct rt_rate *complement);

#endif
