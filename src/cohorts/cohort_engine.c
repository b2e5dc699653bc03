/* cohort_engine.c - feeding the cohort engine; see cohort_engine.h. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "cohort_customer.h"
#include "cohort_engine.h"
#include "siphash.h"

void rt_cohort_engine_init(struct rt_cohort_engine *engine,
                           const uint64_t key[2], bool from_signup,
                           bool grouped)
{
    bool compact = !from_signup && !grouped;

    memset(engine, 0, sizeof *engine);
    engine->key[0] = key[0];
    engine->key[1] = key[1];
    engine->from_signup = from_signup;
    engine->grouped = grouped;
    rt_idset_init(&engine->customers, key, false);
    rt_idset_set_payload(&engine->customers,
                         compact ? COHORT_COMPACT_SIZE
                                 : sizeof(struct cohort_customer));
    rt_idset_init(&engine->segments, key, false);
}

void rt_cohort_engine_init_spans(struct rt_cohort_engine *engine,
                                 const uint64_t key[2], bool grouped)
{
    /* from_signup for the full record alone: then cohorts from starts. */
    rt_cohort_engine_init(engine, key, true, grouped);
    engine->from_signup = false;
    engine->spans = true;
}

void rt_cohort_engine_free(struct rt_cohort_engine *engine)
{
    struct cohort_customer customer;
    size_t entry = 0;

    while (cohort_customer_next(engine, &entry, &customer))
        if (customer.words > 1)
            free(customer.active.heap);
    rt_idset_free(&engine->customers);
    rt_idset_free(&engine->segments);
}

/* A period relative to the origin; false when out of reach. */
static bool relative(const struct rt_cohort_engine *engine, int64_t period,
                     int32_t *out)
{
    uint64_t distance = period >= engine->origin
                            ? (uint64_t)period - (uint64_t)engine->origin
                            : (uint64_t)engine->origin - (uint64_t)period;

    if (distance >= (uint64_t)COHORT_PERIOD_REACH)
        return false;
    *out = (int32_t)(period >= engine->origin ? (int64_t)distance
                                              : -(int64_t)distance);
    return true;
}

static void note_cohort(struct cohort_customer *customer,
                        const struct rt_cohort_event *event, int32_t period,
                        int32_t signup)
{
    if (event->start && period < customer->first_start)
        customer->first_start = period;
    if (!event->has_signup)
        return;
    if (customer->signup != COHORT_NO_PERIOD && signup != customer->signup)
        customer->flags |= COHORT_SIGNUP_DISAGREES;
    if (signup < customer->signup)
        customer->signup = signup;
}

/*
 * The value on the earliest start event wins (by period, then by day), the
 * first fed among equals; until a start event comes, the value on the
 * earliest event of any kind.
 */
static void note_segment(struct cohort_customer *customer, bool start,
                         int32_t period, int32_t day, uint32_t segment)
{
    bool from_start = (customer->flags & COHORT_SEGMENT_FROM_START) != 0;
    bool earlier =
        customer->segment == COHORT_NO_SEGMENT ||
        period < customer->segment_period ||
        (period == customer->segment_period && day < customer->segment_day);

    if (segment == COHORT_NO_SEGMENT || (from_start && !start) ||
        (from_start == start && !earlier))
        return;
    customer->segment = segment;
    customer->segment_period = period;
    customer->segment_day = day;
    if (start)
        customer->flags |= COHORT_SEGMENT_FROM_START;
}

/*
 * Lengthens an allocated bitmap at its end, the new words zero.  A log in
 * date order lengthens each bitmap word by word (with --period day, every
 * 64 days): in place, where the allocator can, is much cheaper than a new
 * array each time.
 */
static enum rt_status grow_up(struct cohort_customer *customer, size_t words)
{
    uint64_t *grown = realloc(customer->active.heap, words * sizeof *grown);

    if (!grown)
        return RT_ERR_NOMEM;
    memset(grown + customer->words, 0,
           (words - customer->words) * sizeof *grown);
    customer->active.heap = grown;
    customer->words = (uint32_t)words;
    return RT_OK;
}

/*
 * Moves the bitmap to `words` words from `base` (a whole number of words
 * below the old base, or the same), the new words zero.
 */
