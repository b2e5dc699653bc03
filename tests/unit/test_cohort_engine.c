/*
 * test_cohort_engine.c - the cohort engine: cases worked by hand, the
 * rates, the errors, and a randomized comparison with a brute-force
 * recomputation from the list of events.
 *
 * Expected results are dumps (cohort_dump.h): one line per cohort with
 * its size and its cells ("." unobserved), an average line per triangle
 * (cohorts/customers/active per column), then the notes.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cohort_chunk.h"
#include "cohort_customer.h"
#include "cohort_dump.h"
#include "cohort_engine.h"
#include "table.h"
#include "u128.h"

static const uint64_t key[2] = {0x0123456789abcdef, 0xfedcba9876543210};

#define MAX_EVENTS 16
#define DUMP_SIZE  16384

/* kind: 0 or 'b' a start and return event, 's' start only, 'r' return
 * only, 'n' neither. */
struct ev {
    const char *id;
    int64_t period;
    char kind;
    const char *segment;
    bool has_signup;
    int64_t signup;
};

struct engine_case {
    const char *name;
    bool from_signup;
    enum rt_cohort_mode mode;
    int64_t last;
    size_t max_columns;
    bool any_order; /* the result must not depend on the events' order */
    struct ev events[MAX_EVENTS];
    const char *want;
};

#define ON    RT_COHORT_ON
#define AFTER RT_COHORT_ON_OR_AFTER

static const struct engine_case engine_cases[] = {
    {"mode on: cells, zeros and unobserved cells",
     false,
     ON,
     2,
     0,
     true,
     {{"a", 0}, {"a", 2}, {"b", 0}, {"b", 1}, {"c", 1}},
     "*: c=0 n=2 2 1 1\n*: c=1 n=1 1 0 .\n*: avg 2/3/3 2/3/1 1/2/1\n"
     "notes: 0 0 0/0\n"},
    {"mode on-or-after: active then or later",
     false,
     AFTER,
     2,
     0,
     true,
     {{"a", 0}, {"a", 2}, {"b", 0}, {"b", 1}, {"c", 1}},
     "*: c=0 n=2 2 2 1\n*: c=1 n=1 1 0 .\n*: avg 2/3/3 2/3/2 1/2/1\n"
     "notes: 0 0 0/0\n"},
    {"duplicate events count once",
     false,
     ON,
     1,
     0,
     true,
     {{"a", 0}, {"a", 0}, {"a", 1}, {"b", 0}, {"a", 0}, {"a", 1}, {"b", 0}},
     "*: c=0 n=2 2 1\n*: avg 1/2/2 1/2/1\nnotes: 0 0 0/0\n"},
    {"max columns caps the columns",
     false,
     ON,
     2,
     2,
     true,
     {{"a", 0}, {"a", 2}, {"b", 0}, {"b", 1}, {"c", 1}},
     "*: c=0 n=2 2 1\n*: c=1 n=1 1 0\n*: avg 2/3/3 2/3/1\nnotes: 0 0 0/0\n"},
    {"on-or-after counts activity beyond the capped columns",
     false,
     AFTER,
     3,
     2,
     true,
     {{"d", 0}, {"d", 3}, {"e", 0}},
     "*: c=0 n=2 2 1\n*: avg 1/2/2 1/2/1\nnotes: 0 0 0/0\n"},
    {"mode on ignores activity beyond the capped columns",
     false,
     ON,
     3,
     2,
     true,
     {{"d", 0}, {"d", 3}, {"e", 0}},
     "*: c=0 n=2 2 0\n*: avg 1/2/2 1/2/0\nnotes: 0 0 0/0\n"},
    {"on-or-after counts activity in periods not complete yet",
     false,
     AFTER,
     1,
     0,
     true,
     {{"d", 0}, {"d", 3}, {"e", 0}, {"e", 2}},
     "*: c=0 n=2 2 2\n*: avg 1/2/2 1/2/2\nnotes: 0 0 0/0\n"},
    {"a cut-off before every cohort: one column, unobserved",
     false,
     ON,
     3,
     0,
     true,
     {{"a", 5}, {"b", 6}, {"a", 7}},
     "*: c=5 n=1 .\n*: c=6 n=1 .\n*: avg .\nnotes: 0 0 0/0\n"},
    {"a cohort after the cut-off is a row with no observed cell",
     false,
     ON,
     2,
     0,
     true,
     {{"a", 0}, {"b", 3}},
     "*: c=0 n=1 1 0 0\n*: c=3 n=1 . . .\n*: avg 1/1/1 1/1/0 1/1/0\n"
     "notes: 0 0 0/0\n"},
    {"empty cohorts between others are no rows",
     false,
     ON,
     4,
     0,
     true,
     {{"a", 0}, {"b", 4}, {"a", 4}},
     "*: c=0 n=1 1 0 0 0 1\n*: c=4 n=1 1 . . . .\n"
     "*: avg 2/2/2 1/1/0 1/1/0 1/1/0 1/1/1\nnotes: 0 0 0/0\n"},
    {"negative period indices",
     false,
     ON,
     -3,
     0,
     true,
     {{"a", -5}, {"a", -3}, {"b", -4}},
     "*: c=-5 n=1 1 0 1\n*: c=-4 n=1 1 0 .\n*: avg 2/2/2 2/2/0 1/1/1\n"
     "notes: 0 0 0/0\n"},
    {"returns more than 64 periods apart, in any order",
     false,
     ON,
     101,
     0,
     true,
     {{"a", 200, 'r'},
      {"a", 100},
      {"a", 0, 'n'},
      {"a", 101, 'r'},
      {"a", 300, 'r'},
      {"a", 99, 'r'},
      {"b", 100}},
     "*: c=100 n=2 2 1\n*: avg 1/2/2 1/2/1\nnotes: 0 0 0/0\n"},
    {"an earlier return moves the bits kept inline, and keeps every one",
     false,
     ON,
     70,
     0,
     true,
     {{"a", 60, 'r'}, {"a", 70}, {"a", 5, 'r'}, {"a", 68, 'r'}},
     "*: c=70 n=1 1\n*: avg 1/1/1\nnotes: 0 0 0/0\n"},
    {"start and return events",
     false,
     ON,
     2,
     0,
     true,
     {{"a", 0, 's'}, {"a", 1, 'r'}, {"a", 2, 'n'}, {"b", 1, 'r'}},
     "*: c=0 n=1 0 1 0\n*: avg 1/1/0 1/1/1 1/1/0\nnotes: 1 0 0/0\n"},
    {"the cohort is the earliest start event, whatever the order",
     false,
     ON,
     3,
     0,
     true,
     {{"a", 3}, {"a", 1, 's'}, {"a", 2, 'r'}, {"a", 0, 'r'}},
     "*: c=1 n=1 0 1 1\n*: avg 1/1/0 1/1/1 1/1/1\nnotes: 0 0 0/0\n"},
    {"groups in order of first appearance, segment from the earliest start",
     false,
     ON,
     1,
     0,
     false,
     {{"a", 0, 'b', "x"},
      {"b", 0, 'b', "y"},
      {"c", 1, 'b', "x"},
      {"a", 1, 'b', "y"}},
     "x: c=0 n=1 1 1\nx: c=1 n=1 1 .\nx: avg 2/2/2 1/1/1\n"
     "y: c=0 n=1 1 0\ny: avg 1/1/1 1/1/0\n"
     "*: c=0 n=2 2 1\n*: c=1 n=1 1 .\n*: avg 2/3/3 1/2/1\n"
     "notes: 0 0 0/0\n"},
    {"segment ties: the first fed; groups no customer ended in left out",
     false,
     ON,
     5,
     0,
     false,
     {{"a", 2, 'b', "p"},
      {"a", 2, 'b', "q"},
      {"a", 1, 'r', "r"},
      {"b", 5, 'b', "z"},
      {"b", 4, 'b', "w"}},
     "p: c=2 n=1 1 0 0 0\np: avg 1/1/1 1/1/0 1/1/0 1/1/0\n"
     "w: c=4 n=1 1 1 . .\nw: avg 1/1/1 1/1/1 . .\n"
     "*: c=2 n=1 1 0 0 0\n*: c=4 n=1 1 1 . .\n"
     "*: avg 2/2/2 2/2/1 1/1/0 1/1/0\nnotes: 0 0 0/0\n"},
    {"signup column: no start event, segment from the earliest event",
     true,
     ON,
     3,
     0,
     false,
     {{"a", 3, 'r', "x", true, 2}, {"a", 1, 'r', "y", true, 2}},
     "y: c=2 n=1 0 1\ny: avg 1/1/0 1/1/1\n"
     "*: c=2 n=1 0 1\n*: avg 1/1/0 1/1/1\nnotes: 0 0 1/1\n"},
    {"signup column: disagreements, the earliest wins, early returns",
     true,
     ON,
     3,
     0,
     true,
     {{"a", 3, 'b', NULL, true, 2},
      {"a", 1, 'b', NULL, true, 2},
      {"b", 2, 'b', NULL, true, 2},
      {"b", 3, 'b', NULL, true, 1},
      {"c", 2}},
     "*: c=1 n=1 0 1 1\n*: c=2 n=1 0 1 .\n*: avg 2/2/0 2/2/2 1/1/1\n"
     "notes: 1 1 1/1\n"},
    {"signup column: start events do not set the cohort",
     true,
     ON,
     6,
     0,
     true,
     {{"a", 5, 's', NULL, true, 3}, {"a", 6, 'r', NULL, true, 3}},
     "*: c=3 n=1 0 0 0 1\n*: avg 1/1/0 1/1/0 1/1/0 1/1/1\nnotes: 0 0 0/0\n"},
    {"no events", false, ON, 0, 0, true, {{NULL}}, "*: avg\nnotes: 0 0 0/0\n"},
};

