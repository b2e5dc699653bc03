/*
 * u128.h - unsigned 128-bit arithmetic in ISO C.
 *
 * C17 has no 128-bit integer, and __int128 is missing on some compilers
 * retain must build with, so the few operations the exact rates need are
 * written here on two 64-bit halves.
 */
#ifndef RETAIN_U128_H
#define RETAIN_U128_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct rt_u128 {
    uint64_t hi;
    uint64_t lo;
};

/* Longest decimal text of a 128-bit value, without the NUL. */
#define RT_U128_DIGITS 39

struct rt_u128 rt_u128_from(uint64_t value);
bool rt_u128_is_zero(struct rt_u128 a);
int rt_u128_cmp(struct rt_u128 a, struct rt_u128 b);
/* Sum; sets *overflow when it does not fit (then the result wraps). */
struct rt_u128 rt_u128_add(struct rt_u128 a, struct rt_u128 b, bool *overflow);
/* a - b; requires a >= b. */
struct rt_u128 rt_u128_sub(struct rt_u128 a, struct rt_u128 b);
/* The full product of two 64-bit values. */
struct rt_u128 rt_u128_mul64(uint64_t a, uint64_t b);
/* a * m; sets *overflow when it does not fit. */
struct rt_u128 rt_u128_mul_small(struct rt_u128 a, uint32_t m, bool *overflow);
/*
 * a / d and, in *rem, a % d, when the quotient fits in 64 bits: requires
 * a.hi < d.  Two hardware divisions, where rt_u128_divmod() takes 128
 * steps; for the hot paths.
 */
uint64_t rt_u128_div64(struct rt_u128 a, uint64_t d, uint64_t *rem);
/* Quotient and remainder of a / b; requires b != 0. */
void rt_u128_divmod(struct rt_u128 a, struct rt_u128 b, struct rt_u128 *quot,
                    struct rt_u128 *rem);
/* Writes the decimal digits of a and a NUL; returns the digit count. */
size_t rt_u128_format(struct rt_u128 a, char buf[RT_U128_DIGITS + 1]);

#endif
