/*
 * bignum.h - natural numbers of any size, for exact comparisons (internal).
 *
 * Converted rates compare (2n + 1)^q * S^p with A^p * (2 * 10^d)^q for
 * exponents up to 1461, and lifetime values multiply three 64-bit numbers:
 * both are far beyond 128 bits.  Digits are 32-bit limbs, least significant
 * first, so that every product of two fits in 64 bits.
 *
 * Errors are sticky, as with ferror(): an operation that cannot allocate
 * marks its result failed, and every result computed from a failed number
 * is failed too, so a caller checks once, at the end.
 */
#ifndef RETAIN_BIGNUM_H
#define RETAIN_BIGNUM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct rt_big {
    uint32_t *limbs;
    size_t len, cap; /* no zero limb at the top: zero has len 0 */
    bool failed;
};

void rt_big_init(struct rt_big *a);
void rt_big_free(struct rt_big *a);
void rt_big_set(struct rt_big *a, uint64_t value);
void rt_big_copy(struct rt_big *to, const struct rt_big *from);
/* Sets a to the value of `count` 64-bit words, least significant first. */
void rt_big_set_words(struct rt_big *a, const uint64_t *words, size_t count);

/* Comparisons: <0, 0, >0 as a is below, equal to or above b. */
int rt_big_cmp(const struct rt_big *a, const struct rt_big *b);
bool rt_big_is_zero(const struct rt_big *a);
size_t rt_big_bits(const struct rt_big *a);

/* to = a op b; `to` may be a or b. */
void rt_big_add(struct rt_big *to, const struct rt_big *a,
                const struct rt_big *b);
void rt_big_sub(struct rt_big *to, const struct rt_big *a,
                const struct rt_big *b); /* requires a >= b */
void rt_big_mul(struct rt_big *to, const struct rt_big *a,
                const struct rt_big *b);
void rt_big_mul_small(struct rt_big *to, const struct rt_big *a, uint32_t m);
void rt_big_pow(struct rt_big *to, const struct rt_big *base, uint64_t exp);
void rt_big_shl(struct rt_big *to, const struct rt_big *a, size_t bits);
void rt_big_shr(struct rt_big *to, const struct rt_big *a, size_t bits);

/* to = a / d, returning a % d; d must not be 0. */
uint32_t rt_big_div_small(struct rt_big *to, const struct rt_big *a,
                          uint32_t d);

/* to = a / d, returning a % d; d must not be 0.  `to` may be a. */
uint64_t rt_big_div_u64(struct rt_big *to, const struct rt_big *a, uint64_t d);

/*
 * quot = a / b and rem = a % b (either may be NULL); b must not be 0.
 * quot and rem must not be a or b.
 */
void rt_big_divmod(struct rt_big *quot, struct rt_big *rem,
                   const struct rt_big *a, const struct rt_big *b);

/*
 * Writes the decimal digits of a and a NUL to buf; returns their count, or
 * 0 when they do not fit in size bytes or a failed.
 */
size_t rt_big_format(const struct rt_big *a, char *buf, size_t size);

#endif