static struct rt_cohort_event event_of(const struct ev *e)
{
    struct rt_cohort_event event = {e->id,
                                    strlen(e->id),
                                    e->period,
                                    e->kind != 'r' && e->kind != 'n',
                                    e->kind != 's' && e->kind != 'n',
                                    e->segment,
                                    0,
                                    e->has_signup,
                                    e->signup};

    if (e->segment)
        event.segment_len = strlen(e->segment);
    return event;
}

/*
 * Whether an ungrouped engine takes the case's events as well: no segment
 * and no signup, so that it keeps the compact record.
 */
static bool plain(const struct engine_case *c)
{
    size_t i;

    for (i = 0; i < MAX_EVENTS && c->events[i].id; i++)
        if (c->events[i].segment || c->events[i].has_signup)
            return false;
    return !c->from_signup;
}

/* Feeds the events in the order `order` gives and dumps the result. */
static void run_order(const struct engine_case *c, bool grouped,
                      const size_t *order, size_t count, char *dump)
{
    struct rt_cohort_engine engine;
    struct rt_cohort_result result;
    size_t i;

    rt_cohort_engine_init(&engine, key, c->from_signup, grouped);
    for (i = 0; i < count; i++) {
        struct rt_cohort_event event = event_of(&c->events[order[i]]);

        assert_int_equal(rt_cohort_engine_add(&engine, &event), RT_OK);
    }
    assert_int_equal(
        rt_cohort_finish(&engine, c->last, c->mode, c->max_columns, &result),
        RT_OK);
    assert_true(cohort_dump(&result, dump, DUMP_SIZE));
    rt_cohort_result_free(&result);
    rt_cohort_engine_free(&engine);
}

/*
 * Feeds the events in order through a chunk, as the reading thread hands
 * them to the feeding one: hashed when held, or left unhashed for the
 * chunk to hash as it feeds them (cohort_pipe.c decides which); with
 * plain_holds, a plain log's events held as the reader holds them.
 */
/* Holds an event in the chunk, a plain log's by cohort_chunk_hold_plain()
 * when `plain_holds` (the reader's way for such a log). */
static bool hold_event(struct cohort_chunk *chunk,
                       const struct rt_cohort_event *event, uint64_t hash,
                       uint64_t line, bool plain_holds)
{
    if (plain_holds && !event->segment && !event->has_signup && event->start &&
        event->returning)
        return cohort_chunk_hold_plain(chunk, event->id, event->id_len,
                                       (int32_t)event->period, event->day, hash,
                                       line);
    return cohort_chunk_hold(chunk, event, hash, line);
}

static void run_chunk(const struct engine_case *c, bool unhashed,
                      bool plain_holds, char *dump)
{
    static struct cohort_chunk chunk; /* large: kept off the stack */
    struct rt_cohort_engine engine;
    struct rt_cohort_result result;
    size_t i, entry;

    rt_cohort_engine_init(&engine, key, c->from_signup, true);
    cohort_chunk_clear(&chunk);
    chunk.unhashed = unhashed;
    for (i = 0; i < MAX_EVENTS && c->events[i].id; i++) {
        struct rt_cohort_event event = event_of(&c->events[i]);
        uint64_t hash =
            unhashed ? 0
                     : rt_cohort_engine_hash(&engine, event.id, event.id_len);

        assert_true(hold_event(&chunk, &event, hash, i + 2, plain_holds));
    }
    cohort_chunk_feed(&chunk, &engine);
    assert_int_equal(chunk.status, RT_OK);
    assert_int_equal(chunk.fed, i);
    /* Placed by their true hashes, whoever hashed: a lookup finds each. */
    for (i = 0; i < MAX_EVENTS && c->events[i].id; i++)
        assert_true(rt_idset_find(&engine.customers, c->events[i].id,
                                  strlen(c->events[i].id), &entry));
    assert_int_equal(
        rt_cohort_finish(&engine, c->last, c->mode, c->max_columns, &result),
        RT_OK);
    assert_true(cohort_dump(&result, dump, DUMP_SIZE));
    rt_cohort_result_free(&result);
    rt_cohort_engine_free(&engine);
    cohort_chunk_free(&chunk);
}

/* As given; when the order must not matter, reversed and rotated too;
 * and through a chunk, hashed by either thread. */
static void test_engine_case(void **state)
{
    const struct engine_case *c = *state;
    size_t order[MAX_EVENTS], count = 0, i, turn;
    char dump[DUMP_SIZE];

    while (count < MAX_EVENTS && c->events[count].id)
        count++;
    for (turn = 0; turn < (c->any_order ? count + 1 : 1); turn++) {
        for (i = 0; i < count; i++)
            order[i] = turn == 0   ? i
                       : turn == 1 ? count - 1 - i
                                   : (i + turn) % count;
        run_order(c, true, order, count, dump);
        assert_string_equal(dump, c->want);
        if (!plain(c))
            continue;
        run_order(c, false, order, count, dump);
        assert_string_equal(dump, c->want);
    }
    run_chunk(c, false, false, dump);
    assert_string_equal(dump, c->want);
    run_chunk(c, true, false, dump);
    assert_string_equal(dump, c->want);
    run_chunk(c, false, true, dump);
    assert_string_equal(dump, c->want);
}

/* Rates of a triangle given by hand: rows of (customers, active at 0). */
struct rate_case {
    const char *name;
    uint64_t rows[4][2]; /* up to four cohorts; customers 0 ends */
    unsigned precision;
    const char *pooled, *mean;
};