static enum rt_status rebase(struct cohort_customer *customer, int64_t base,
                             size_t words)
{
    const uint64_t *old =
        customer->words > 1 ? customer->active.heap : &customer->active.bits;
    size_t shift = (size_t)((customer->base - base) / 64);
    uint64_t *grown;

    if (shift == 0 && customer->words > 1)
        return grow_up(customer, words);
    grown = calloc(words, sizeof *grown);
    if (!grown)
        return RT_ERR_NOMEM;
    memcpy(grown + shift, old, customer->words * sizeof *old);
    if (customer->words > 1)
        free(customer->active.heap);
    customer->active.heap = grown;
    customer->words = (uint32_t)words;
    customer->base = (int32_t)base;
    return RT_OK;
}

/*
 * Makes the bitmap cover periods lo..hi (lo <= hi).  Inline, the bits
 * slide to take an earlier period while the span stays within 64; beyond,
 * the bitmap grows by whole words at either end.
 */
static enum rt_status cover(struct cohort_customer *customer, int32_t lo,
                            int32_t hi)
{
    int64_t base, end;

    if (customer->words == 0) {
        customer->base = lo;
        customer->words = 1;
        customer->active.bits = 0;
    }
    base = customer->base;
    if (customer->words == 1 && lo < base && base - lo < 64 &&
        (customer->active.bits >> (64 - (base - lo))) == 0) {
        customer->active.bits <<= base - lo;
        customer->base = lo;
        base = lo;
    }
    end = base + 64 * (int64_t)customer->words;
    if (lo < base || hi >= end) {
        int64_t below = lo < base ? (base - lo + 63) / 64 : 0;
        int64_t above = hi >= end ? (hi - end) / 64 + 1 : 0;

        return rebase(customer, base - 64 * below,
                      (size_t)(customer->words + below + above));
    }
    return RT_OK;
}

/* A word's bits from `from` through `to` (0 <= from <= to < 64). */
static uint64_t bit_range(int64_t from, int64_t to)
{
    uint64_t upto = to == 63 ? ~UINT64_C(0) : (UINT64_C(1) << (to + 1)) - 1;

    return upto & (~UINT64_C(0) << from);
}

/*
 * Sets the bits of periods lo..hi (lo <= hi), whole words at a time: a
 * daily table over years sets thousands of bits per row.
 */
static enum rt_status mark_range(struct cohort_customer *customer, int32_t lo,
                                 int32_t hi)
{
    enum rt_status status = cover(customer, lo, hi);
    int64_t first, last, w;
    uint64_t *words;

    if (status != RT_OK)
        return status;
    words =
        customer->words > 1 ? customer->active.heap : &customer->active.bits;
    first = lo - customer->base;
    last = hi - customer->base;
    for (w = first / 64; w <= last / 64; w++)
        words[w] |= bit_range(w == first / 64 ? first % 64 : 0,
                              w == last / 64 ? last % 64 : 63);
    /* The caller copies the record, the bitmap's owner, into the ID set. */
    /* NOLINTNEXTLINE(clang-analyzer-unix.Malloc) */
    return RT_OK;
}

static enum rt_status mark_active(struct cohort_customer *customer,
                                  int32_t period)
{
    return mark_range(customer, period, period);
}

static enum rt_status find_segment(struct rt_cohort_engine *engine,
                                   const struct rt_cohort_event *event,
                                   uint32_t *segment)
{
    size_t entry;
    bool added;
    enum rt_status status;

    *segment = COHORT_NO_SEGMENT;
    if (!event->segment)
        return RT_OK;
    status = rt_idset_add(&engine->segments, event->segment, event->segment_len,
                          &entry, &added);
    if (status == RT_OK)
        *segment = (uint32_t)entry;
    return status;
}

/*
 * The most common event by far: a return (and start) event of a known
 * customer, with no segment or signup, in a period its inline bitmap
 * already covers, after its cohort.  Only a bit changes: it is set in
 * place, without copying the record out and back.  False when the event
 * needs the general path.
 */
