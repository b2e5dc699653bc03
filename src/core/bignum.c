/* bignum.c - see bignum.h. */
#include <stdlib.h>
#include <string.h>

#include "bignum.h"
#include "u128.h"

void rt_big_init(struct rt_big *a)
{
    a->limbs = NULL;
    a->len = a->cap = 0;
    a->failed = false;
}

void rt_big_free(struct rt_big *a)
{
    free(a->limbs);
    rt_big_init(a);
}

/* Makes room for n limbs; false (and a marked failed) when there is none. */
static bool reserve(struct rt_big *a, size_t n)
{
    uint32_t *bigger;
    size_t cap;

    if (a->failed)
        return false;
    if (n <= a->cap)
        return true;
    cap = a->cap ? a->cap : 4;
    while (cap < n)
        cap *= 2;
    bigger = cap <= SIZE_MAX / sizeof *bigger
                 ? realloc(a->limbs, cap * sizeof *bigger)
                 : NULL;
    if (!bigger) {
        a->failed = true;
        return false;
    }
    a->limbs = bigger;
    a->cap = cap;
    return true;
}

static void trim(struct rt_big *a)
{
    while (a->len > 0 && a->limbs[a->len - 1] == 0)
        a->len--;
}

/* Marks `to` failed when an operand is; returns whether to go on. */
static bool usable(struct rt_big *to, const struct rt_big *a,
                   const struct rt_big *b)
{
    if (a->failed || (b && b->failed))
        to->failed = true;
    return !to->failed;
}

/* Moves the value of `from` into `to`, leaving `from` empty. */
static void take(struct rt_big *to, struct rt_big *from)
{
    bool failed = to->failed || from->failed;

    free(to->limbs);
    *to = *from;
    to->failed = failed;
    rt_big_init(from);
}

void rt_big_set(struct rt_big *a, uint64_t value)
{
    if (!reserve(a, 2))
        return;
    a->limbs[0] = (uint32_t)value;
    a->limbs[1] = (uint32_t)(value >> 32);
    a->len = 2;
    trim(a);
}

void rt_big_copy(struct rt_big *to, const struct rt_big *from)
{
    if (to == from || !usable(to, from, NULL) || !reserve(to, from->len))
        return;
    if (from->len)
        memcpy(to->limbs, from->limbs, from->len * sizeof *from->limbs);
    to->len = from->len;
}

void rt_big_set_words(struct rt_big *a, const uint64_t *words, size_t count)
{
    size_t i;

    if (count > SIZE_MAX / 2 || !reserve(a, count * 2))
        return;
    for (i = 0; i < count; i++) {
        a->limbs[2 * i] = (uint32_t)words[i];
        a->limbs[2 * i + 1] = (uint32_t)(words[i] >> 32);
    }
    a->len = count * 2;
    trim(a);
}

int rt_big_cmp(const struct rt_big *a, const struct rt_big *b)
{
    size_t i;

    if (a->len != b->len)
        return a->len < b->len ? -1 : 1;
    for (i = a->len; i-- > 0;)
        if (a->limbs[i] != b->limbs[i])
            return a->limbs[i] < b->limbs[i] ? -1 : 1;
    return 0;
}

bool rt_big_is_zero(const struct rt_big *a)
{
    return a->len == 0;
}

size_t rt_big_bits(const struct rt_big *a)
{
    uint32_t top;
    size_t bits;

    if (a->len == 0)
        return 0;
    top = a->limbs[a->len - 1];
    bits = (a->len - 1) * 32;
    while (top) {
        bits++;
        top >>= 1;
    }
    return bits;
}

static uint32_t limb(const struct rt_big *a, size_t i)
{
    return i < a->len ? a->limbs[i] : 0;
}

void rt_big_add(struct rt_big *to, const struct rt_big *a,
                const struct rt_big *b)
{
    size_t n = (a->len > b->len ? a->len : b->len), i;
    uint64_t carry = 0;

    if (!usable(to, a, b) || !reserve(to, n + 1))
        return;
    /* Limb i of a and b is read before limb i of `to` is written. */
    for (i = 0; i < n; i++) {
        carry += (uint64_t)limb(a, i) + limb(b, i);
        to->limbs[i] = (uint32_t)carry;
        carry >>= 32;
    }
    to->limbs[n] = (uint32_t)carry;
    to->len = n + 1;
    trim(to);
}

