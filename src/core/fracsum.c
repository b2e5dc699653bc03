/* fracsum.c - see fracsum.h. */
#include <stdlib.h>
#include <string.h>

#include "fracsum.h"

#define FIRST_SLOTS 16

/* Fibonacci hashing's multiplier: with a key of zero, counts still spread. */
#define GOLDEN UINT64_C(0x9e3779b97f4a7c15)

void rt_fracsum_init(struct rt_fracsum *sum, const uint64_t key[2])
{
    memset(sum, 0, sizeof *sum);
    /* Multiply-shift hashing with a random odd multiplier is universal:
       counts chosen without knowing the key collide no more than any. */
    sum->multiplier = (key[0] ^ key[1] ^ GOLDEN) | 1;
}

void rt_fracsum_free(struct rt_fracsum *sum)
{
    free(sum->slots);
    sum->slots = NULL;
    sum->used = sum->slot_count = 0;
}

void rt_fracsum_clear(struct rt_fracsum *sum)
{
    if (sum->slots)
        memset(sum->slots, 0, sum->slot_count * sizeof *sum->slots);
    sum->used = 0;
    sum->overflowed = sum->declined;
}

/* The slot holding den, or the free slot where it goes. */
static struct rt_fracsum_entry *find(const struct rt_fracsum *sum, uint64_t den)
{
    size_t mask = sum->slot_count - 1;
    size_t at = (size_t)(den * sum->multiplier >> sum->shift);

    while (sum->slots[at].den != 0 && sum->slots[at].den != den)
        at = (at + 1) & mask;
    return &sum->slots[at];
}

static bool grow(struct rt_fracsum *sum)
{
    size_t count = sum->slot_count ? sum->slot_count * 2 : FIRST_SLOTS;
    size_t old_count = sum->slot_count, i;
    struct rt_fracsum_entry *old = sum->slots;
    struct rt_fracsum_entry *slots = calloc(count, sizeof *slots);

    if (!slots)
        return false;
    sum->slots = slots;
    sum->slot_count = count;
    for (sum->shift = 64; count > 1; count >>= 1)
        sum->shift--;
    for (i = 0; i < old_count; i++)
        if (old[i].den != 0)
            *find(sum, old[i].den) = old[i];
    free(old);
    return true;
}

/* Past the bound: nothing more is kept, and the memory goes back. */
static void overflow(struct rt_fracsum *sum)
{
    rt_fracsum_free(sum);
    sum->overflowed = true;
}

/* Adds value (two's complement) to the numerator of den. */
static bool add_value(struct rt_fracsum *sum, uint64_t den,
                      struct rt_u128 value)
{
    struct rt_fracsum_entry *entry;
    bool ignored = false;

    if (sum->overflowed)
        return true;
    if (sum->slot_count > 0) {
        entry = find(sum, den);
        if (entry->den == den) {
            entry->num = rt_u128_add(entry->num, value, &ignored);
            return true;
        }
    }
    if (sum->used == RT_FRACSUM_MAX) {
        overflow(sum);
        return true;
    }
    if ((sum->used + 1) * 2 > sum->slot_count && !grow(sum))
        return false;
    entry = find(sum, den);
    entry->den = den;
    entry->num = value;
    sum->used++;
    return true;
}

void rt_fracsum_decline(struct rt_fracsum *sum)
{
    overflow(sum);
    sum->declined = true;
}

bool rt_fracsum_add(struct rt_fracsum *sum, uint64_t den, uint64_t num,
                    bool negative)
{
    struct rt_u128 value = rt_u128_from(num);

    if (negative && num != 0) {
        value.hi = UINT64_MAX;
        value.lo = 0 - num;
    }
    return add_value(sum, den, value);
}