static bool add_in_place(struct rt_cohort_engine *engine,
                         const struct rt_cohort_event *event, int32_t period,
                         size_t entry)
{
    unsigned char *record = rt_idset_payload(&engine->customers, entry);
    int32_t base, first_start;
    uint32_t words;
    uint64_t bits;

    if (event->segment || event->has_signup || !event->returning)
        return false;
    memcpy(&words, record + offsetof(struct cohort_customer, words),
           sizeof words);
    memcpy(&base, record + offsetof(struct cohort_customer, base), sizeof base);
    memcpy(&first_start, record + offsetof(struct cohort_customer, first_start),
           sizeof first_start);
    if (words != 1 || period < base || period - base >= 64 ||
        (event->start && first_start > period))
        return false;
    memcpy(&bits, record + offsetof(struct cohort_customer, active),
           sizeof bits);
    bits |= UINT64_C(1) << (period - base);
    memcpy(record + offsetof(struct cohort_customer, active), &bits,
           sizeof bits);
    return true;
}

/*
 * Whether the engine keeps what the event carries: a segment only when
 * grouping, a signup only in the full record.
 */
static bool accepts(const struct rt_cohort_engine *engine,
                    const struct rt_cohort_event *event)
{
    bool compact = engine->customers.payload < sizeof(struct cohort_customer);

    return (!event->segment || engine->grouped) &&
           (!event->has_signup || !compact);
}

/* Where an event's customer is, and its periods relative to the origin. */
struct located {
    size_t entry;
    bool added;
    int32_t period, signup;
    uint32_t segment;
};

/*
 * Sets the origin at the first event, checks the event against the engine
 * and finds its customer, adding it when new.
 */
static enum rt_status locate(struct rt_cohort_engine *engine,
                             const struct rt_cohort_event *event, uint64_t hash,
                             struct located *at)
{
    enum rt_status status;

    if (!engine->started) {
        engine->origin = event->period;
        engine->started = true;
    }
    at->signup = COHORT_NO_PERIOD;
    if (!accepts(engine, event))
        return RT_ERR_INVALID;
    if (!relative(engine, event->period, &at->period) ||
        (event->has_signup && !relative(engine, event->signup, &at->signup)))
        return RT_ERR_RANGE;
    status = find_segment(engine, event, &at->segment);
    if (status == RT_OK)
        status =
            rt_idset_add_hashed(&engine->customers, event->id, event->id_len,
                                hash, &at->entry, &at->added);
    return status;
}

/* The customer's record, a new one's when just added. */
static void record_of(const struct rt_cohort_engine *engine,
                      const struct located *at,
                      struct cohort_customer *customer)
{
    if (at->added)
        cohort_customer_new(customer);
    else
        cohort_customer_get(engine, at->entry, customer);
}

/* Takes one event whose ID's hash is known. */
static enum rt_status add_hashed(struct rt_cohort_engine *engine,
                                 const struct rt_cohort_event *event,
                                 uint64_t hash)
{
    struct cohort_customer customer;
    struct located at;
    enum rt_status status = locate(engine, event, hash, &at);

    if (status != RT_OK)
        return status;
    if (!at.added && add_in_place(engine, event, at.period, at.entry))
        return RT_OK;
    record_of(engine, &at, &customer);
    note_cohort(&customer, event, at.period, at.signup);
    note_segment(&customer, event->start, at.period, event->day, at.segment);
    if (event->returning)
        status = mark_active(&customer, at.period);
    cohort_customer_put(engine, at.entry, &customer);
    return status;
}

/*
 * The value on the row with the earliest start day wins, the first fed
 * among equals: a row's period is a function of its start day, so the day
 * alone orders them (segment_period holds the tail's end for spans).
 */
static void note_span_segment(struct cohort_customer *customer, int32_t day,
                              uint32_t segment)
{
    if (segment == COHORT_NO_SEGMENT ||
        (customer->segment != COHORT_NO_SEGMENT &&
         day >= customer->segment_day))
        return;
    customer->segment = segment;
    customer->segment_day = day;
    customer->flags |= COHORT_SEGMENT_FROM_START;
}

/* Whether [lo, hi] and the customer's tail overlap or touch. */
static bool joins_tail(const struct cohort_customer *customer, int32_t lo,
                       int32_t hi)
{
    return (int64_t)lo <= (int64_t)customer->tail_hi + 1 &&
           (int64_t)hi + 1 >= (int64_t)customer->tail_lo;
}

/*
 * Adds [lo, hi] (hi COHORT_TAIL_OPEN: no end) to the customer's tail.
 * Every row put here reaches the horizon at its time, so a row that does
 * not join the tail shows that the horizon has moved past the tail's end:
 * that tail, bounded, is marked and the row starts a new one.
 */