void rt_big_sub(struct rt_big *to, const struct rt_big *a,
                const struct rt_big *b)
{
    size_t n = a->len, i;
    int64_t borrow = 0;

    if (!usable(to, a, b) || !reserve(to, n))
        return;
    for (i = 0; i < n; i++) {
        int64_t d = (int64_t)limb(a, i) - (int64_t)limb(b, i) - borrow;

        borrow = d < 0;
        to->limbs[i] = (uint32_t)(d + (borrow ? (int64_t)1 << 32 : 0));
    }
    to->len = n;
    trim(to);
}

void rt_big_mul(struct rt_big *to, const struct rt_big *a,
                const struct rt_big *b)
{
    struct rt_big product;
    size_t i, j;

    rt_big_init(&product);
    if (!usable(to, a, b))
        return;
    if (a->len == 0 || b->len == 0) {
        to->len = 0;
        return;
    }
    if (!reserve(&product, a->len + b->len)) {
        to->failed = true;
        return;
    }
    memset(product.limbs, 0, (a->len + b->len) * sizeof *product.limbs);
    for (i = 0; i < a->len; i++) {
        uint64_t carry = 0;

        for (j = 0; j < b->len; j++) {
            carry += (uint64_t)a->limbs[i] * b->limbs[j] + product.limbs[i + j];
            product.limbs[i + j] = (uint32_t)carry;
            carry >>= 32;
        }
        product.limbs[i + b->len] = (uint32_t)carry;
    }
    product.len = a->len + b->len;
    trim(&product);
    take(to, &product);
}

void rt_big_mul_small(struct rt_big *to, const struct rt_big *a, uint32_t m)
{
    uint64_t carry = 0;
    size_t n = a->len, i;

    if (!usable(to, a, NULL) || !reserve(to, n + 1))
        return;
    for (i = 0; i < n; i++) {
        carry += (uint64_t)a->limbs[i] * m;
        to->limbs[i] = (uint32_t)carry;
        carry >>= 32;
    }
    to->limbs[n] = (uint32_t)carry;
    to->len = n + 1;
    trim(to);
}

void rt_big_pow(struct rt_big *to, const struct rt_big *base, uint64_t exp)
{
    struct rt_big result, square;

    rt_big_init(&result);
    rt_big_init(&square);
    rt_big_set(&result, 1);
    rt_big_copy(&square, base);
    while (exp > 0) {
        if (exp & 1)
            rt_big_mul(&result, &result, &square);
        exp >>= 1;
        if (exp > 0)
            rt_big_mul(&square, &square, &square);
    }
    if (!usable(&result, &square, base))
        to->failed = true;
    take(to, &result);
    rt_big_free(&square);
}

void rt_big_shl(struct rt_big *to, const struct rt_big *a, size_t bits)
{
    struct rt_big shifted;
    size_t whole = bits / 32, part = bits % 32, i;

    rt_big_init(&shifted);
    if (!usable(to, a, NULL))
        return;
    if (a->len == 0) {
        to->len = 0;
        return;
    }
    if (!reserve(&shifted, a->len + whole + 1)) {
        to->failed = true;
        return;
    }
    memset(shifted.limbs, 0, (a->len + whole + 1) * sizeof *shifted.limbs);
    for (i = 0; i < a->len; i++) {
        uint64_t v = (uint64_t)a->limbs[i] << part;

        shifted.limbs[i + whole] |= (uint32_t)v;
        shifted.limbs[i + whole + 1] |= (uint32_t)(v >> 32);
    }
    shifted.len = a->len + whole + 1;
    trim(&shifted);
    take(to, &shifted);
}

void rt_big_shr(struct rt_big *to, const struct rt_big *a, size_t bits)
{
    size_t whole = bits / 32, part = bits % 32, n, i;

    if (!usable(to, a, NULL))
        return;
    if (whole >= a->len) {
        to->len = 0;
        return;
    }
    n = a->len - whole;
    if (!reserve(to, n))
        return;
    /* Limb i + whole is read before limb i is written, so to may be a. */
    for (i = 0; i < n; i++) {
        uint64_t v = a->limbs[i + whole];

        if (i + whole + 1 < a->len)
            v |= (uint64_t)a->limbs[i + whole + 1] << 32;
        to->limbs[i] = (uint32_t)(v >> part);
    }
    to->len = n;
    trim(to);
}

