/* mean.c - see mean.h. */
#include <string.h>

#include "bignum.h"
#include "mean.h"
#include "percent.h"

#define E9  UINT64_C(1000000000)
#define E18 UINT64_C(1000000000000000000)

/* Digits after the point of a percentage that the fixed point holds. */
#define FIXED_DECIMALS 25

/* Up to this, value * 10^9 fits in 64 bits. */
#define SMALL_VALUE (UINT64_MAX / E9)

/* 10^n for n up to 19, the largest power of ten in 64 bits. */
static uint64_t ten_to(unsigned n)
{
    uint64_t p = 1;

    while (n-- > 0)
        p *= 10;
    return p;
}

void rt_mean_init(struct rt_mean *mean, const uint64_t key[2])
{
    memset(mean, 0, sizeof *mean);
    rt_fracsum_init(&mean->rest, key);
}

void rt_mean_free(struct rt_mean *mean)
{
    rt_fracsum_free(&mean->rest);
}

void rt_mean_clear(struct rt_mean *mean)
{
    mean->rows = 0;
    memset(mean->part, 0, sizeof mean->part);
    rt_fracsum_clear(&mean->rest);
}

/*
 * Long division of value * 10^27 by start, nine digits at a time, while
 * value * 10^9 fits in 64 bits (every realistic count): the first step
 * gives the whole part and the first nine digits at once.  Three hardware
 * divisions, or one when the digits end early.
 */
static void term_small(struct rt_mean_term *t, uint64_t value)
{
    uint64_t x = value * E9, d;

    d = x / t->start;
    x = x % t->start * E9;
    t->whole = d / E9;
    t->high = d % E9;
    t->low = t->left = 0;
    if (x == 0)
        return;
    d = x / t->start;
    x = x % t->start * E9;
    t->low = d * E9 + x / t->start;
    t->left = x % t->start;
}

/* The same for any counts, in steps of 18 and 9 digits past the whole. */
static void term_large(struct rt_mean_term *t, uint64_t value)
{
    uint64_t rest = value % t->start, d1, d2;

    t->whole = value / t->start;
    d1 = rt_u128_div64(rt_u128_mul64(rest, E18), t->start, &rest);
    d2 = rt_u128_div64(rt_u128_mul64(rest, E9), t->start, &rest);
    t->high = d1 / E9;
    t->low = d1 % E9 * E9 + d2;
    t->left = rest;
}

void rt_mean_term(struct rt_mean_term *term, struct rt_wide retained,
                  uint64_t start)
{
    term->negative = retained.negative;
    term->start = start;
    if (retained.magnitude <= SMALL_VALUE && start <= SMALL_VALUE)
        term_small(term, retained.magnitude);
    else
        term_large(term, retained.magnitude);
}

/* sum += value, without a branch: rows come in no order a CPU can guess. */
static void add_to(struct rt_u128 *sum, uint64_t value)
{
    sum->lo += value;
    sum->hi += sum->lo < value;
}

bool rt_mean_add(struct rt_mean *mean, const struct rt_mean_term *term)
{
    struct rt_mean_part *part = &mean->part[term->negative ? 1 : 0];

    mean->rows++;
    add_to(&part->whole, term->whole);
    add_to(&part->high, term->high);
    add_to(&part->low, term->low);
    if (term->left == 0)
        return true;
    part->cut++;
    /* Most rows of a large input come here with the rest given up. */
    return mean->rest.overflowed ||
           rt_fracsum_add(&mean->rest, term->start, term->left, term->negative);
}

bool rt_mean_merge(struct rt_mean *into, const struct rt_mean *from)
{
    unsigned i;

    into->rows += from->rows;
    for (i = 0; i < 2; i++) {
        struct rt_mean_part *to = &into->part[i];
        const struct rt_mean_part *part = &from->part[i];
        bool ignored = false;

        to->whole = rt_u128_add(to->whole, part->whole, &ignored);
        to->high = rt_u128_add(to->high, part->high, &ignored);
        to->low = rt_u128_add(to->low, part->low, &ignored);
        to->cut += part->cut;
    }
    return rt_fracsum_merge(&into->rest, &from->rest);
}

bool rt_mean_keeps_rest(const struct rt_mean *mean)
{
    return !mean->rest.overflowed;
}

void rt_mean_decline_rest(struct rt_mean *mean)
{
    rt_fracsum_decline(&mean->rest);
}

/*
 * The interval's ends need 256 bits: a whole part below 2^128 times
 * 10^27.  Words are least significant first.
 */
struct u256 {
    uint64_t w[4];
};

static struct u256 u256_from(struct rt_u128 value)
{
    struct u256 r = {{value.lo, value.hi, 0, 0}};
    return r;
}

