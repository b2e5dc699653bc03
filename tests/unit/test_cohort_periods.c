/*
 * test_cohort_periods.c - the counts of every period from the engine's
 * bits: cases worked by hand (every kind of customer, gaps, unfinished
 * periods, segments; spans' doubled bits fed bit by bit), and a randomized
 * comparison with a brute-force count over the same sets of bits.
 *
 * Expected results are dumps: one line per row, "GROUP PERIOD: S E
 * retained lost new first_time returning joined_and_left" (GROUP * for
 * the overall table), then "last_data N".
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cohort_engine.h"
#include "cohort_periods.h"
#include "table.h"

static const uint64_t key[2] = {0x0123456789abcdef, 0xfedcba9876543210};

#define MAX_BITS  24
#define DUMP_SIZE 4096

/* A customer's set bit (a return event at that index). */
struct bit {
    const char *id;
    int64_t bit;
    const char *segment;
};

struct periods_case {
    const char *name;
    bool spans;
    int64_t last;
    struct bit bits[MAX_BITS];
    const char *want;
};

static const struct periods_case periods_cases[] = {
    {"log: kept, lost, first time, returning",
     false,
     2,
     {{"kept", 0},
      {"kept", 1},
      {"kept", 2},
      {"lost", 0},
      {"first", 1},
      {"first", 2},
      {"back", 0},
      {"back", 2}},
     "* 1: 3 2 1 2 1 1 0 0\n* 2: 2 3 2 0 1 0 1 0\nlast_data 2\n"},
    {"log: a gap of no customer is a row",
     false,
     3,
     {{"a", 0}, {"a", 3}},
     "* 1: 1 0 0 1 0 0 0 0\n* 2: 0 0 0 0 0 0 0 0\n"
     "* 3: 0 1 0 0 1 0 1 0\nlast_data 3\n"},
    {"log: periods after the cut-off are left out",
     false,
     1,
     {{"a", 0}, {"a", 1}, {"a", 2}, {"b", 2}},
     "* 1: 1 1 1 0 0 0 0 0\nlast_data 2\n"},
    {"log: only the first period ended: no row",
     false,
     0,
     {{"a", 0}, {"a", 1}},
     "last_data 1\n"},
    {"log: periods below 0",
     false,
     -1,
     {{"a", -3}, {"b", -2}, {"a", -1}},
     "* -2: 1 1 0 1 1 1 0 0\n* -1: 1 1 0 1 1 0 1 0\nlast_data -1\n"},
    {"log: segments, each from its own first period",
     false,
     2,
     {{"a", 0, "x"},
      {"a", 1, "x"},
      {"b", 1, "y"},
      {"b", 2, "y"},
      {"c", 2, "y"}},
     "x 1: 1 1 1 0 0 0 0 0\nx 2: 1 0 0 1 0 0 0 0\n"
     "y 2: 1 2 1 0 1 1 0 0\n"
     "* 1: 1 2 1 0 1 1 0 0\n* 2: 2 2 1 1 1 1 0 0\nlast_data 2\n"},
    {"log: a segment with no row is left out",
     false,
     1,
     {{"a", 0, "x"}, {"a", 1, "x"}, {"b", 1, "y"}},
     "x 1: 1 1 1 0 0 0 0 0\n* 1: 1 2 1 0 1 1 0 0\nlast_data 1\n"},
    /* Spans: bit 2P = some day of P, bit 2P+1 = the first day of P+1. */
    {"spans: kept, lost, joined and left, returning",
     true,
     2,
     {/* mid P0, still active (closed at 2 * 2 + 1) */
      {"kept", 0},
      {"kept", 1},
      {"kept", 2},
      {"kept", 3},
      {"kept", 4},
      {"kept", 5},
      /* the first day of P1 up to the first day of P2 */
      {"lost", 1},
      {"lost", 2},
      /* within P1 */
      {"jal", 2},
      /* within P0, then again from mid P2 on */
      {"back", 0},
      {"back", 4},
      {"back", 5}},
     "* 0: 0 2 0 0 2 2 0 1\n* 1: 2 1 1 1 0 0 0 1\n"
     "* 2: 1 2 1 0 1 0 1 0\nlast_data 2\n"},
    {"spans: a start on a period's first day is in its S",
     true,
     1,
     {{"a", 1}, {"a", 2}, {"a", 3}, {"b", 2}, {"b", 3}},
     "* 1: 1 2 1 0 1 1 0 0\nlast_data 1\n"},
    {"spans: two stretches within one period are one joined and left",
     true,
     0,
     {{"a", 0}, {"a", 0}},
     "* 0: 0 0 0 0 0 0 0 1\nlast_data 0\n"},
};

static struct rt_cohort_event event_of(const struct bit *b)
{
    struct rt_cohort_event event = {0};

