/*
 * exact.h - correctly rounded decimals of ratios, powers and logarithms
 * (internal).
 *
 * Every function here writes the decimal text of a real number rounded
 * half away from zero to `precision` digits after the point, and is exact:
 * ratios by long division, powers by comparing integers, logarithms by
 * narrowing an interval until both of its ends round the same way.
 * Each returns false when memory runs out or the text does not fit.
 */
#ifndef RETAIN_EXACT_H
#define RETAIN_EXACT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bignum.h"

/* The greatest common divisor of a and b (a when b is 0). */
uint64_t rt_gcd(uint64_t a, uint64_t b);

/* num / den * 10^shift; den must not be zero. */
bool rt_exact_ratio(const struct rt_big *num, const struct rt_big *den,
                    unsigned shift, unsigned precision, char *buf, size_t size);

/*
 * x = (a / s)^(p / q) * 10^shift, and 10^shift - x, for 0 <= a <= s,
 * s >= 1, p, q >= 1: retention over another length of period and its
 * churn.  Each is rounded on its own from its exact value.
 */
bool rt_exact_power(uint64_t a, uint64_t s, uint64_t p, uint64_t q,
                    unsigned shift, unsigned precision, char *power,
                    char *complement, size_t size);

/* The same by the integer proof only, without the fast path; for tests. */
bool rt_exact_power_proved(uint64_t a, uint64_t s, uint64_t p, uint64_t q,
                           unsigned shift, unsigned precision, char *power,
                           char *complement, size_t size);

/*
 * ln 2 / ln(s / a) * (fn / fd), for 1 <= a < s and fn, fd >= 1: the
 * median lifetime in periods (fn = fd = 1) or another unit.
 */
bool rt_exact_median(uint64_t a, uint64_t s, uint64_t fn, uint64_t fd,
                     unsigned precision, char *buf, size_t size);

/* The same by the interval method only, without the fast path; for tests. */
bool rt_exact_median_interval(uint64_t a, uint64_t s, uint64_t fn, uint64_t fd,
                              unsigned precision, char *buf, size_t size);

#endif
