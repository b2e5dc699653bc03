/*
 * cohort_periods.c - the counts of every period; see cohort_periods.h.
 *
 * Two walks over the customers: the first finds each table's first bit
 * (and so its range of rows) and the last bit of all; the second counts,
 * for each set bit, what it and its two neighbours say about the periods
 * around it.  Each count has its own array, so that checking the rows
 * against each other tests the counting, not an identity.
 */
#include <stdlib.h>
#include <string.h>

#include "cohort_customer.h"
#include "cohort_periods.h"

/* The arrays of one table while it is counted, one slot per row. */
enum tally_array {
    T_START,
    T_END,
    T_LOST,
    T_NEW,
    T_FIRST_TIME,
    T_RETURNING,
    T_JOINED_AND_LEFT,
    T_ARRAYS
};

struct tally {
    int64_t first_bit; /* the table's lowest bit; INT64_MAX: none */
    int64_t lo, hi;    /* its rows; lo > hi: none */
    uint64_t *slots;   /* T_ARRAYS arrays of hi - lo + 1 */
};

struct counting {
    const struct rt_cohort_engine *engine;
    struct rt_period_result *out;
    bool spans;
    int64_t last;          /* the last complete period */
    size_t *segments;      /* the segment set's entries, ascending */
    size_t group_count;    /* all segments, before empty ones are left out */
    struct tally *tallies; /* per group, then the overall one */
};

/* Floor division by 2, for bits below 0 too. */
static int64_t half_down(int64_t n)
{
    return n >= 0 ? n / 2 : -((-n + 1) / 2);
}

static bool even(int64_t n)
{
    return half_down(n) * 2 == n;
}

/* Whether the customer's absolute bit `bit` is set. */
static bool bit_set(const struct counting *c, const struct cohort_customer *who,
                    int64_t bit)
{
    int64_t at = bit - c->engine->origin - who->base;
    const uint64_t *words =
        who->words > 1 ? who->active.heap : &who->active.bits;

    if (at < 0 || who->words == 0 || at >= (int64_t)who->words * 64)
        return false;
    return (words[at / 64] >> (at % 64)) & 1u;
}

/* The table of a segment entry, or SIZE_MAX for none. */
static size_t group_of(const struct counting *c, uint32_t segment)
{
    size_t low = 0, high = c->group_count;

    if (segment == COHORT_NO_SEGMENT)
        return SIZE_MAX;
    while (low < high) {
        size_t mid = low + (high - low) / 2;

        if (c->segments[mid] < segment)
            low = mid + 1;
        else
            high = mid;
    }
    return low < c->group_count && c->segments[low] == segment ? low : SIZE_MAX;
}

/* Lists the segments and makes a table and a tally for each. */
static enum rt_status start_groups(struct counting *c)
{
    const struct rt_idset *set = &c->engine->segments;
    size_t count = set->count, entry = 0, i, len;
    const char *id;
    unsigned flags;

    c->segments = malloc((count ? count : 1) * sizeof *c->segments);
    c->tallies = calloc(count + 1, sizeof *c->tallies);
    c->out->groups = calloc(count ? count : 1, sizeof *c->out->groups);
    if (!c->segments || !c->tallies || !c->out->groups)
        return RT_ERR_NOMEM;
    c->group_count = c->out->group_count = count;
    for (i = 0; i < count; i++) {
        c->segments[i] = entry;
        (void)rt_idset_next(set, &entry, &id, &len, &flags);
        c->out->groups[i].group = id;
        c->out->groups[i].group_len = len;
    }
    for (i = 0; i <= count; i++)
        c->tallies[i].first_bit = INT64_MAX;
    return RT_OK;
}

/* The period a bit belongs to: its own (log, or a spans bit 2P), or for
 * a spans bit 2P+1 (the first day of P+1), P. */
static int64_t period_of_bit(const struct counting *c, int64_t bit)
{
    return c->spans ? half_down(bit) : bit;
}