static const struct rate_case rate_cases[] = {
    {"a third and a half", {{3, 1}, {2, 1}}, 2, "40.00", "41.67"},
    {"a third and a half at -p 0", {{3, 1}, {2, 1}}, 0, "40", "42"},
    {"a mean of 6.25 rounds up at -p 1", {{8, 1}, {1, 0}}, 1, "11.1", "6.3"},
    {"a mean of 6.25 at -p 0", {{8, 1}, {1, 0}}, 0, "11", "6"},
    {"12.5 rounds away from zero", {{8, 1}}, 0, "13", "13"},
    {"all and none", {{5, 5}, {7, 0}}, 3, "41.667", "50.000"},
    {"-p 12", {{3, 2}, {7, 1}}, 12, "30.000000000000", "40.476190476190"},
};

/* A one-column triangle over rows[], for the rate functions. */
static void make_triangle(struct rt_cohort_triangle *tri,
                          struct rt_cohort_row *rows, uint64_t *active,
                          size_t count, uint64_t sums[3])
{
    size_t i;

    memset(tri, 0, sizeof *tri);
    sums[0] = count;
    sums[1] = sums[2] = 0;
    for (i = 0; i < count; i++) {
        rows[i].cohort = (int64_t)i;
        rows[i].observed = 1;
        rows[i].active = &active[i];
        sums[1] += rows[i].customers;
        sums[2] += active[i];
    }
    tri->rows = rows;
    tri->row_count = count;
    tri->columns = 1;
    tri->average.cohorts = &sums[0];
    tri->average.customers = &sums[1];
    tri->average.active = &sums[2];
}

static void test_rate_case(void **state)
{
    const struct rate_case *c = *state;
    struct rt_cohort_result result = {0};
    struct rt_cohort_triangle tri;
    struct rt_cohort_row rows[4] = {{0}};
    uint64_t active[4], sums[3];
    char text[RT_RATE_TEXT_SIZE];
    size_t count = 0;

    result.key[0] = key[0];
    result.key[1] = key[1];
    for (; count < 4 && c->rows[count][0]; count++) {
        rows[count].customers = c->rows[count][0];
        active[count] = c->rows[count][1];
    }
    make_triangle(&tri, rows, active, count, sums);
    assert_int_equal(
        rt_cohort_pooled_format(&tri, 0, c->precision, text, sizeof text),
        RT_OK);
    assert_string_equal(text, c->pooled);
    assert_int_equal(rt_cohort_mean_format(&result, &tri, 0, c->precision, text,
                                           sizeof text),
                     RT_OK);
    assert_string_equal(text, c->mean);
    assert_int_equal(
        rt_cohort_mean_exact(&tri, 0, c->precision, text, sizeof text), RT_OK);
    assert_string_equal(text, c->mean);
}

/*
 * A mean exactly halfway at -p 2 over 1,026 distinct cohort sizes, more
 * than fixed point keeps the rest of (fracsum.h): the big-number path
 * decides it.  Pairs 1/s and (s - 1)/s sum to 1; with 60,255/100,000 the
 * mean of 2,051 rates is 0.50005.
 */
static void test_mean_past_fixed_point(void **state)
{
    enum { PAIRS = 1025, ROWS = 2 * PAIRS + 1 };
    struct rt_cohort_result result = {0};
    struct rt_cohort_triangle tri;
    struct rt_cohort_row *rows = calloc(ROWS, sizeof *rows);
    uint64_t *active = calloc(ROWS, sizeof *active), sums[3], s = 1;
    char text[RT_RATE_TEXT_SIZE];
    size_t i;

    (void)state;
    assert_non_null(rows);
    assert_non_null(active);
    for (i = 0; i < PAIRS; i++) {
        do
            s += 2;
        while (s % 5 == 0);
        rows[2 * i].customers = rows[2 * i + 1].customers = s;
        active[2 * i] = 1;
        active[2 * i + 1] = s - 1;
    }
    rows[ROWS - 1].customers = 100000;
    active[ROWS - 1] = 60255;
    make_triangle(&tri, rows, active, ROWS, sums);
    assert_int_equal(rt_cohort_mean_format(&result, &tri, 0, 2, text, 64),
                     RT_OK);
    assert_string_equal(text, "50.01");
    assert_int_equal(rt_cohort_mean_format(&result, &tri, 0, 3, text, 64),
                     RT_OK);
    assert_string_equal(text, "50.005");
    assert_int_equal(rt_cohort_mean_format(&result, &tri, 0, 1, text, 64),
                     RT_OK);
    assert_string_equal(text, "50.0");
    free(rows);
    free(active);
}

/* Unobserved cells and columns with no average are refused, not "0". */
static void test_rate_errors(void **state)
{
    static const struct ev events[] = {{"a", 0}, {"b", 2}};
    struct rt_cohort_engine engine;
    struct rt_cohort_result result;
    char text[RT_RATE_TEXT_SIZE];
    size_t i;

    (void)state;
    rt_cohort_engine_init(&engine, key, false, false);
    for (i = 0; i < 2; i++) {
        struct rt_cohort_event event = event_of(&events[i]);

        assert_int_equal(rt_cohort_engine_add(&engine, &event), RT_OK);
    }
    assert_int_equal(rt_cohort_finish(&engine, 1, ON, 0, &result), RT_OK);
    assert_int_equal(result.columns, 2);
    assert_int_equal(
        rt_cohort_cell_format(&result.overall.rows[0], 1, 2, text, sizeof text),
        RT_OK);
    assert_string_equal(text, "0.00");
    assert_int_equal(
        rt_cohort_cell_format(&result.overall.rows[1], 0, 2, text, sizeof text),
        RT_ERR_RANGE);
    assert_int_equal(
        rt_cohort_pooled_format(&result.overall, 2, 2, text, sizeof text),
        RT_ERR_RANGE);
    assert_int_equal(rt_cohort_mean_format(&result, &result.overall, 1, 13,
                                           text, sizeof text),
                     RT_ERR_PRECISION);
    assert_int_equal(
        rt_cohort_mean_format(&result, &result.overall, 1, 2, text, 8),
        RT_ERR_BUFFER);
    rt_cohort_result_free(&result);
    rt_cohort_engine_free(&engine);
}

/* IDs and segments past RT_ID_MAX, periods out of reach, a bad mode. */
static void test_add_errors(void **state)
{
    char *long_id = malloc(RT_ID_MAX + 1);
    struct rt_cohort_engine engine;
    struct rt_cohort_result result;
    struct rt_cohort_event event = {"a", 1, 0, true, true, NULL, 0, false, 0};

    (void)state;
    assert_non_null(long_id);
    memset(long_id, 'x', RT_ID_MAX + 1);
    rt_cohort_engine_init(&engine, key, false, true);
    assert_int_equal(rt_cohort_engine_add(&engine, &event), RT_OK);
    event.returning = false; /* no bitmap of 2^30 bits */
    event.period = ((int64_t)1 << 30) - 1;
    assert_int_equal(rt_cohort_engine_add(&engine, &event), RT_OK);
    event.period = (int64_t)1 << 30;
    assert_int_equal(rt_cohort_engine_add(&engine, &event), RT_ERR_RANGE);
    event.period = INT64_MIN;
    assert_int_equal(rt_cohort_engine_add(&engine, &event), RT_ERR_RANGE);
    event.period = 0;
    event.has_signup = true;
    event.signup = INT64_MAX;
    assert_int_equal(rt_cohort_engine_add(&engine, &event), RT_ERR_RANGE);
    event.has_signup = false;
    event.id = long_id;
    event.id_len = RT_ID_MAX + 1;
    assert_int_equal(rt_cohort_engine_add(&engine, &event), RT_ERR_RANGE);
    event.id_len = RT_ID_MAX;
    event.segment = long_id;
    event.segment_len = RT_ID_MAX + 1;
    assert_int_equal(rt_cohort_engine_add(&engine, &event), RT_ERR_RANGE);
    {
        /* In a batch, the event that failed is named, the rest not taken. */
        struct rt_cohort_event batch[3] = {
            {"b", 1, 0, true, true, NULL, 0, false, 0},
            {long_id, RT_ID_MAX + 1, 0, true, true, NULL, 0, false, 0},
            {"c", 1, 0, true, true, NULL, 0, false, 0}};
        size_t fed = 99, entry;

        assert_int_equal(rt_cohort_engine_add_many(&engine, batch, 3, &fed),
                         RT_ERR_RANGE);
        assert_int_equal(fed, 1);
        assert_true(rt_idset_find(&engine.customers, "b", 1, &entry));
        assert_false(rt_idset_find(&engine.customers, "c", 1, &entry));
    }
    assert_int_equal(
        rt_cohort_finish(&engine, 0, (enum rt_cohort_mode)2, 0, &result),
        RT_ERR_INVALID);
    rt_cohort_result_free(&result);
    rt_cohort_engine_free(&engine);
    free(long_id);
}