static enum rt_status add_tail(struct cohort_customer *customer, int32_t lo,
                               int32_t hi)
{
    enum rt_status status = RT_OK;

    if (customer->tail_lo != COHORT_NO_PERIOD && joins_tail(customer, lo, hi)) {
        if (lo < customer->tail_lo)
            customer->tail_lo = lo;
        if (hi > customer->tail_hi)
            customer->tail_hi = hi;
        return RT_OK;
    }
    if (customer->tail_lo != COHORT_NO_PERIOD) {
        /* An open tail reaches every later horizon, so the row joins it;
           were it not so, the row alone would be marked, not lost. */
        if (customer->tail_hi == COHORT_TAIL_OPEN)
            return mark_range(customer, lo, hi);
        status = mark_range(customer, customer->tail_lo, customer->tail_hi);
    }
    customer->tail_lo = lo;
    customer->tail_hi = hi;
    return status;
}

/*
 * Marks a row's bits lo..hi (none when lo > hi), or keeps them in the tail
 * on a bounded engine when they reach the horizon (which this row's lo may
 * raise); a row with no end also puts lo on in the tail.
 */
static enum rt_status take_range(struct rt_cohort_engine *engine,
                                 struct cohort_customer *customer, int32_t lo,
                                 int32_t hi, bool open)
{
    enum rt_status status = RT_OK;

    if (engine->bounded && (!engine->have_horizon || lo > engine->horizon)) {
        engine->horizon = lo;
        engine->have_horizon = true;
    }
    if (lo <= hi)
        status = engine->bounded && hi >= engine->horizon
                     ? add_tail(customer, lo, hi)
                     : mark_range(customer, lo, hi);
    if (open && status == RT_OK)
        status = add_tail(customer, lo, COHORT_TAIL_OPEN);
    return status;
}

/*
 * Takes one row of a subscription table whose ID's hash is known.  Its
 * range is checked before its customer is looked up, so that a row out
 * of reach adds no customer.
 */
static enum rt_status add_span_hashed(struct rt_cohort_engine *engine,
                                      const struct rt_cohort_event *event,
                                      const struct rt_cohort_span *span,
                                      uint64_t hash)
{
    struct cohort_customer customer;
    struct located at;
    int32_t lo = 0, hi = -1;
    enum rt_status status;

    if (!engine->spans || event->has_signup)
        return RT_ERR_INVALID;
    if (!engine->started) {
        engine->origin = event->period;
        engine->started = true;
    }
    if (!relative(engine, span->lo, &lo) ||
        (span->lo <= span->hi && !relative(engine, span->hi, &hi)))
        return RT_ERR_RANGE;
    if (span->lo > span->hi)
        hi = lo - 1; /* no bit: the row's end is before its first bit */
    status = locate(engine, event, hash, &at);
    if (status != RT_OK)
        return status;
    record_of(engine, &at, &customer);
    note_cohort(&customer, event, at.period, COHORT_NO_PERIOD);
    note_span_segment(&customer, event->day, at.segment);
    status = take_range(engine, &customer, lo, hi, span->open);
    cohort_customer_put(engine, at.entry, &customer);
    return status;
}

enum rt_status rt_cohort_engine_add_span(struct rt_cohort_engine *engine,
                                         const struct rt_cohort_event *event,
                                         int64_t lo, int64_t hi, bool open)
{
    struct rt_cohort_span span = {lo, hi, open};

    return add_span_hashed(
        engine, event, &span,
        rt_idset_hash(&engine->customers, event->id, event->id_len));
}

void rt_cohort_engine_bound_to_starts(struct rt_cohort_engine *engine)
{
    engine->bounded = true;
}

/* Marks one customer's tail through hi. */
static enum rt_status close_customer(struct rt_cohort_engine *engine,
                                     size_t entry, int32_t hi)
{
    struct cohort_customer customer;
    enum rt_status status;

    cohort_customer_get(engine, entry, &customer);
    if (customer.tail_lo == COHORT_NO_PERIOD || customer.tail_lo > hi)
        return RT_OK;
    status = mark_range(&customer, customer.tail_lo,
                        customer.tail_hi < hi ? customer.tail_hi : hi);
    cohort_customer_put(engine, entry, &customer);
    return status;
}

