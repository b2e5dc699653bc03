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

#endif