uint32_t rt_big_div_small(struct rt_big *to, const struct rt_big *a, uint32_t d)
{
    uint64_t rem = 0;
    size_t n = a->len, i;

    if (!usable(to, a, NULL) || !reserve(to, n))
        return 0;
    for (i = n; i-- > 0;) {
        rem = rem << 32 | a->limbs[i];
        to->limbs[i] = (uint32_t)(rem / d);
        rem %= d;
    }
    to->len = n;
    trim(to);
    return (uint32_t)rem;
}

/*
 * One 32-bit limb at a time from the top: the remainder so far (below d)
 * and the next limb make a 96-bit number whose quotient by d is one limb.
 */
uint64_t rt_big_div_u64(struct rt_big *to, const struct rt_big *a, uint64_t d)
{
    uint64_t rem = 0;
    size_t n = a->len, i;

    if (!usable(to, a, NULL) || !reserve(to, n))
        return 0;
    for (i = n; i-- > 0;) {
        struct rt_u128 part = {rem >> 32, rem << 32 | a->limbs[i]};

        to->limbs[i] = (uint32_t)rt_u128_div64(part, d, &rem);
    }
    to->len = n;
    trim(to);
    return rem;
}

static bool bit_of(const struct rt_big *a, size_t bit)
{
    return (a->limbs[bit / 32] >> (bit % 32)) & 1;
}

/* a = 2a + bit, in place. */
static void double_plus(struct rt_big *a, bool bit)
{
    uint32_t carry = bit;
    size_t i;

    if (!reserve(a, a->len + 1))
        return;
    for (i = 0; i < a->len; i++) {
        uint32_t top = a->limbs[i] >> 31;

        a->limbs[i] = a->limbs[i] << 1 | carry;
        carry = top;
    }
    if (carry)
        a->limbs[a->len++] = carry;
}

/*
 * Long division a bit at a time: simple enough to trust, and fast enough
 * for the few divisions of a few thousand bits that a figure needs.
 */
void rt_big_divmod(struct rt_big *quot, struct rt_big *rem,
                   const struct rt_big *a, const struct rt_big *b)
{
    struct rt_big q, r;
    size_t bits = rt_big_bits(a), i;

    rt_big_init(&q);
    rt_big_init(&r);
    if (!usable(&q, a, b) || !reserve(&q, a->len + 1))
        bits = 0;
    else {
        memset(q.limbs, 0, (a->len + 1) * sizeof *q.limbs);
        q.len = a->len;
    }
    for (i = bits; i-- > 0 && !r.failed;) {
        double_plus(&r, bit_of(a, i));
        if (rt_big_cmp(&r, b) >= 0) {
            rt_big_sub(&r, &r, b);
            q.limbs[i / 32] |= (uint32_t)1 << (i % 32);
        }
    }
    trim(&q);
    if (r.failed)
        q.failed = true;
    if (quot)
        take(quot, &q);
    if (rem)
        take(rem, &r);
    rt_big_free(&q);
    rt_big_free(&r);
}

size_t rt_big_format(const struct rt_big *a, char *buf, size_t size)
{
    struct rt_big rest;
    size_t len = 0, i;

    if (a->failed || size < 2)
        return 0;
    rt_big_init(&rest);
    rt_big_copy(&rest, a);
    /* Digits come out last first; they are reversed at the end. */
    do {
        uint32_t chunk = rt_big_div_small(&rest, &rest, 1000000000u);
        int k;

        for (k = 0; k < 9 && (chunk > 0 || rest.len > 0 || k == 0); k++) {
            if (len + 1 >= size || rest.failed) {
                rt_big_free(&rest);
                return 0;
            }
            buf[len++] = (char)('0' + chunk % 10);
            chunk /= 10;
        }
    } while (rest.len > 0);
    rt_big_free(&rest);
    for (i = 0; i < len / 2; i++) {
        char c = buf[i];

        buf[i] = buf[len - 1 - i];
        buf[len - 1 - i] = c;
    }
    buf[len] = '\0';
    return len;
}