/* Cut-offs as far as int64_t goes observe all or nothing. */
static void test_extreme_cutoffs(void **state)
{
    struct rt_cohort_engine engine;
    struct rt_cohort_result result;
    struct rt_cohort_event event = {"a", 1, -5, true, true, NULL, 0, false, 0};
    char dump[DUMP_SIZE];

    (void)state;
    rt_cohort_engine_init(&engine, key, false, false);
    assert_int_equal(rt_cohort_engine_add(&engine, &event), RT_OK);
    assert_int_equal(rt_cohort_finish(&engine, INT64_MAX, ON, 3, &result),
                     RT_OK);
    assert_true(cohort_dump(&result, dump, sizeof dump));
    assert_string_equal(
        dump, "*: c=-5 n=1 1 0 0\n*: avg 1/1/1 1/1/0 1/1/0\nnotes: 0 0 0/0\n");
    rt_cohort_result_free(&result);
    assert_int_equal(rt_cohort_finish(&engine, INT64_MIN, AFTER, 0, &result),
                     RT_OK);
    assert_true(cohort_dump(&result, dump, sizeof dump));
    assert_string_equal(dump, "*: c=-5 n=1 .\n*: avg .\nnotes: 0 0 0/0\n");
    rt_cohort_result_free(&result);
    rt_cohort_engine_free(&engine);
}

/*
 * The randomized comparison.  Each run makes a small log (up to 24
 * customers, 120 events, in random order with repeats, start events and
 * signups in at most 8 periods so that every rate's denominator stays
 * small) and works every number out again from the list of events alone:
 * counts by their definitions, rates checked against the exact ratio by
 * cross-multiplication.
 */
enum {
    RANDOM_RUNS = 2000,
    MAX_CUSTOMERS = 24,
    MAX_RANDOM_EVENTS = 120,
    MAX_SEGMENTS = 4,
    COHORT_PERIODS = 8,
    MAX_SPREAD = 150,
    MAX_COLUMNS = MAX_SPREAD + 4
};

struct random_event {
    int customer, segment;
    int64_t period, signup;
    bool start, returning, has_signup;
};

struct random_log {
    struct random_event events[MAX_RANDOM_EVENTS];
    size_t count;
    int customers;
    bool from_signup, grouped;
    enum rt_cohort_mode mode;
    int64_t last;
    size_t max_columns;
    unsigned precision;
};

/* What the brute force finds for one customer. */
struct brute {
    bool has_cohort, disagrees;
    int64_t cohort;
    int segment; /* -1: none */
};

static uint64_t random_state = 0x9e3779b97f4a7c15;
static unsigned current_run;

