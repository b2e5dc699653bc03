/* cohort_customer.c - see cohort_customer.h. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "cohort_customer.h"

void cohort_customer_new(struct cohort_customer *customer)
{
    memset(customer, 0, sizeof *customer);
    customer->first_start = COHORT_NO_PERIOD;
    customer->signup = COHORT_NO_PERIOD;
    customer->segment_period = COHORT_NO_PERIOD; /* tail_hi: unused */
    customer->segment_day = INT32_MAX;
    customer->segment = COHORT_NO_SEGMENT;
}

/* The record's size in the arena: 40 bytes, or the compact 20. */
static size_t stored_size(const struct rt_cohort_engine *engine)
{
    return engine->customers.payload;
}

/*
 * The copies have a size the compiler knows, so that they are a few moves
 * rather than a call to memcpy, on almost every event.
 */
void cohort_customer_get(const struct rt_cohort_engine *engine, size_t entry,
                         struct cohort_customer *customer)
{
    const unsigned char *stored = rt_idset_payload(&engine->customers, entry);

    if (stored_size(engine) == sizeof *customer) {
        memcpy(customer, stored, sizeof *customer);
        return;
    }
    cohort_customer_new(customer);
    memcpy(customer, stored, COHORT_COMPACT_SIZE);
}

void cohort_customer_put(struct rt_cohort_engine *engine, size_t entry,
                         const struct cohort_customer *customer)
{
    unsigned char *stored = rt_idset_payload(&engine->customers, entry);

    if (stored_size(engine) == sizeof *customer)
        memcpy(stored, customer, sizeof *customer);
    else
        memcpy(stored, customer, COHORT_COMPACT_SIZE);
}

bool cohort_customer_next(const struct rt_cohort_engine *engine, size_t *entry,
                          struct cohort_customer *customer)
{
    size_t at = *entry, len;
    const char *id;
    unsigned flags;

    if (!rt_idset_next(&engine->customers, entry, &id, &len, &flags))
        return false;
    cohort_customer_get(engine, at, customer);
    return true;
}

int32_t cohort_customer_cohort(const struct rt_cohort_engine *engine,
                               const struct cohort_customer *customer)
{
    return engine->from_signup ? customer->signup : customer->first_start;
}

static const uint64_t *words_of(const struct cohort_customer *customer)
{
    return customer->words > 1 ? customer->active.heap : &customer->active.bits;
}

/* The index of the lowest set bit of a non-zero word. */
static unsigned lowest_bit(uint64_t word)
{
#if defined(__GNUC__) || defined(__clang__)
    return (unsigned)__builtin_ctzll(word);
#else
    unsigned n = 0;

    while (!(word & 1)) {
        word >>= 1;
        n++;
    }
    return n;
#endif
}

void cohort_bit_walk_start(struct cohort_bit_walk *walk,
                           const struct cohort_customer *customer, int64_t lo,
                           int64_t hi)
{
    int64_t from = lo > customer->base ? lo - customer->base : 0;

    walk->words = words_of(customer);
    walk->count = customer->words;
    walk->base = customer->base;
    walk->hi = hi;
    walk->index = (size_t)(from / 64);
    walk->current = 0;
    if (walk->index < walk->count)
        walk->current =
            walk->words[walk->index] & (~UINT64_C(0) << (from % 64));
}

bool cohort_bit_walk_next(struct cohort_bit_walk *walk, int64_t *period)
{
    unsigned bit;

    while (walk->current == 0) {
        if (walk->index + 1 >= walk->count)
            return false;
        walk->current = walk->words[++walk->index];
    }
    bit = lowest_bit(walk->current);
    walk->current &= walk->current - 1;
    *period = walk->base + (int64_t)walk->index * 64 + bit;
    return *period <= walk->hi;
}