    event.id = b->id;
    event.id_len = strlen(b->id);
    event.period = b->bit;
    event.start = true;
    event.returning = true;
    event.segment = b->segment;
    event.segment_len = b->segment ? strlen(b->segment) : 0;
    return event;
}

static size_t dump_table(const struct rt_period_table *t, char *dump,
                         size_t size)
{
    size_t used = 0, i;

    for (i = 0; i < t->count && used < size; i++) {
        const struct rt_period_counts *r = &t->rows[i];

        used += (size_t)snprintf(
            dump + used, size - used,
            "%.*s %" PRId64 ": %" PRIu64 " %" PRIu64 " %" PRIu64 " %" PRIu64
            " %" PRIu64 " %" PRIu64 " %" PRIu64 " %" PRIu64 "\n",
            t->group ? (int)t->group_len : 1, t->group ? t->group : "*",
            r->period, r->start, r->end, r->retained, r->lost, r->new_customers,
            r->first_time, r->returning, r->joined_and_left);
    }
    return used;
}

static void dump_result(const struct rt_period_result *r, char *dump,
                        size_t size)
{
    size_t used = 0, g;

    dump[0] = '\0';
    for (g = 0; g < r->group_count; g++)
        used += dump_table(&r->groups[g], dump + used, size - used);
    used += dump_table(&r->overall, dump + used, size - used);
    if (r->last_data == INT64_MIN)
        snprintf(dump + used, size - used, "last_data none\n");
    else
        snprintf(dump + used, size - used, "last_data %" PRId64 "\n",
                 r->last_data);
}

static bool grouped(const struct periods_case *c)
{
    size_t i;

    for (i = 0; i < MAX_BITS && c->bits[i].id; i++)
        if (c->bits[i].segment)
            return true;
    return false;
}

/* Fed in the order given, then (without segments, whose order is that of
 * appearance) reversed: the counts do not depend on it. */
static void test_periods_case(void **state)
{
    const struct periods_case *c = *state;
    char dump[DUMP_SIZE];
    size_t count = 0, i, pass;

    while (count < MAX_BITS && c->bits[count].id)
        count++;
    for (pass = 0; pass < (grouped(c) ? 1u : 2u); pass++) {
        struct rt_cohort_engine engine;
        struct rt_period_result result;

        rt_cohort_engine_init(&engine, key, false, grouped(c));
        for (i = 0; i < count; i++) {
            const struct bit *b = &c->bits[pass ? count - 1 - i : i];
            struct rt_cohort_event event = event_of(b);

            assert_int_equal(rt_cohort_engine_add(&engine, &event), RT_OK);
        }
        assert_int_equal(rt_cohort_periods(&engine, c->spans, c->last, &result),
                         RT_OK);
        assert_int_equal(result.first_unfinished, c->last + 1);
        dump_result(&result, dump, sizeof dump);
        assert_string_equal(dump, c->want);
        rt_period_result_free(&result);
        rt_period_result_free(&result); /* twice: a freed one is empty */
        rt_cohort_engine_free(&engine);
    }
}

/* A row of a subscription table as the reader maps it to doubled bits. */
struct span_row {
    const char *id;
    int64_t lo, hi;
    bool open;
};

/*
 * Rows fed through the engine's span API, open ones closed at the last
 * complete period's end bit: the CLI's worked example (test_cli_periods.c)
 * with January as period 0.
 */
static void test_spans_through_the_engine(void **state)
{
    static const struct span_row rows[] = {
        {"kept", 0, 0, true},  /* mid P0, still running */
        {"lost", 1, 2, false}, /* first day of P1 to first day of P2 */
        {"jal", 2, 2, false},  /* within P1 */
        {"back", 0, 0, false}, /* within P0 ... */
        {"back", 4, 4, true},  /* ... and from mid P2 on */
        {"two", -1, 2, false}, /* first day of P0 to mid P1 ... */
        {"two", 2, 4, false}}; /* ... overlapping, to the first day of P3 */
    struct rt_cohort_engine engine;
    struct rt_period_result result;
    char dump[DUMP_SIZE];
    size_t i;

    (void)state;
    rt_cohort_engine_init_spans(&engine, key, false);
    for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        struct bit b = {rows[i].id, rows[i].lo, NULL};
        struct rt_cohort_event event = event_of(&b);

        assert_int_equal(rt_cohort_engine_add_span(&engine, &event, rows[i].lo,
                                                   rows[i].hi, rows[i].open),
                         RT_OK);
    }
    assert_int_equal(rt_cohort_engine_close_open(&engine, 2 * 2 + 1), RT_OK);
    assert_int_equal(rt_cohort_periods(&engine, true, 2, &result), RT_OK);
    dump_result(&result, dump, sizeof dump);
    assert_string_equal(dump, "* 0: 1 3 1 0 2 2 0 1\n* 1: 3 2 2 1 0 0 0 1\n"
                              "* 2: 2 2 1 1 1 0 1 0\nlast_data 2\n");
    rt_period_result_free(&result);
    rt_cohort_engine_free(&engine);
}

