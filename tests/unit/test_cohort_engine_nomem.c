/*
 * test_cohort_engine_nomem.c - the cohort engine out of memory.  Each case
 * feeds a log, builds the triangles and writes every mean, once as it is,
 * then with each of its allocations failing in turn (every one of the
 * first 256, then a spread of later ones), alone and with every later one.
 * Each such run must say it ran out of memory or give the same text, and
 * free what it allocated.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cohort_dump.h"
#include "cohort_engine.h"
#include "failing_alloc.h"
#include "table.h"

static const uint64_t key[2] = {7, 11};

#define TEXT_SIZE 65536

struct nomem_case {
    const char *name;
    bool from_signup, grouped, many;
    enum rt_cohort_mode mode;
    unsigned customers, events;
    int64_t spread;         /* periods 0 .. spread - 1, in a scrambled order */
    const char *want_start; /* how the dump starts */
    bool spans; /* rows of a subscription table: ranges, some open */
};

static const struct nomem_case nomem_cases[] = {
    {"grouped, bitmaps of many words, one event at a time", false, true, false,
     RT_COHORT_ON, 20, 200, 80, "g0: c=0 n=6 5 0 2 2 "},
    {"grouped, on or after, fed in batches", false, true, true,
     RT_COHORT_ON_OR_AFTER, 20, 200, 80, "g0: c=0 n=6 6 6 6 "},
    {"signup column, 100 customers", true, false, true, RT_COHORT_ON, 100, 300,
     30, "*: c=0 n=7 5 0 0 1 "},
    {"subscription rows, grouped, ranges over many words", false, true, false,
     RT_COHORT_ON, 20, 120, 80, "g0: c=0 n=6 ", true},
};

/* Event i of a case: customer, period and segment from a fixed scramble. */
static struct rt_cohort_event event_of(const struct nomem_case *c, unsigned i,
                                       char id[16], char segment[8])
{
    unsigned customer = i % c->customers;
    uint32_t mixed = (uint32_t)(i * 2654435761u) >> 8;
    int64_t period = (int64_t)(mixed % (uint32_t)c->spread);
    struct rt_cohort_event event = {
        id,
        0,
        period,
        i % 5 != 4,
        i % 7 != 6,
        NULL,
        0,
        c->from_signup,
        (int64_t)((customer * 13u + i % 2) % (unsigned)c->spread)};

    if (i < c->customers)
        event.period = 0; /* every customer starts at 0: a cohort of each */
    event.id_len = (size_t)snprintf(id, 16, "id-%u", customer);
    if (c->grouped) {
        event.segment = segment;
        event.segment_len = (size_t)snprintf(segment, 8, "g%u", i % 3);
    }
    return event;
}

/* Row i of a table: event i's period on, 0 to 99 periods, every fourth
 * open. */
static bool feed_spans(struct rt_cohort_engine *engine,
                       const struct nomem_case *c)
{
    char id[16], segment[8];
    unsigned i;

    for (i = 0; i < c->events; i++) {
        struct rt_cohort_event event = event_of(c, i, id, segment);
        enum rt_status status =
            rt_cohort_engine_add_span(engine, &event, event.period,
                                      event.period + (i * 7) % 100, i % 4 == 0);

        assert_true(status == RT_OK || status == RT_ERR_NOMEM);
        if (status != RT_OK)
            return false;
    }
    return true;
}

static bool feed(struct rt_cohort_engine *engine, const struct nomem_case *c)
{
    struct rt_cohort_event events[32];
    char ids[32][16], segments[32][8];
    unsigned i, n = 0;
    size_t fed;

    for (i = 0; i < c->events; i++) {
        events[n] = event_of(c, i, ids[n], segments[n]);
        if (!c->many) {
            enum rt_status status = rt_cohort_engine_add(engine, &events[n]);

            assert_true(status == RT_OK || status == RT_ERR_NOMEM);
            if (status != RT_OK)
                return false;
            continue;
        }
        if (++n == 32 || i + 1 == c->events) {
            enum rt_status status =
                rt_cohort_engine_add_many(engine, events, n, &fed);

            assert_true(status == RT_OK || status == RT_ERR_NOMEM);
            if (status != RT_OK)
                return false;
            n = 0;
        }
    }
    return true;
}

/* Appends the means of every observed column of a triangle. */
static bool add_means(const struct rt_cohort_result *result,
                      const struct rt_cohort_triangle *tri, char *text)
{
    char rate[RT_RATE_TEXT_SIZE];
    size_t k;

    strcat(text, "means:");
    for (k = 0; k < tri->columns; k++) {
        enum rt_status status;

        if (!tri->average.cohorts[k])
            continue;
        status = rt_cohort_mean_format(result, tri, k, 3, rate, sizeof rate);
        assert_true(status == RT_OK || status == RT_ERR_NOMEM);
        if (status != RT_OK)
            return false;
        strcat(text, " ");
        strcat(text, rate);
    }
    strcat(text, "\n");
    return true;
}