bool rt_fracsum_merge(struct rt_fracsum *into, const struct rt_fracsum *from)
{
    size_t i;

    if (into->overflowed)
        return true;
    if (from->overflowed) {
        overflow(into);
        return true;
    }
    for (i = 0; i < from->slot_count; i++)
        if (from->slots[i].den != 0 &&
            !add_value(into, from->slots[i].den, from->slots[i].num))
            return false;
    return true;
}

static uint64_t gcd(uint64_t a, uint64_t b)
{
    while (b != 0) {
        uint64_t r = a % b;
        a = b;
        b = r;
    }
    return a;
}

/* A numerator and denominator in lowest terms. */
struct reduced {
    bool negative;
    struct rt_u128 num;
    uint64_t den;
};

/* An entry in lowest terms: its numerator's sign, then both over their gcd. */
static void reduce(const struct rt_fracsum_entry *entry, struct reduced *out)
{
    struct rt_u128 num = entry->num, zero = rt_u128_from(0), part;
    uint64_t rem, divisor;

    out->negative = num.hi >> 63 != 0;
    if (out->negative)
        num = rt_u128_sub(zero, num);
    part.hi = num.hi % entry->den;
    part.lo = num.lo;
    rt_u128_div64(part, entry->den, &rem);
    divisor = gcd(entry->den, rem);
    out->den = entry->den / divisor;
    part.hi = num.hi % divisor;
    out->num.hi = num.hi / divisor;
    out->num.lo = rt_u128_div64(part, divisor, &rem);
}

static void set_u128(struct rt_big *to, struct rt_u128 value)
{
    const uint64_t words[2] = {value.lo, value.hi};

    rt_big_set_words(to, words, 2);
}

/* den = the least common multiple of the reduced denominators. */
static enum rt_status common_denominator(const struct rt_fracsum *sum,
                                         struct rt_big *den,
                                         struct rt_big *scratch)
{
    size_t i;

    rt_big_set(den, 1);
    for (i = 0; i < sum->slot_count; i++) {
        struct reduced r;
        uint64_t shared;

        if (sum->slots[i].den == 0)
            continue;
        reduce(&sum->slots[i], &r);
        shared = gcd(r.den, rt_big_div_u64(scratch, den, r.den));
        rt_big_set(scratch, r.den / shared);
        rt_big_mul(den, den, scratch);
        if (den->failed)
            return RT_ERR_NOMEM;
        if (rt_big_bits(den) > RT_FRACSUM_LCM_BITS)
            return RT_ERR_RANGE;
    }
    return RT_OK;
}

/* Adds each numerator times den / its denominator to up or down. */
static void numerators(const struct rt_fracsum *sum, const struct rt_big *den,
                       struct rt_big *up, struct rt_big *down,
                       struct rt_big *scratch, struct rt_big *factor)
{
    size_t i;

    for (i = 0; i < sum->slot_count; i++) {
        struct reduced r;

        if (sum->slots[i].den == 0)
            continue;
        reduce(&sum->slots[i], &r);
        rt_big_div_u64(scratch, den, r.den);
        set_u128(factor, r.num);
        rt_big_mul(scratch, scratch, factor);
        if (r.negative)
            rt_big_add(down, down, scratch);
        else
            rt_big_add(up, up, scratch);
    }
}

enum rt_status rt_fracsum_total(const struct rt_fracsum *sum, struct rt_big *up,
                                struct rt_big *down, struct rt_big *den)
{
    struct rt_big scratch, factor;
    enum rt_status status;

    if (sum->overflowed)
        return RT_ERR_RANGE;
    rt_big_init(&scratch);
    rt_big_init(&factor);
    rt_big_set(up, 0);
    rt_big_set(down, 0);
    status = common_denominator(sum, den, &scratch);
    if (status == RT_OK) {
        numerators(sum, den, up, down, &scratch, &factor);
        if (up->failed || down->failed || scratch.failed || factor.failed)
            status = RT_ERR_NOMEM;
    }
    rt_big_free(&scratch);
    rt_big_free(&factor);
    return status;
}