enum rt_status rt_cohort_engine_close_open(struct rt_cohort_engine *engine,
                                           int64_t hi)
{
    size_t entry = 0, at, len;
    const char *id;
    unsigned flags;
    int32_t relative_hi;
    enum rt_status status = RT_OK;

    if (!engine->spans || !engine->started ||
        (hi < engine->origin && !relative(engine, hi, &relative_hi)))
        return RT_OK; /* hi below every period in reach: nothing is open */
    if (!relative(engine, hi, &relative_hi))
        return RT_ERR_RANGE;
    for (at = entry;
         status == RT_OK &&
         rt_idset_next(&engine->customers, &entry, &id, &len, &flags);
         at = entry)
        status = close_customer(engine, at, relative_hi);
    return status;
}

enum rt_status rt_cohort_engine_add(struct rt_cohort_engine *engine,
                                    const struct rt_cohort_event *event)
{
    return add_hashed(
        engine, event,
        rt_idset_hash(&engine->customers, event->id, event->id_len));
}

uint64_t rt_cohort_engine_hash(const struct rt_cohort_engine *engine,
                               const char *id, size_t len)
{
    return rt_siphash13(engine->key, id, len, false);
}

/*
 * A log in date order names a different customer at almost every event,
 * and millions of customers are far larger than the caches: one event at
 * a time, each lookup would wait for memory twice, for the table and for
 * the record.  Asking for the memory of the events ahead first lets those
 * waits overlap.  Event i's bucket is asked for SLOT_AHEAD events before
 * it is taken, its record ID_AHEAD events before.  spans: NULL for
 * events, else each event's row range.
 */
static enum rt_status feed_hashed(struct rt_cohort_engine *engine,
                                  const struct rt_cohort_event *events,
                                  const struct rt_cohort_span *spans,
                                  const uint64_t *hashes, size_t count,
                                  size_t *fed)
{
    enum { SLOT_AHEAD = 16, ID_AHEAD = 8 };
    const struct rt_idset *set = &engine->customers;
    size_t i;

    for (i = 0; i < count && i < SLOT_AHEAD; i++)
        rt_idset_prefetch_slot(set, hashes[i]);
    for (i = 0; i < count; i++) {
        enum rt_status status;

        if (i + SLOT_AHEAD < count)
            rt_idset_prefetch_slot(set, hashes[i + SLOT_AHEAD]);
        if (i + ID_AHEAD < count)
            rt_idset_prefetch_id(set, hashes[i + ID_AHEAD]);
        status = spans
                     ? add_span_hashed(engine, &events[i], &spans[i], hashes[i])
                     : add_hashed(engine, &events[i], hashes[i]);
        if (status != RT_OK) {
            *fed = i;
            return status;
        }
    }
    *fed = count;
    return RT_OK;
}

enum rt_status rt_cohort_engine_add_hashed(struct rt_cohort_engine *engine,
                                           const struct rt_cohort_event *events,
                                           const uint64_t *hashes, size_t count,
                                           size_t *fed)
{
    return feed_hashed(engine, events, NULL, hashes, count, fed);
}

enum rt_status rt_cohort_engine_add_spans_hashed(
    struct rt_cohort_engine *engine, const struct rt_cohort_event *events,
    const struct rt_cohort_span *spans, const uint64_t *hashes, size_t count,
    size_t *fed)
{
    return feed_hashed(engine, events, spans, hashes, count, fed);
}

/* Hashes a batch of events and takes them. */
enum rt_status rt_cohort_engine_add_many(struct rt_cohort_engine *engine,
                                         const struct rt_cohort_event *events,
                                         size_t count, size_t *fed)
{
    enum { BATCH = 64 };
    uint64_t hashes[BATCH];
    size_t done = 0, i, n, taken;
    enum rt_status status = RT_OK;

    while (done < count && status == RT_OK) {
        n = count - done;
        if (n > BATCH)
            n = BATCH;
        for (i = 0; i < n; i++)
            hashes[i] = rt_cohort_engine_hash(engine, events[done + i].id,
                                              events[done + i].id_len);
        status = rt_cohort_engine_add_hashed(engine, events + done, hashes, n,
                                             &taken);
        done += taken;
    }
    *fed = done;
    return status;
}