/* The case's dump and means; false when out of memory. */
static bool run(const struct nomem_case *c, char *text)
{
    struct rt_cohort_engine engine;
    struct rt_cohort_result result;
    enum rt_status status;
    bool ok = false;
    size_t i;

    if (c->spans) {
        rt_cohort_engine_init_spans(&engine, key, c->grouped);
        if (!feed_spans(&engine, c))
            goto done;
        status = rt_cohort_engine_close_open(&engine, c->spread + 100);
        assert_true(status == RT_OK || status == RT_ERR_NOMEM);
        if (status != RT_OK)
            goto done;
    } else {
        rt_cohort_engine_init(&engine, key, c->from_signup, c->grouped);
        if (!feed(&engine, c))
            goto done;
    }
    status = rt_cohort_finish(&engine, c->spread - 1, c->mode, 0, &result);
    assert_true(status == RT_OK || status == RT_ERR_NOMEM);
    if (status != RT_OK)
        goto done;
    assert_true(cohort_dump(&result, text, TEXT_SIZE / 2));
    ok = add_means(&result, &result.overall, text);
    for (i = 0; ok && i < result.group_count; i++)
        ok = add_means(&result, &result.groups[i], text);
    rt_cohort_result_free(&result);
done:
    rt_cohort_engine_free(&engine);
    return ok;
}

static unsigned long next_failure(unsigned long n)
{
    return n < 256 ? n + 1 : n + n / 8;
}

static void test_out_of_memory(void **state)
{
    const struct nomem_case *c = *state;
    char *want = malloc(TEXT_SIZE), *got = malloc(TEXT_SIZE);
    long live = failing_alloc_live();
    unsigned long calls, n;
    int persistent;

    assert_non_null(want);
    assert_non_null(got);
    failing_alloc_reset(0, false);
    assert_true(run(c, want));
    assert_memory_equal(want, c->want_start, strlen(c->want_start));
    calls = failing_alloc_calls();
    assert_int_equal(failing_alloc_live(), live);
    assert_true(calls > 0);
    for (n = 1; n <= calls; n = next_failure(n))
        for (persistent = 0; persistent < 2; persistent++) {
            bool ok;

            failing_alloc_reset(n, persistent != 0);
            ok = run(c, got);
            failing_alloc_reset(0, false);
            assert_int_equal(failing_alloc_live(), live);
            if (ok)
                assert_string_equal(got, want);
        }
    free(want);
    free(got);
}

/*
 * The big-number path of the mean, which rt_cohort_mean_format() takes
 * past 1,024 distinct cohort sizes (test_cohort_engine.c), here on five:
 * (1/3 + 2/7 + 5/11 + 1/8 + 9/13) / 5 = 45,427 / 120,120.
 */
static bool mean_exact(char *text)
{
    static const uint64_t sizes[5] = {3, 7, 11, 8, 13};
    static uint64_t active[5] = {1, 2, 5, 1, 9};
    struct rt_cohort_row rows[5];
    struct rt_cohort_triangle tri = {0};
    uint64_t sums[3] = {5, 42, 18};
    enum rt_status status;
    size_t i;

    for (i = 0; i < 5; i++) {
        rows[i].cohort = (int64_t)i;
        rows[i].customers = sizes[i];
        rows[i].observed = 1;
        rows[i].active = &active[i];
    }
    tri.rows = rows;
    tri.row_count = 5;
    tri.columns = 1;
    tri.average.cohorts = &sums[0];
    tri.average.customers = &sums[1];
    tri.average.active = &sums[2];
    status = rt_cohort_mean_exact(&tri, 0, 12, text, RT_RATE_TEXT_SIZE);
    assert_true(status == RT_OK || status == RT_ERR_NOMEM);
    return status == RT_OK;
}

static void test_mean_out_of_memory(void **state)
{
    char want[RT_RATE_TEXT_SIZE], got[RT_RATE_TEXT_SIZE];
    long live = failing_alloc_live();
    unsigned long calls, n;
    int persistent;

    (void)state;
    failing_alloc_reset(0, false);
    assert_true(mean_exact(want));
    assert_string_equal(want, "37.818015318015");
    calls = failing_alloc_calls();
    for (n = 1; n <= calls; n = next_failure(n))
        for (persistent = 0; persistent < 2; persistent++) {
            failing_alloc_reset(n, persistent != 0);
            if (mean_exact(got))
                assert_string_equal(got, want);
            failing_alloc_reset(0, false);
            assert_int_equal(failing_alloc_live(), live);
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_mean_out_of_memory),
    };

    return TABLE_RUN("cohort engine out of memory", nomem_cases,
                     test_out_of_memory) +
           cmocka_run_group_tests_name("cohort mean out of memory", tests, NULL,
                                       NULL);
}
