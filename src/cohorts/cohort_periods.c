/*
 * cohort_periods.c - the counts of every period; see cohort_periods.h.
 *
 * Two walks over the customers: the first finds each table's first bit
 * (and so its range of rows) and the last bit of all; the second counts
 * each customer's runs of set bits, a word at a time: a run is a stretch
 * of periods in E (and so in S of the next ones), new at its start unless
 * the bit before it says otherwise, lost after its end.  Each count has
 * its own array (S and E as differences, summed at the end), so that
 * checking the rows against each other tests the counting, not an
 * identity.
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

/* The index of the lowest, and of the highest, set bit of a word not 0. */
static unsigned low_bit(uint64_t word)
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

static unsigned high_bit(uint64_t word)
{
#if defined(__GNUC__) || defined(__clang__)
    return 63u - (unsigned)__builtin_clzll(word);
#else
    unsigned n = 63;

    while (!(word >> 63)) {
        word <<= 1;
        n--;
    }
    return n;
#endif
}

/* A customer's bitmap, its bits relative to `first` (absolute). */
struct bitmap {
    const uint64_t *words;
    size_t count;
    int64_t first;
};

static struct bitmap bitmap_of(const struct counting *c,
                               const struct cohort_customer *who)
{
    struct bitmap map;

    map.words = who->words > 1 ? who->active.heap : &who->active.bits;
    map.count = who->words;
    map.first = c->engine->origin + who->base;
    return map;
}

/*
 * The first bit at or after `from` (relative) that is set, or clear when
 * `set` is false; count * 64 when there is none.
 */
static size_t next_bit(const struct bitmap *map, size_t from, bool set)
{
    size_t i = from / 64;
    uint64_t word;

    if (i >= map->count)
        return map->count * 64;
    word = (set ? map->words[i] : ~map->words[i]) & (~UINT64_C(0) << from % 64);
    while (word == 0) {
        if (++i >= map->count)
            return map->count * 64;
        word = set ? map->words[i] : ~map->words[i];
    }
    return i * 64 + low_bit(word);
}

/* The highest set bit (relative), or SIZE_MAX when none is. */
static size_t last_bit(const struct bitmap *map)
{
    size_t i;

    for (i = map->count; i-- > 0;)
        if (map->words[i])
            return i * 64 + high_bit(map->words[i]);
    return SIZE_MAX;
}