/* The first walk: each table's first bit, and the last bit of all. */
static void find_ranges(struct counting *c)
{
    struct cohort_customer who;
    struct cohort_bit_walk walk;
    size_t entry = 0, group;
    int64_t bit, first, last = INT64_MIN;

    while (cohort_customer_next(c->engine, &entry, &who)) {
        cohort_bit_walk_start(&walk, &who, INT64_MIN, INT64_MAX);
        if (!cohort_bit_walk_next(&walk, &bit))
            continue;
        first = c->engine->origin + bit;
        do
            last =
                c->engine->origin + bit > last ? c->engine->origin + bit : last;
        while (cohort_bit_walk_next(&walk, &bit));
        group = group_of(c, who.segment);
        if (group != SIZE_MAX && first < c->tallies[group].first_bit)
            c->tallies[group].first_bit = first;
        if (first < c->tallies[c->group_count].first_bit)
            c->tallies[c->group_count].first_bit = first;
    }
    c->out->last_data = last == INT64_MIN ? INT64_MIN : period_of_bit(c, last);
}

/*
 * A table's rows: from the period after its first active one (log), or
 * from the period of its earliest start (spans: bit 2P - 1 or 2P), to the
 * last complete period.
 */
static enum rt_status make_slots(struct counting *c, struct tally *t)
{
    size_t n;

    t->lo = 1;
    t->hi = 0;
    if (t->first_bit == INT64_MAX)
        return RT_OK;
    t->lo = c->spans ? half_down(t->first_bit + 1) : t->first_bit + 1;
    t->hi = c->last;
    if (t->lo > t->hi)
        return RT_OK;
    n = (size_t)(t->hi - t->lo) + 1;
    t->slots = calloc(n * T_ARRAYS, sizeof *t->slots);
    return t->slots ? RT_OK : RT_ERR_NOMEM;
}

/* Adds one to array a at period p of a table, when p is one of its rows. */
static void add(struct tally *t, enum tally_array a, int64_t p)
{
    size_t n;

    if (!t || !t->slots || p < t->lo || p > t->hi)
        return;
    n = (size_t)(t->hi - t->lo) + 1;
    t->slots[(size_t)a * n + (size_t)(p - t->lo)]++;
}

static void add_both(struct tally *group, struct tally *all, enum tally_array a,
                     int64_t p)
{
    add(group, a, p);
    add(all, a, p);
}

/*
 * One set bit that says "in E(q)" (log: active in q; spans: on the first
 * day of q + 1): so in S(q + 1) too; new in q when the bit of S(q) is not
 * set; lost in q + 1 when the bit of E(q + 1) is not.
 */
static void count_state(const struct counting *c,
                        const struct cohort_customer *who, int64_t bit,
                        int64_t lowest, struct tally *group, struct tally *all)
{
    int64_t stride = c->spans ? 2 : 1;
    int64_t q = c->spans ? half_down(bit - 1) : bit;

    add_both(group, all, T_END, q);
    add_both(group, all, T_START, q + 1);
    if (!bit_set(c, who, bit - stride)) {
        add_both(group, all, T_NEW, q);
        add_both(group, all, lowest >= stride * q ? T_FIRST_TIME : T_RETURNING,
                 q);
    }
    if (!bit_set(c, who, bit + stride))
        add_both(group, all, T_LOST, q + 1);
}

/* The second walk: every customer's bits into its tables. */
static void count_bits(struct counting *c)
{
    struct tally *all = &c->tallies[c->group_count], *group;
    struct cohort_customer who;
    struct cohort_bit_walk walk;
    size_t entry = 0, g;
    int64_t bit, lowest;

    while (cohort_customer_next(c->engine, &entry, &who)) {
        g = group_of(c, who.segment);
        group = g != SIZE_MAX ? &c->tallies[g] : NULL;
        cohort_bit_walk_start(&walk, &who, INT64_MIN, INT64_MAX);
        lowest = INT64_MAX;
        while (cohort_bit_walk_next(&walk, &bit)) {
            bit += c->engine->origin;
            if (lowest == INT64_MAX)
                lowest = bit;
            if (!c->spans || !even(bit))
                count_state(c, &who, bit, lowest, group, all);
            else if (!bit_set(c, &who, bit - 1) && !bit_set(c, &who, bit + 1))
                add_both(group, all, T_JOINED_AND_LEFT, half_down(bit));
        }
    }
}