#define CHECK(cond)                                                            \
    do {                                                                       \
        if (!(cond))                                                           \
            fail_msg("random run %u: %s", current_run, #cond);                 \
    } while (0)

static uint64_t below(uint64_t n)
{
    random_state ^= random_state << 13;
    random_state ^= random_state >> 7;
    random_state ^= random_state << 17;
    return random_state % n;
}

static void make_log(struct random_log *log)
{
    int64_t origin = (int64_t)below((uint64_t)1 << 41) - ((int64_t)1 << 40);
    int64_t spread = below(4) == 0 ? MAX_SPREAD : 10, cohorts[COHORT_PERIODS];
    size_t i;

    memset(log, 0, sizeof *log);
    for (i = 0; i < COHORT_PERIODS; i++)
        cohorts[i] = origin + (int64_t)below((uint64_t)spread);
    log->customers = (int)below(MAX_CUSTOMERS) + 1;
    log->count = (size_t)below(MAX_RANDOM_EVENTS) + 1;
    log->from_signup = below(3) == 0;
    log->grouped = below(2) == 0;
    log->mode = below(2) ? RT_COHORT_ON : RT_COHORT_ON_OR_AFTER;
    log->last = origin + (int64_t)below((uint64_t)spread + 4) - 2;
    log->max_columns = below(3) == 0 ? (size_t)below(5) + 1 : 0;
    log->precision = (unsigned)below(RT_PRECISION_MAX + 1);
    for (i = 0; i < log->count; i++) {
        struct random_event *e = &log->events[i];
        unsigned kind = (unsigned)below(6);

        e->customer = (int)below((uint64_t)log->customers);
        e->segment = (int)below(MAX_SEGMENTS);
        e->start = kind < 4 || kind == 4;
        e->returning = kind < 4 || kind == 5;
        if (kind == 4 && below(4) == 0)
            e->start = false; /* neither */
        e->period = e->start ? cohorts[below(COHORT_PERIODS)]
                             : origin + (int64_t)below((uint64_t)spread);
        e->has_signup = log->from_signup && below(10) != 0;
        e->signup = cohorts[below(COHORT_PERIODS)];
    }
}

static bool returned(const struct random_log *log, int customer, int64_t period)
{
    size_t i;

    for (i = 0; i < log->count; i++)
        if (log->events[i].customer == customer && log->events[i].returning &&
            log->events[i].period == period)
            return true;
    return false;
}

/* The segment: the first event of the least period among start events, or
 * among all of them when there is none. */
static int brute_segment(const struct random_log *log, int customer)
{
    const struct random_event *best = NULL;
    bool any_start = false;
    size_t i;

    for (i = 0; i < log->count; i++)
        any_start |=
            log->events[i].customer == customer && log->events[i].start;
    for (i = 0; i < log->count; i++) {
        const struct random_event *e = &log->events[i];

        if (e->customer == customer && (e->start || !any_start) &&
            (!best || e->period < best->period))
            best = e;
    }
    return best && log->grouped ? best->segment : -1;
}

static struct brute brute_customer(const struct random_log *log, int customer)
{
    struct brute b = {false, false, 0, brute_segment(log, customer)};
    bool signup_seen = false;
    int64_t first_signup = 0;
    size_t i;

    for (i = 0; i < log->count; i++) {
        const struct random_event *e = &log->events[i];
        bool counts = log->from_signup ? e->has_signup : e->start;
        int64_t value = log->from_signup ? e->signup : e->period;

        if (e->customer != customer)
            continue;
        if (e->has_signup) {
            b.disagrees |= signup_seen && e->signup != first_signup;
            if (!signup_seen)
                first_signup = e->signup;
            signup_seen = true;
        }
        if (counts && (!b.has_cohort || value < b.cohort)) {
            b.cohort = value;
            b.has_cohort = true;
        }
    }
    return b;
}

/* Cell k of a customer of cohort c, by the definition of the mode. */
static bool brute_active(const struct random_log *log, int customer,
                         int64_t cohort, size_t k)
{
    int64_t p;

    if (log->mode == RT_COHORT_ON)
        return returned(log, customer, cohort + (int64_t)k);
    /* Any later period the log reaches, complete or not. */
    for (p = cohort + (int64_t)k; p <= cohort + (int64_t)k + 4 * MAX_SPREAD;
         p++)
        if (returned(log, customer, p))
            return true;
    return false;
}

/* Parses a rate's text into units of 10^-precision percent. */
static uint64_t units_of(const char *text, unsigned precision)
{
    const char *dot = strchr(text, '.');
    uint64_t units = 0;

    CHECK(precision == 0 ? dot == NULL : dot && strlen(dot + 1) == precision);
    for (; *text; text++)
        if (*text != '.')
            units = units * 10 + (uint64_t)(*text - '0');
    return units;
}

/*
 * text is num / den * 100 rounded half away from zero: with U its units,
 * (2U - 1) * den <= 2 * 10^(precision + 2) * num < (2U + 1) * den.
 */
static void check_rounded(const char *text, uint64_t num, uint64_t den,
                          unsigned precision)
{
    uint64_t units = units_of(text, precision), scale = 200;
    struct rt_u128 twice;
    unsigned i;

    for (i = 0; i < precision; i++)
        scale *= 10;
    twice = rt_u128_mul64(scale, num);
    CHECK(units == 0 ||
          rt_u128_cmp(rt_u128_mul64(2 * units - 1, den), twice) <= 0);
    CHECK(rt_u128_cmp(twice, rt_u128_mul64(2 * units + 1, den)) < 0);
}

static uint64_t gcd(uint64_t a, uint64_t b)
{
    while (b) {
        uint64_t r = a % b;

        a = b;
        b = r;
    }
    return a;
}

/* The rates of column k: every cell, the pooled and the mean average. */
static void check_rates(const struct random_log *log,
                        const struct rt_cohort_result *result,
                        const struct rt_cohort_triangle *tri, size_t k)
{
    uint64_t lcm = 1, sum = 0, m = tri->average.cohorts[k];
    char text[RT_RATE_TEXT_SIZE];
    size_t i;

    for (i = 0; i < tri->row_count; i++)
        if (k < tri->rows[i].observed)
            lcm =
                lcm / gcd(lcm, tri->rows[i].customers) * tri->rows[i].customers;
    for (i = 0; i < tri->row_count; i++) {
        const struct rt_cohort_row *row = &tri->rows[i];

        if (k >= row->observed)
            continue;
        sum += row->active[k] * (lcm / row->customers);
        CHECK(rt_cohort_cell_format(row, k, log->precision, text,
                                    sizeof text) == RT_OK);
        check_rounded(text, row->active[k], row->customers, log->precision);
    }
    CHECK(rt_cohort_pooled_format(tri, k, log->precision, text, sizeof text) ==
          RT_OK);
    check_rounded(text, tri->average.active[k], tri->average.customers[k],
                  log->precision);
    CHECK(rt_cohort_mean_format(result, tri, k, log->precision, text,
                                sizeof text) == RT_OK);
    check_rounded(text, sum, m * lcm, log->precision);
}

/* One triangle against the brute force: segment -1 is everyone. */
static void check_triangle(const struct random_log *log,
                           const struct rt_cohort_result *result,
                           const struct rt_cohort_triangle *tri,
                           const struct brute *brutes, int segment)
{
    uint64_t cohorts[MAX_COLUMNS], customers[MAX_COLUMNS] = {0},
                                   active[MAX_COLUMNS] = {0};
    size_t row = 0, k, observed;
    int64_t p;
    int c;

    CHECK(result->columns <= MAX_COLUMNS);
    memset(cohorts, 0, sizeof cohorts);
    for (p = INT64_MIN;;) {
        int64_t next = INT64_MAX;
        uint64_t size = 0;

        /* The next cohort of the triangle after p, in time order. */
        for (c = 0; c < log->customers; c++)
            if (brutes[c].has_cohort && brutes[c].cohort > p &&
                brutes[c].cohort < next &&
                (segment < 0 || brutes[c].segment == segment))
                next = brutes[c].cohort;
        if (next == INT64_MAX)
            break;
        p = next;
        CHECK(row < tri->row_count);
        CHECK(tri->rows[row].cohort == p);
        observed = p > log->last ? 0 : (size_t)(log->last - p + 1);
        if (observed > result->columns)
            observed = result->columns;
        CHECK(tri->rows[row].observed == observed);
        for (c = 0; c < log->customers; c++)
            size += brutes[c].has_cohort && brutes[c].cohort == p &&
                    (segment < 0 || brutes[c].segment == segment);
        CHECK(tri->rows[row].customers == size);
        for (k = 0; k < observed; k++) {
            uint64_t count = 0;

            for (c = 0; c < log->customers; c++)
                count += brutes[c].has_cohort && brutes[c].cohort == p &&
                         (segment < 0 || brutes[c].segment == segment) &&
                         brute_active(log, c, p, k);
            CHECK(tri->rows[row].active[k] == count);
            cohorts[k]++;
            customers[k] += size;
            active[k] += count;
        }
        row++;
    }
    CHECK(row == tri->row_count);
    for (k = 0; k < result->columns; k++) {
        CHECK(tri->average.cohorts[k] == cohorts[k]);
        CHECK(tri->average.customers[k] == customers[k]);
        CHECK(tri->average.active[k] == active[k]);
        if (cohorts[k])
            check_rates(log, result, tri, k);
    }
}

/* The notes and the columns, from the brute force. */
static void check_totals(const struct random_log *log,
                         const struct rt_cohort_result *result,
                         const struct brute *brutes)
{
    uint64_t without = 0, disagrees = 0, early = 0, early_periods = 0;
    int64_t low = INT64_MAX, p;
    size_t columns = 0;
    int c;

    for (c = 0; c < log->customers; c++) {
        uint64_t periods = 0;

        disagrees += brutes[c].disagrees;
        if (!brutes[c].has_cohort) {
            /* Customers that no event named are not customers at all. */
            size_t i;

            for (i = 0; i < log->count; i++)
                if (log->events[i].customer == c) {
                    without++;
                    break;
                }
            continue;
        }
        low = brutes[c].cohort < low ? brutes[c].cohort : low;
        if (!log->from_signup)
            continue;
        for (p = brutes[c].cohort - MAX_SPREAD; p < brutes[c].cohort; p++)
            periods += returned(log, c, p);
        early_periods += periods;
        early += periods > 0;
    }
    if (low != INT64_MAX) /* k = 0 at least, when there is a cohort */
        columns = log->last >= low ? (size_t)(log->last - low + 1) : 1;
    if (log->max_columns && columns > log->max_columns)
        columns = log->max_columns;
    CHECK(result->columns == columns);
    CHECK(result->notes.without_cohort == without);
    CHECK(result->notes.signup_disagrees == disagrees);
    CHECK(result->notes.early_customers == early);
    CHECK(result->notes.early_periods == early_periods);
}

/* Groups: segments in order of first appearance, those with customers. */
static void check_groups(const struct random_log *log,
                         const struct rt_cohort_result *result,
                         const struct brute *brutes)
{
    bool listed[MAX_SEGMENTS] = {false};
    size_t i, group = 0;
    char name[8];
    int c;

    for (i = 0; log->grouped && i < log->count; i++) {
        int segment = log->events[i].segment;
        bool used = false;

        if (listed[segment])
            continue;
        listed[segment] = true;
        for (c = 0; c < log->customers; c++)
            used |= brutes[c].has_cohort && brutes[c].segment == segment;
        if (!used)
            continue;
        CHECK(group < result->group_count);
        snprintf(name, sizeof name, "s%d", segment);
        CHECK(result->groups[group].group_len == strlen(name));
        CHECK(memcmp(result->groups[group].group, name, strlen(name)) == 0);
        check_triangle(log, result, &result->groups[group], brutes, segment);
        group++;
    }
    CHECK(group == result->group_count);
}

/* Feeds the log one event at a time or, in half the runs, in batches. */
static void feed(struct rt_cohort_engine *engine, const struct random_log *log)
{
    static char ids[MAX_RANDOM_EVENTS][16], segments[MAX_RANDOM_EVENTS][8];
    static struct rt_cohort_event events[MAX_RANDOM_EVENTS];
    size_t i, start = 0, fed, batch = below(2) ? (size_t)below(40) + 1 : 0;

    for (i = 0; i < log->count; i++) {
        const struct random_event *e = &log->events[i];
        struct rt_cohort_event *event = &events[i];

        *event = (struct rt_cohort_event){
            ids[i], 0, e->period,     e->start, e->returning,
            NULL,   0, e->has_signup, e->signup};
        event->id_len =
            (size_t)snprintf(ids[i], sizeof ids[i], "c%d", e->customer);
        if (log->grouped) {
            event->segment = segments[i];
            event->segment_len = (size_t)snprintf(
                segments[i], sizeof segments[i], "s%d", e->segment);
        }
        if (!batch)
            CHECK(rt_cohort_engine_add(engine, event) == RT_OK);
        else if (i + 1 - start == batch || i + 1 == log->count) {
            CHECK(rt_cohort_engine_add_many(engine, events + start,
                                            i + 1 - start, &fed) == RT_OK);
            CHECK(fed == i + 1 - start);
            start = i + 1;
        }
    }
}

static void test_random(void **state)
{
    static struct random_log log;
    struct brute brutes[MAX_CUSTOMERS];
    struct rt_cohort_engine engine;
    struct rt_cohort_result result;
    /* Under valgrind (the memcheck stage, which has a time budget) an
       eighth of the runs; the other stages run them all. */
    unsigned runs = getenv("RETAIN_WRAPPER") ? RANDOM_RUNS / 8 : RANDOM_RUNS;
    int c;

    (void)state;
    for (current_run = 0; current_run < runs; current_run++) {
        make_log(&log);
        for (c = 0; c < log.customers; c++)
            brutes[c] = brute_customer(&log, c);
        rt_cohort_engine_init(&engine, key, log.from_signup, log.grouped);
        feed(&engine, &log);
        CHECK(rt_cohort_finish(&engine, log.last, log.mode, log.max_columns,
                               &result) == RT_OK);
        check_totals(&log, &result, brutes);
        check_groups(&log, &result, brutes);
        check_triangle(&log, &result, &result.overall, brutes, -1);
        rt_cohort_result_free(&result);
        rt_cohort_engine_free(&engine);
    }
}

/*
 * Segments only for a grouped engine, signups not for a compact one: the
 * refused event leaves nothing behind, not even its customer.
 */
static void test_refused_events(void **state)
{
    struct rt_cohort_engine engine;
    struct rt_cohort_event event = {"a", 1, 0, true, true, "s", 1, false, 0};
    size_t entry;

    (void)state;
    rt_cohort_engine_init(&engine, key, false, false);
    assert_int_equal(rt_cohort_engine_add(&engine, &event), RT_ERR_INVALID);
    event.segment = NULL;
    event.has_signup = true;
    assert_int_equal(rt_cohort_engine_add(&engine, &event), RT_ERR_INVALID);
    assert_false(rt_idset_find(&engine.customers, "a", 1, &entry));
    rt_cohort_engine_free(&engine);
    rt_cohort_engine_init(&engine, key, true, false);
    assert_int_equal(rt_cohort_engine_add(&engine, &event), RT_OK);
    event.segment = "s";
    assert_int_equal(rt_cohort_engine_add(&engine, &event), RT_ERR_INVALID);
    rt_cohort_engine_free(&engine);
}

/* The result's triangle over everyone alone, its groups left out. */
static void dump_overall(const struct rt_cohort_result *result, char *dump)
{
    struct rt_cohort_result overall = *result;

    overall.group_count = 0;
    CHECK(cohort_dump(&overall, dump, DUMP_SIZE));
}

/*
 * A grouped engine (the full record) and an ungrouped one (the compact
 * record) fed the same random events, the first with segments, give the
 * same triangle over everyone.
 */
static void test_grouped_alike(void **state)
{
    static struct random_log log;
    static char grouped_dump[DUMP_SIZE], plain_dump[DUMP_SIZE];
    struct rt_cohort_engine engine;
    struct rt_cohort_result result;
    size_t i;
    int layout;

    (void)state;
    for (current_run = 0; current_run < RANDOM_RUNS; current_run++) {
        make_log(&log);
        log.from_signup = false;
        for (i = 0; i < log.count; i++)
            log.events[i].has_signup = false;
        for (layout = 0; layout < 2; layout++) {
            log.grouped = layout == 0;
            rt_cohort_engine_init(&engine, key, false, log.grouped);
            feed(&engine, &log);
            CHECK(rt_cohort_finish(&engine, log.last, log.mode, log.max_columns,
                                   &result) == RT_OK);
            dump_overall(&result, layout == 0 ? grouped_dump : plain_dump);
            rt_cohort_result_free(&result);
            rt_cohort_engine_free(&engine);
        }
        CHECK(strcmp(grouped_dump, plain_dump) == 0);
    }
}

/*
 * Subscription rows (rt_cohort_engine_add_span()): each case feeds rows
 * and closes the open ones at `close` (none when close_none), then dumps
 * every customer as "ID c=COHORT open=LO BITS", BITS as ranges "lo..hi"
 * of absolute periods, "-" for none.
 */
#define MAX_ROWS 8

struct row {
    const char *id;
    int64_t period, lo, hi;
    bool open;
};

struct span_case {
    const char *name;
    bool close_none;
    int64_t close;
    struct row rows[MAX_ROWS];
    const char *want;
};

static const struct span_case span_cases[] = {
    {"one word", true, 0, {{"a", 0, 0, 5, false}}, "a c=0 open=- 0..5\n"},
    {"across word boundaries",
     true,
     0,
     {{"a", 60, 60, 130, false}, {"b", 0, 63, 64, false}},
     "a c=60 open=- 60..130\nb c=0 open=- 63..64\n"},
    {"negative periods below the origin",
     true,
     0,
     {{"b", 10, 10, 10, false}, {"b", -100, -100, -30, false}},
     "b c=-100 open=- -100..-30 10..10\n"},
    {"growth both ways, then a row joining them",
     true,
     0,
     {{"a", 0, 0, 0, false},
      {"a", -200, -200, -190, false},
      {"a", 300, 300, 310, false},
      {"a", -5, -6, 5, false}},
     "a c=-200 open=- -200..-190 -6..5 300..310\n"},
    {"an earlier row slides the inline word",
     true,
     0,
     {{"a", 10, 10, 20, false}, {"a", 5, 5, 8, false}},
     "a c=5 open=- 5..8 10..20\n"},
    {"touching and overlapping rows are one stretch",
     true,
     0,
     {{"a", 0, 0, 4, false}, {"a", 5, 5, 9, false}, {"a", 3, 3, 70, false}},
     "a c=0 open=- 0..70\n"},
    {"lo past hi marks nothing but notes the cohort",
     true,
     0,
     {{"a", 4, 4, 3, false}, {"b", 4, 3, 3, false}, {"c", -5, -5, -6, false}},
     "a c=4 open=- -\nb c=4 open=- 3..3\nc c=-5 open=- -\n"},
    {"open rows are marked from their least lo on by close_open",
     false,
     140,
     {{"a", 3, 3, 2, true},
      {"a", 7, 7, 6, true},
      {"b", 0, 0, 1, false},
      {"c", 200, 200, 199, true},
      {"d", 139, 139, 138, true},
      {"e", 140, 140, 139, true}},
     "a c=3 open=3 3..140\nb c=0 open=- 0..1\nc c=200 open=200 -\n"
     "d c=139 open=139 139..140\ne c=140 open=140 140..140\n"},
    {"close_open below every period marks nothing",
     false,
     -50,
     {{"a", 0, 0, -1, true}, {"b", 5, 4, 4, false}},
     "a c=0 open=0 -\nb c=5 open=- 4..4\n"},
    {"an open row over closed ones",
     false,
     9,
     {{"a", 0, 0, 2, false}, {"a", 5, 4, 3, true}, {"a", 6, 6, 20, false}},
     "a c=0 open=4 0..2 4..20\n"},
    {"no rows", false, 5, {{NULL}}, ""},
};

static void test_span_case(void **state)
{
    const struct span_case *c = *state;
    struct rt_cohort_engine engine;
    char dump[DUMP_SIZE];
    size_t i;

    rt_cohort_engine_init_spans(&engine, key, false);
    for (i = 0; i < MAX_ROWS && c->rows[i].id; i++) {
        const struct row *r = &c->rows[i];
        struct rt_cohort_event event = {
            r->id, strlen(r->id), r->period, true, false, NULL, 0, false, 0, 0};

        assert_int_equal(
            rt_cohort_engine_add_span(&engine, &event, r->lo, r->hi, r->open),
            RT_OK);
    }
    if (!c->close_none) {
        assert_int_equal(rt_cohort_engine_close_open(&engine, c->close), RT_OK);
        /* Again: nothing changes. */
        assert_int_equal(rt_cohort_engine_close_open(&engine, c->close), RT_OK);
    }
    assert_true(cohort_dump_spans(&engine, 0, dump, DUMP_SIZE));
    assert_string_equal(dump, c->want);
    rt_cohort_engine_free(&engine);
}

/* Random rows, both ways round the origin and across many words, against a
 * plain array of bits. */
enum { SPAN_REACH = 600, SPAN_RUNS = 300 };

static void test_random_spans(void **state)
{
    static bool want[2 * SPAN_REACH + 1];
    char dump[DUMP_SIZE], expected[DUMP_SIZE], *at;
    struct rt_cohort_engine engine;
    int64_t p, close;
    int rows, i;
    /* Under valgrind (the memcheck stage's time budget), fewer. */
    unsigned runs = getenv("RETAIN_WRAPPER") ? SPAN_RUNS / 6 : SPAN_RUNS;

    (void)state;
    for (current_run = 0; current_run < runs; current_run++) {
        int64_t open_lo = INT64_MAX, cohort = INT64_MAX;

        memset(want, 0, sizeof want);
        rt_cohort_engine_init_spans(&engine, key, current_run % 2 == 0);
        rows = (int)below(6) + 1;
        close = (int64_t)below(2 * SPAN_REACH) - SPAN_REACH;
        for (i = 0; i < rows; i++) {
            int64_t lo = (int64_t)below(2 * SPAN_REACH) - SPAN_REACH;
            int64_t hi = lo + (int64_t)below(below(2) ? 10 : 300);
            bool open = below(4) == 0;
            struct rt_cohort_event event = {"a",  1, lo,    true, false,
                                            NULL, 0, false, 0,    0};

            hi = hi > SPAN_REACH ? SPAN_REACH : hi;
            CHECK(rt_cohort_engine_add_span(&engine, &event, lo, hi, open) ==
                  RT_OK);
            cohort = lo < cohort ? lo : cohort;
            open_lo = open && lo < open_lo ? lo : open_lo;
            for (p = lo; p <= hi; p++)
                want[p + SPAN_REACH] = true;
        }
        CHECK(rt_cohort_engine_close_open(&engine, close) == RT_OK);
        for (p = open_lo; p <= close; p++)
            want[p + SPAN_REACH] = true;
        at = expected;
        at += sprintf(at, "a c=%" PRId64 " open=", cohort);
        at += open_lo == INT64_MAX ? sprintf(at, "-")
                                   : sprintf(at, "%" PRId64, open_lo);
        for (p = -SPAN_REACH; p <= SPAN_REACH; p++)
            if (want[p + SPAN_REACH] &&
                (p == -SPAN_REACH || !want[p - 1 + SPAN_REACH])) {
                int64_t to = p;

                while (to < SPAN_REACH && want[to + 1 + SPAN_REACH])
                    to++;
                at += sprintf(at, " %" PRId64 "..%" PRId64, p, to);
            }
        if (strchr(expected, '.') == NULL)
            at += sprintf(at, " -");
        sprintf(at, "\n");
        assert_true(cohort_dump_spans(&engine, 0, dump, DUMP_SIZE));
        if (strcmp(dump, expected) != 0)
            fail_msg("random run %u: %s != %s", current_run, dump, expected);
        rt_cohort_engine_free(&engine);
    }
}

/*
 * Random rows into an engine bounded to its starts, closed at or after
 * the bit before the greatest lo, as retain closes one (the cut-off is the
 * latest start): the bits are the rows' union up to the close, none after.
 */
static void test_random_bounded(void **state)
{
    static bool want[2 * SPAN_REACH + 1];
    char dump[DUMP_SIZE], expected[DUMP_SIZE], *at;
    const char *bits;
    struct rt_cohort_engine engine;
    int64_t p, close, lo, hi, most;
    unsigned runs = getenv("RETAIN_WRAPPER") ? SPAN_RUNS / 6 : SPAN_RUNS;
    int rows, i;

    (void)state;
    for (current_run = 0; current_run < runs; current_run++) {
        memset(want, 0, sizeof want);
        rt_cohort_engine_init_spans(&engine, key, false);
        rt_cohort_engine_bound_to_starts(&engine);
        rows = (int)below(8) + 1;
        most = -SPAN_REACH;
        for (i = 0; i < rows; i++) {
            bool open = below(4) == 0;
            struct rt_cohort_event event = {"a",  1, 0,     true, false,
                                            NULL, 0, false, 0,    0};

            lo = (int64_t)below(SPAN_REACH) - SPAN_REACH / 2;
            hi = lo + (int64_t)below(below(2) ? 10 : 300) - 1;
            hi = open ? lo - 1 : hi > SPAN_REACH / 2 ? SPAN_REACH / 2 : hi;
            event.period = lo;
            CHECK(rt_cohort_engine_add_span(&engine, &event, lo, hi, open) ==
                  RT_OK);
            most = lo > most ? lo : most;
            for (p = lo; p <= (open ? SPAN_REACH : hi); p++)
                want[p + SPAN_REACH] = true;
        }
        close = most - 1 + (int64_t)below(3);
        CHECK(rt_cohort_engine_close_open(&engine, close) == RT_OK);
        at = expected;
        for (p = -SPAN_REACH; p <= close; p++)
            if (want[p + SPAN_REACH] && !want[p - 1 + SPAN_REACH]) {
                int64_t to = p;

                while (to < close && want[to + 1 + SPAN_REACH])
                    to++;
                at += sprintf(at, " %" PRId64 "..%" PRId64, p, to);
            }
        sprintf(at, "%s\n", at == expected ? " -" : "");
        assert_true(cohort_dump_spans(&engine, 0, dump, DUMP_SIZE));
        /* The bits follow "a c=COHORT open=LO" or "tail=LO..HI". */
        bits = strchr(strchr(strchr(dump, ' ') + 1, ' ') + 1, ' ');
        if (strcmp(bits, expected) != 0)
            fail_msg("random run %u: %s != %s", current_run, dump, expected);
        rt_cohort_engine_free(&engine);
    }
}

/* What a span engine refuses, and what other engines refuse of spans. */
static void test_span_errors(void **state)
{
    struct rt_cohort_engine engine;
    struct rt_cohort_event event = {"a", 1, 0, true, false, NULL, 0, false, 0};
    size_t entry;

    (void)state;
    rt_cohort_engine_init(&engine, key, false, true);
    assert_int_equal(rt_cohort_engine_add_span(&engine, &event, 0, 1, false),
                     RT_ERR_INVALID);
    assert_int_equal(rt_cohort_engine_close_open(&engine, 5), RT_OK);
    rt_cohort_engine_free(&engine);
    rt_cohort_engine_init_spans(&engine, key, false);
    assert_int_equal(rt_cohort_engine_close_open(&engine, 5), RT_OK);
    event.has_signup = true;
    assert_int_equal(rt_cohort_engine_add_span(&engine, &event, 0, 1, false),
                     RT_ERR_INVALID);
    event.has_signup = false;
    event.segment = "s";
    event.segment_len = 1;
    assert_int_equal(rt_cohort_engine_add_span(&engine, &event, 0, 1, false),
                     RT_ERR_INVALID);
    event.segment = NULL;
    assert_int_equal(
        rt_cohort_engine_add_span(&engine, &event, 0, (int64_t)1 << 30, false),
        RT_ERR_RANGE);
    assert_int_equal(rt_cohort_engine_add_span(&engine, &event,
                                               -((int64_t)1 << 30), 0, true),
                     RT_ERR_RANGE);
    assert_false(rt_idset_find(&engine.customers, "a", 1, &entry));
    /* Far past hi: a lo past hi needs no reach. */
    assert_int_equal(
        rt_cohort_engine_add_span(&engine, &event, 0, INT64_MIN, true), RT_OK);
    assert_int_equal(rt_cohort_engine_close_open(&engine, (int64_t)1 << 30),
                     RT_ERR_RANGE);
    assert_int_equal(rt_cohort_engine_close_open(&engine, INT64_MIN), RT_OK);
    assert_int_equal(rt_cohort_engine_close_open(&engine, 3), RT_OK);
    {
        struct rt_cohort_event batch[2] = {
            {"b", 1, 0, true, false, NULL, 0, false, 0},
            {"c", 1, 0, true, false, NULL, 0, true, 0}};
        struct rt_cohort_span spans[2] = {{0, 1, false}, {0, 1, false}};
        uint64_t hashes[2] = {rt_cohort_engine_hash(&engine, "b", 1),
                              rt_cohort_engine_hash(&engine, "c", 1)};
        size_t fed = 99;

        assert_int_equal(rt_cohort_engine_add_spans_hashed(
                             &engine, batch, spans, hashes, 2, &fed),
                         RT_ERR_INVALID);
        assert_int_equal(fed, 1);
        assert_true(rt_idset_find(&engine.customers, "b", 1, &entry));
        assert_false(rt_idset_find(&engine.customers, "c", 1, &entry));
    }
    rt_cohort_engine_free(&engine);
}

/*
 * A span engine finishes as a log's does: cohorts from the starts, cells
 * from the bits (RT_SPAN_BITS_END: cell k of cohort c is bit c + k).
 */
static void test_span_finish(void **state)
{
    struct rt_cohort_engine engine;
    struct rt_cohort_result result;
    struct rt_cohort_event a = {"a", 1, 1, true, false, "x", 1, false, 0};
    struct rt_cohort_event b = {"b", 1, 1, true, false, "y", 1, false, 0};
    char dump[DUMP_SIZE];

    (void)state;
    rt_cohort_engine_init_spans(&engine, key, true);
    /* a: from the first day of 1 to inside 3: bits 0..2; b: mid 1, open. */
    assert_int_equal(rt_cohort_engine_add_span(&engine, &a, 0, 2, false),
                     RT_OK);
    assert_int_equal(rt_cohort_engine_add_span(&engine, &b, 1, 0, true), RT_OK);
    assert_int_equal(rt_cohort_engine_close_open(&engine, 4), RT_OK);
    assert_int_equal(rt_cohort_finish(&engine, 4, RT_COHORT_ON, 0, &result),
                     RT_OK);
    assert_true(cohort_dump(&result, dump, DUMP_SIZE));
    assert_string_equal(dump, "x: c=1 n=1 1 1 0 0\nx: avg 1/1/1 1/1/1 1/1/0 "
                              "1/1/0\ny: c=1 n=1 1 1 1 1\ny: avg 1/1/1 1/1/1 "
                              "1/1/1 1/1/1\n*: c=1 n=2 2 2 1 1\n*: avg 1/2/2 "
                              "1/2/2 1/2/1 1/2/1\nnotes: 0 0 0/0\n");
    rt_cohort_result_free(&result);
    rt_cohort_engine_free(&engine);
}

/* The most words any customer's bitmap has. */
static uint32_t most_words(const struct rt_cohort_engine *engine)
{
    struct cohort_customer customer;
    size_t entry = 0;
    uint32_t most = 0;

    while (cohort_customer_next(engine, &entry, &customer))
        most = customer.words > most ? customer.words : most;
    return most;
}

/*
 * An engine bounded to its starts (no --as-of) keeps a row ending far ahead
 * (9999-12-31 for "no end") as a tail: its bitmap stays one word, before
 * closing and after.  A row past a tail's end (the horizon moved on) marks
 * the old tail; one below the horizon is marked at once.
 */
static void test_bounded_tail(void **state)
{
    struct rt_cohort_engine engine;
    struct rt_cohort_event z = {"z", 1, 0, true, false, NULL, 0, false, 0, 0};
    struct rt_cohort_event a = {"a", 1, 3, true, false, NULL, 0, false, 0, 0};
    char dump[DUMP_SIZE];

    (void)state;
    rt_cohort_engine_init_spans(&engine, key, false);
    rt_cohort_engine_bound_to_starts(&engine);
    assert_int_equal(rt_cohort_engine_add_span(&engine, &z, 0, 1000000, false),
                     RT_OK);
    assert_int_equal(rt_cohort_engine_add_span(&engine, &a, 3, 5, false),
                     RT_OK);
    assert_int_equal(rt_cohort_engine_add_span(&engine, &a, 10, 12, false),
                     RT_OK);
    assert_int_equal(rt_cohort_engine_add_span(&engine, &a, 6, 8, false),
                     RT_OK);
    assert_true(cohort_dump_spans(&engine, 0, dump, DUMP_SIZE));
    assert_string_equal(dump, "z c=0 tail=0..1000000 -\n"
                              "a c=3 tail=10..12 3..8\n");
    assert_int_equal(most_words(&engine), 1);
    assert_int_equal(rt_cohort_engine_close_open(&engine, 11), RT_OK);
    assert_true(cohort_dump_spans(&engine, 0, dump, DUMP_SIZE));
    assert_string_equal(dump, "z c=0 tail=0..1000000 0..11\n"
                              "a c=3 tail=10..12 3..8 10..11\n");
    assert_int_equal(most_words(&engine), 1);
    rt_cohort_engine_free(&engine);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_mean_past_fixed_point),
        cmocka_unit_test(test_rate_errors),
        cmocka_unit_test(test_add_errors),
        cmocka_unit_test(test_extreme_cutoffs),
        cmocka_unit_test(test_random),
        cmocka_unit_test(test_refused_events),
        cmocka_unit_test(test_grouped_alike),
        cmocka_unit_test(test_random_spans),
        cmocka_unit_test(test_random_bounded),
        cmocka_unit_test(test_span_errors),
        cmocka_unit_test(test_span_finish),
        cmocka_unit_test(test_bounded_tail),
    };
    int failed = TABLE_RUN("cohort engine", engine_cases, test_engine_case);

    failed += TABLE_RUN("cohort rates", rate_cases, test_rate_case);
    failed += TABLE_RUN("cohort spans", span_cases, test_span_case);
    return failed +
           cmocka_run_group_tests_name("cohort engine", tests, NULL, NULL);
}