/* The first walk: each table's first bit, and the last bit of all. */
static void find_ranges(struct counting *c)
{
    struct cohort_customer who;
    struct bitmap map;
    size_t entry = 0, group, at;
    int64_t first, last = INT64_MIN;

    while (cohort_customer_next(c->engine, &entry, &who)) {
        map = bitmap_of(c, &who);
        at = last_bit(&map);
        if (at == SIZE_MAX)
            continue;
        if (map.first + (int64_t)at > last)
            last = map.first + (int64_t)at;
        first = map.first + (int64_t)next_bit(&map, 0, true);
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
    n = (size_t)(t->hi - t->lo) + 2;
    t->slots = calloc(n * T_ARRAYS, sizeof *t->slots);
    return t->slots ? RT_OK : RT_ERR_NOMEM;
}

/* The slots of one array: rows + 1, the last for ranges' ends. */
static size_t stride(const struct tally *t)
{
    return (size_t)(t->hi - t->lo) + 2;
}

/* Adds one to array a at period p of a table, when p is one of its rows. */
static void add(struct tally *t, enum tally_array a, int64_t p)
{
    if (!t || !t->slots || p < t->lo || p > t->hi)
        return;
    t->slots[(size_t)a * stride(t) + (size_t)(p - t->lo)]++;
}

/*
 * Adds one to array a at every period from p to q that is a row, as a
 * difference: one up at the first, one down after the last; sum_ranges()
 * makes the counts.  Unsigned arithmetic wraps, and the sums come right.
 */
static void add_range(struct tally *t, enum tally_array a, int64_t p, int64_t q)
{
    uint64_t *slots;

    if (!t || !t->slots)
        return;
    p = p < t->lo ? t->lo : p;
    q = q > t->hi ? t->hi : q;
    if (p > q)
        return;
    slots = t->slots + (size_t)a * stride(t);
    slots[p - t->lo]++;
    slots[q - t->lo + 1]--;
}

/* The counts of the arrays add_range() fills: running sums. */
static void sum_ranges(struct tally *t)
{
    static const enum tally_array ranged[] = {T_START, T_END};
    size_t r, i;

    for (r = 0; t->slots && r < 2; r++) {
        uint64_t *slots = t->slots + (size_t)ranged[r] * stride(t);

        for (i = 1; i < stride(t); i++)
            slots[i] += slots[i - 1];
    }
}

struct targets {
    struct tally *group, *all;
};

static void add_both(struct targets to, enum tally_array a, int64_t p)
{
    add(to.group, a, p);
    add(to.all, a, p);
}

static void add_range_both(struct targets to, enum tally_array a, int64_t p,
                           int64_t q)
{
    add_range(to.group, a, p, q);
    add_range(to.all, a, p, q);
}

/*
 * The bits that say "in E(q)" from q = first to q = last, consecutive (log:
 * active in q; spans: on the first day of q + 1), of which the first is
 * `first_bit` and the last `last_bit`: so in S(q + 1) too; new in `first`
 * unless the bit of S(first) is set, first time when no bit is below
 * `stride` * first; lost in last + 1 unless the bit of E(last + 1) is set.
 */
static void count_states(const struct counting *c,
                         const struct cohort_customer *who, int64_t first,
                         int64_t last, int64_t first_bit, int64_t last_bit,
                         int64_t lowest, struct targets to)
{
    int64_t step = c->spans ? 2 : 1;

    add_range_both(to, T_END, first, last);
    add_range_both(to, T_START, first + 1, last + 1);
    if (!bit_set(c, who, first_bit - step)) {
        add_both(to, T_NEW, first);
        add_both(to, lowest >= step * first ? T_FIRST_TIME : T_RETURNING,
                 first);
    }
    if (!bit_set(c, who, last_bit + step))
        add_both(to, T_LOST, last + 1);
}

/*
 * One run of set bits, a to b (absolute).  Log: each bit is a period's E.
 * Spans: the odd bits are, and a run of one even bit alone is a customer
 * who joined and left within that period (in a longer run every even bit
 * has a set neighbour).
 */
static void count_run(const struct counting *c,
                      const struct cohort_customer *who, int64_t a, int64_t b,
                      int64_t lowest, struct targets to)
{
    int64_t odd_a, odd_b;

    if (!c->spans) {
        count_states(c, who, a, b, a, b, lowest, to);
        return;
    }
    if (a == b && even(a)) {
        add_both(to, T_JOINED_AND_LEFT, half_down(a));
        return;
    }
    odd_a = even(a) ? a + 1 : a;
    odd_b = even(b) ? b - 1 : b;
    count_states(c, who, half_down(odd_a - 1), half_down(odd_b - 1), odd_a,
                 odd_b, lowest, to);
}

/* The second walk: every customer's runs of bits into its tables. */
static void count_bits(struct counting *c)
{
    struct targets to = {NULL, &c->tallies[c->group_count]};
    struct cohort_customer who;
    struct bitmap map;
    size_t entry = 0, g, a, b;
    int64_t lowest;

    while (cohort_customer_next(c->engine, &entry, &who)) {
        g = group_of(c, who.segment);
        to.group = g != SIZE_MAX ? &c->tallies[g] : NULL;
        map = bitmap_of(c, &who);
        lowest = map.first + (int64_t)next_bit(&map, 0, true);
        for (a = next_bit(&map, 0, true); a < map.count * 64;
             a = next_bit(&map, b + 1, true)) {
            b = next_bit(&map, a, false) - 1;
            count_run(c, &who, map.first + (int64_t)a, map.first + (int64_t)b,
                      lowest, to);
        }
    }
    for (g = 0; g <= c->group_count; g++)
        sum_ranges(&c->tallies[g]);
}

/* One row from the arrays, checked: false when it does not reconcile. */
static bool make_row(const struct tally *t, size_t i, bool spans,
                     struct rt_period_counts *row)
{
    size_t n = stride(t);
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

/* A table's rows, checked one by one and each end against the next start;
 * where they fail to reconcile, the period in *failed. */
static enum rt_status make_rows(const struct tally *t, bool spans,
                                struct rt_period_table *table, int64_t *failed)
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
        if (!make_row(t, i, spans, &table->rows[i]) ||
            (i > 0 && table->rows[i - 1].end != table->rows[i].start)) {
            *failed = t->lo + (int64_t)i;
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
        status = make_rows(&c->tallies[g], c->spans, &c->out->groups[g],
                           &c->out->failed_period);
    if (status == RT_OK)
        status = make_rows(&c->tallies[c->group_count], c->spans,
                           &c->out->overall, &c->out->failed_period);
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