/* One row from the arrays, checked: false when it does not reconcile. */
static bool make_row(const struct tally *t, size_t i, bool spans,
                     struct rt_period_counts *row)
{
    size_t n = (size_t)(t->hi - t->lo) + 1;
    const uint64_t *s = t->slots;

    row->period = t->lo + (int64_t)i;
    row->start = s[T_START * n + i];
    row->end = s[T_END * n + i];
    row->lost = s[T_LOST * n + i];
    row->new_customers = s[T_NEW * n + i];
    row->first_time = s[T_FIRST_TIME * n + i];
    row->returning = s[T_RETURNING * n + i];
    row->joined_and_left = s[T_JOINED_AND_LEFT * n + i];
    if (row->lost > row->start)
        return false;
    row->retained = row->start - row->lost;
    return row->retained + row->new_customers == row->end &&
           row->first_time + row->returning == row->new_customers &&
           (spans || row->joined_and_left == 0);
}

/* A table's rows, checked one by one and each end against the next start. */
static enum rt_status make_rows(struct counting *c, const struct tally *t,
                                struct rt_period_table *table)
{
    size_t n, i;

    if (!t->slots)
        return RT_OK;
    n = (size_t)(t->hi - t->lo) + 1;
    table->rows = calloc(n, sizeof *table->rows);
    if (!table->rows)
        return RT_ERR_NOMEM;
    table->count = n;
    for (i = 0; i < n; i++) {
        if (!make_row(t, i, c->spans, &table->rows[i]) ||
            (i > 0 && table->rows[i - 1].end != table->rows[i].start)) {
            c->out->failed_period = t->lo + (int64_t)i;
            return RT_ERR_INVALID;
        }
    }
    return RT_OK;
}

static enum rt_status count_all(struct counting *c)
{
    enum rt_status status = start_groups(c);
    size_t g;

    if (status != RT_OK)
        return status;
    find_ranges(c);
    for (g = 0; g <= c->group_count && status == RT_OK; g++)
        status = make_slots(c, &c->tallies[g]);
    if (status != RT_OK)
        return status;
    count_bits(c);
    for (g = 0; g < c->group_count && status == RT_OK; g++)
        status = make_rows(c, &c->tallies[g], &c->out->groups[g]);
    if (status == RT_OK)
        status = make_rows(c, &c->tallies[c->group_count], &c->out->overall);
    return status;
}

/* Leaves out the groups with no row. */
static void drop_empty_groups(struct rt_period_result *result)
{
    size_t i, kept = 0;

    for (i = 0; i < result->group_count; i++) {
        if (result->groups[i].count)
            result->groups[kept++] = result->groups[i];
        else
            free(result->groups[i].rows);
    }
    result->group_count = kept;
}

enum rt_status rt_cohort_periods(const struct rt_cohort_engine *engine,
                                 bool spans, int64_t last_complete,
                                 struct rt_period_result *out)
{
    struct counting c = {engine, out, spans, last_complete, NULL, 0, NULL};
    enum rt_status status;
    int64_t failed;
    size_t g;

    memset(out, 0, sizeof *out);
    out->spans = spans;
    out->first_unfinished = last_complete + 1;
    out->last_data = INT64_MIN;
    status = count_all(&c);
    for (g = 0; c.tallies && g <= c.group_count; g++)
        free(c.tallies[g].slots);
    free(c.tallies);
    free(c.segments);
    if (status != RT_OK) {
        failed = out->failed_period;
        rt_period_result_free(out);
        out->failed_period = failed;
        return status;
    }
    drop_empty_groups(out);
    return RT_OK;
}

void rt_period_result_free(struct rt_period_result *result)
{
    size_t i;

    for (i = 0; i < result->group_count; i++)
        free(result->groups[i].rows);
    free(result->groups);
    free(result->overall.rows);
    memset(result, 0, sizeof *result);
}