static struct u256 u256_add(struct u256 a, struct u256 b)
{
    uint64_t carry = 0;
    unsigned i;

    for (i = 0; i < 4; i++) {
        uint64_t sum = a.w[i] + carry;

        carry = sum < carry;
        sum += b.w[i];
        carry += sum < b.w[i];
        a.w[i] = sum;
    }
    return a;
}

/* a - b; requires a >= b. */
static struct u256 u256_sub(struct u256 a, struct u256 b)
{
    uint64_t borrow = 0;
    unsigned i;

    for (i = 0; i < 4; i++) {
        uint64_t next = a.w[i] < b.w[i] || (a.w[i] == b.w[i] && borrow);

        a.w[i] = a.w[i] - b.w[i] - borrow;
        borrow = next;
    }
    return a;
}

static int u256_cmp(struct u256 a, struct u256 b)
{
    unsigned i;

    for (i = 4; i-- > 0;)
        if (a.w[i] != b.w[i])
            return a.w[i] < b.w[i] ? -1 : 1;
    return 0;
}

/* a * m; the callers' products fit. */
static struct u256 u256_mul(struct u256 a, uint64_t m)
{
    uint64_t carry = 0;
    unsigned i;

    for (i = 0; i < 4; i++) {
        struct rt_u128 p = rt_u128_mul64(a.w[i], m);

        p.lo += carry;
        p.hi += p.lo < carry;
        a.w[i] = p.lo;
        carry = p.hi;
    }
    return a;
}

/* floor(a / d). */
static struct u256 u256_div(struct u256 a, uint64_t d)
{
    uint64_t rem = 0;
    unsigned i;

    for (i = 4; i-- > 0;) {
        struct rt_u128 part = {rem, a.w[i]};

        a.w[i] = rt_u128_div64(part, d, &rem);
    }
    return a;
}

/* a * 10^power, or floor(a / 10^power), 19 digits at a time. */
static struct u256 shift_decimal(struct u256 a, unsigned power, bool up)
{
    while (power > 0) {
        unsigned step = power > 19 ? 19 : power;

        a = up ? u256_mul(a, ten_to(step)) : u256_div(a, ten_to(step));
        power -= step;
    }
    return a;
}

/* The rates of one sign in units of 10^-27. */
static struct u256 part_value(const struct rt_mean_part *part)
{
    struct u256 value = shift_decimal(u256_from(part->whole), 27, true);

    value = u256_add(value, shift_decimal(u256_from(part->high), 18, true));
    return u256_add(value, u256_from(part->low));
}

/* rows * factor * 10^power. */
static struct u256 scaled_rows(uint64_t rows, uint64_t factor, unsigned power)
{
    return shift_decimal(u256_mul(u256_from(rt_u128_from(rows)), factor), power,
                         true);
}

/* A mean in units of its last printed digit, rounded; below 2^111, as
   every rate is below 2^64 * 100%. */
struct rounded {
    bool negative;
    struct rt_u128 magnitude;
};

/*
 * (pos - neg) / 10^27 * 100 / rows, in units of 10^-precision, rounded
 * half away from zero: floor((|x| + D / 2) / D) with D = rows *
 * 10^(25 - precision), dividing by 10^(25 - precision) first, then by
 * rows, which floors the same.
 */
static struct rounded round_mean(struct u256 pos, struct u256 neg,
                                 uint64_t rows, unsigned precision)
{
    unsigned power = FIXED_DECIMALS - precision;
    struct rounded r;
    struct u256 m;

    r.negative = u256_cmp(neg, pos) > 0;
    m = r.negative ? u256_sub(neg, pos) : u256_sub(pos, neg);
    m = u256_add(m, scaled_rows(rows, 5, power - 1));
    m = u256_div(shift_decimal(m, power, false), rows);
    r.magnitude.hi = m.w[1];
    r.magnitude.lo = m.w[0];
    if (rt_u128_is_zero(r.magnitude))
        r.negative = false;
    return r;
}

static void big_from_u256(struct rt_big *to, struct u256 value)
{
    rt_big_set_words(to, value.w, 4);
}

/* The numbers of the exact decision. */
struct exact {
    struct rt_big rest_up, rest_down, den; /* what the cuts left */
    struct rt_big up, down;                /* each sign's sum, times den */
    struct rt_big limit, t;
};

static void exact_init(struct exact *x)
{
    rt_big_init(&x->rest_up);
    rt_big_init(&x->rest_down);
    rt_big_init(&x->den);
    rt_big_init(&x->up);
    rt_big_init(&x->down);
    rt_big_init(&x->limit);
    rt_big_init(&x->t);
}

static void exact_free(struct exact *x)
{
    rt_big_free(&x->rest_up);
    rt_big_free(&x->rest_down);
    rt_big_free(&x->den);
    rt_big_free(&x->up);
    rt_big_free(&x->down);
    rt_big_free(&x->limit);
    rt_big_free(&x->t);
}