/* An engine fed nothing: no row, no data. */
static void test_empty(void **state)
{
    struct rt_cohort_engine engine;
    struct rt_period_result result;

    (void)state;
    rt_cohort_engine_init(&engine, key, false, false);
    assert_int_equal(rt_cohort_periods(&engine, true, 5, &result), RT_OK);
    assert_int_equal(result.overall.count, 0);
    assert_int_equal(result.group_count, 0);
    assert_true(result.last_data == INT64_MIN);
    rt_period_result_free(&result);
    rt_cohort_engine_free(&engine);
}

/* Random sets of bits, and the counts of each period by brute force. */
#define RANDOM_CUSTOMERS 40
#define RANDOM_BITS      140 /* more than two words: heap bitmaps too */

struct random_bits {
    bool set[RANDOM_CUSTOMERS][RANDOM_BITS];
};

static uint64_t next_random(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

static bool has(const struct random_bits *r, size_t c, int64_t b)
{
    return b >= 0 && b < RANDOM_BITS && r->set[c][b];
}

static int64_t lowest_bit(const struct random_bits *r, size_t c)
{
    int64_t b;

    for (b = 0; b < RANDOM_BITS; b++)
        if (r->set[c][b])
            return b;
    return INT64_MAX;
}

/* The counts of period p by brute force, every customer asked. */
static void brute_row(const struct random_bits *r, bool spans, int64_t p,
                      struct rt_period_counts *want)
{
    int64_t in_s = spans ? 2 * p - 1 : p - 1, in_e = spans ? 2 * p + 1 : p;
    size_t c;

    memset(want, 0, sizeof *want);
    want->period = p;
    for (c = 0; c < RANDOM_CUSTOMERS; c++) {
        bool s = has(r, c, in_s), e = has(r, c, in_e);

        want->start += s;
        want->end += e;
        want->retained += s && e;
        want->lost += s && !e;
        want->new_customers += e && !s;
        if (e && !s && lowest_bit(r, c) >= (spans ? 2 * p : p))
            want->first_time++;
        else if (e && !s)
            want->returning++;
        want->joined_and_left += spans && has(r, c, 2 * p) && !s && !e;
    }
}

static void check_random(const struct random_bits *r, bool spans, int64_t last)
{
    struct rt_cohort_engine engine;
    struct rt_period_result result;
    struct rt_period_counts want;
    int64_t first = INT64_MAX, lo;
    char id[16];
    size_t c, i;

    rt_cohort_engine_init(&engine, key, false, false);
    for (c = 0; c < RANDOM_CUSTOMERS; c++) {
        for (i = 0; i < RANDOM_BITS; i++) {
            struct bit b = {id, (int64_t)i, NULL};
            struct rt_cohort_event event;

            if (!r->set[c][i])
                continue;
            snprintf(id, sizeof id, "c%zu", c);
            event = event_of(&b);
            assert_int_equal(rt_cohort_engine_add(&engine, &event), RT_OK);
        }
        if (lowest_bit(r, c) < first)
            first = lowest_bit(r, c);
    }
    assert_int_equal(rt_cohort_periods(&engine, spans, last, &result), RT_OK);
    lo = spans ? (first + 1) / 2 : first + 1;
    assert_int_equal(result.overall.count, last >= lo ? last - lo + 1 : 0);
    for (i = 0; i < result.overall.count; i++) {
        brute_row(r, spans, lo + (int64_t)i, &want);
        assert_memory_equal(&result.overall.rows[i], &want, sizeof want);
    }
    rt_period_result_free(&result);
    rt_cohort_engine_free(&engine);
}

static void test_random(void **state)
{
    static struct random_bits r;
    uint64_t seed = 0x9e3779b97f4a7c15;
    unsigned round;
    size_t c, b;

    (void)state;
    for (round = 0; round < 60; round++) {
        unsigned density = 1 + (unsigned)(next_random(&seed) % 6);

        memset(&r, 0, sizeof r);
        for (c = 0; c < RANDOM_CUSTOMERS; c++)
            for (b = 0; b < RANDOM_BITS; b++)
                r.set[c][b] = next_random(&seed) % 8 < density;
        check_random(&r, round % 2 == 1,
                     (int64_t)(next_random(&seed) % (RANDOM_BITS / 2 + 10)));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_spans_through_the_engine),
        cmocka_unit_test(test_random),
    };
    int failed = TABLE_RUN("cohort periods", periods_cases, test_periods_case);

    return failed +
           cmocka_run_group_tests_name("cohort periods", tests, NULL, NULL);
}