/* to = value * den + rest: one sign's exact sum, over den. */
static void exact_sum(struct exact *x, struct rt_big *to, struct u256 value,
                      const struct rt_big *rest)
{
    big_from_u256(&x->t, value);
    rt_big_mul(to, &x->t, &x->den);
    rt_big_add(to, to, rest);
}

/*
 * The exact sum is (up - down) / den.  The mean rounds to `low` or to one
 * more in magnitude, the larger when |up - down| + den * D / 2 >= (low +
 * 1) * den * D, with D as in round_mean().  False when out of memory.
 */
static bool exact_round(struct exact *x, const struct rt_mean *mean,
                        unsigned precision, struct rounded *low)
{
    unsigned power = FIXED_DECIMALS - precision;
    bool ignored = false, negative = rt_big_cmp(&x->down, &x->up) > 0;
    struct rt_u128 more =
        rt_u128_add(low->magnitude, rt_u128_from(1), &ignored);
    const uint64_t words[2] = {more.lo, more.hi};

    if (negative)
        rt_big_sub(&x->up, &x->down, &x->up);
    else
        rt_big_sub(&x->up, &x->up, &x->down);
    big_from_u256(&x->t, scaled_rows(mean->rows, 5, power - 1));
    rt_big_mul(&x->t, &x->t, &x->den);
    rt_big_add(&x->up, &x->up, &x->t);
    big_from_u256(&x->t, scaled_rows(mean->rows, 1, power));
    rt_big_mul(&x->limit, &x->t, &x->den);
    rt_big_set_words(&x->t, words, 2);
    rt_big_mul(&x->limit, &x->limit, &x->t);
    if (x->up.failed || x->limit.failed || x->t.failed)
        return false;
    if (rt_big_cmp(&x->up, &x->limit) >= 0)
        low->magnitude = more;
    low->negative = negative && !rt_u128_is_zero(low->magnitude);
    return true;
}

/*
 * Decides between `low` and one more from the exact sum, which needs the
 * rest the cuts left: RT_MEAN_UNDECIDED when it was not all kept.
 */
static enum rt_mean_result decide_exactly(const struct rt_mean *mean,
                                          const struct u256 value[2],
                                          unsigned precision,
                                          struct rounded *low)
{
    struct exact x;
    enum rt_status status;
    enum rt_mean_result result = RT_MEAN_NOMEM;

    exact_init(&x);
    status = rt_fracsum_total(&mean->rest, &x.rest_up, &x.rest_down, &x.den);
    if (status == RT_ERR_RANGE)
        result = RT_MEAN_UNDECIDED;
    if (status == RT_OK) {
        exact_sum(&x, &x.up, value[0], &x.rest_up);
        exact_sum(&x, &x.down, value[1], &x.rest_down);
        if (exact_round(&x, mean, precision, low))
            result = RT_MEAN_KNOWN;
    }
    exact_free(&x);
    return result;
}

static bool same(struct rounded a, struct rounded b)
{
    return a.negative == b.negative &&
           rt_u128_cmp(a.magnitude, b.magnitude) == 0;
}

enum rt_mean_result rt_mean_format(const struct rt_mean *mean,
                                   unsigned precision, char *buf, size_t size)
{
    struct u256 value[2], cut[2];
    struct rounded low, high;
    enum rt_mean_result result = RT_MEAN_KNOWN;

    buf[0] = '\0';
    if (mean->rows == 0 || precision > RT_PRECISION_MAX)
        return RT_MEAN_NONE;
    value[0] = part_value(&mean->part[0]);
    value[1] = part_value(&mean->part[1]);
    /* Each cut row lost less than one unit: the exact sum lies within. */
    cut[0] = u256_from(rt_u128_from(mean->part[0].cut));
    cut[1] = u256_from(rt_u128_from(mean->part[1].cut));
    low =
        round_mean(value[0], u256_add(value[1], cut[1]), mean->rows, precision);
    high =
        round_mean(u256_add(value[0], cut[0]), value[1], mean->rows, precision);
    if (!same(low, high)) {
        if (rt_u128_cmp(high.magnitude, low.magnitude) < 0)
            low = high;
        result = decide_exactly(mean, value, precision, &low);
    }
    if (result != RT_MEAN_KNOWN)
        return result;
    /* low / 10^precision, printed exactly as the rate low / 10^(p+2). */
    if (rt_percent_u128(low.negative, low.magnitude,
                        rt_u128_from(ten_to(precision + 2)), precision, buf,
                        size) != RT_OK) {
        buf[0] = '\0';
        return RT_MEAN_NONE;
    }
    return RT_MEAN_KNOWN;
}
