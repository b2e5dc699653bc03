/*
 * test_summary.c - the summary per group: many groups (the table grows and
 * rehashes), groups whose keys differ in one byte or only in length, merging
 * in input order as the batch threads do, clearing for reuse, hash keys that
 * change nothing, and the warning for a mean left unknown.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sink.h"
#include "summary.h"
#include "table.h"

#define GROUPS 300

static const uint64_t key_one[2] = {1, 2};
static const uint64_t key_two[2] = {UINT64_C(0x9e3779b97f4a7c15),
                                    UINT64_C(0xdeadbeefcafebabe)};

static void add_row(struct rt_summary *summary, const char *key, uint64_t start,
                    uint64_t end, uint64_t new_customers)
{
    const struct rt_counts counts = {start, end, new_customers, true};
    struct rt_figures figures;

    assert_int_equal(rt_figures_compute(&counts, 2, &figures), RT_OK);
    assert_true(
        rt_summary_add(summary, true, key, strlen(key), &figures, NULL));
}

/* The summary as CSV text at `precision`, told to `reporter`; caller frees. */
static char *emit_with(const struct rt_summary *summary, unsigned precision,
                       const struct rt_reporter *reporter)
{
    const struct rt_summary_format how = {RT_FORMAT_CSV, ',', "seg", precision,
                                          NULL,          0,   NULL,  reporter};
    struct rt_sink sink;
    char *text;

    rt_sink_init_memory(&sink);
    assert_true(rt_summary_emit(summary, &sink, &how));
    assert_false(sink.failed);
    text = malloc(sink.len + 1);
    assert_non_null(text);
    memcpy(text, sink.buf, sink.len);
    text[sink.len] = '\0';
    rt_sink_free(&sink);
    return text;
}

static char *emit(const struct rt_summary *summary)
{
    return emit_with(summary, 2, NULL);
}

/* The line of the group `key`, or NULL. */
static const char *find_line(const char *text, const char *key)
{
    char prefix[64];
    const char *line;

    snprintf(prefix, sizeof prefix, "\ngroup,%s,", key);
    line = strstr(text, prefix);
    return line ? line + 1 : NULL;
}

static void expect_line(const char *text, const char *key, const char *want)
{
    const char *line = find_line(text, key);

    assert_non_null(line);
    assert_memory_equal(line, want, strlen(want));
}

/* Group g<i> gets start 100 + i, end 90 + i, new 10, once per pass. */
static void add_groups(struct rt_summary *summary, int from, int to)
{
    char key[16];
    int i;

    for (i = from; i < to; i++) {
        snprintf(key, sizeof key, "g%d", i);
        add_row(summary, key, (uint64_t)(100 + i), (uint64_t)(90 + i), 10);
    }
}

static void test_many_groups(void **state)
{
    struct rt_summary *summary = rt_summary_new(key_one);
    char *text;

    (void)state;
    assert_non_null(summary);
    add_groups(summary, 0, GROUPS);
    add_groups(summary, 0, GROUPS);
    assert_int_equal(summary->count, GROUPS);
    text = emit(summary);
    assert_memory_equal(text, "scope,seg,rows,", 15);
    /* In the order of first appearance: g0 first, g299 last. */
    assert_true(find_line(text, "g0") < find_line(text, "g1"));
    assert_true(find_line(text, "g298") < find_line(text, "g299"));
    expect_line(text, "g0", "group,g0,2,200,180,20,160,40,80.00,20.00,");
    expect_line(text, "g299",
                "group,g299,2,798,778,20,758,40,94.99,5.01,97.49,2.51,");
    assert_non_null(strstr(text, "\nall,,600,"));
    free(text);
    rt_summary_free(summary);
}

/* Keys that share a prefix, differ in one byte, or are empty. */
static void test_similar_keys(void **state)
{
    static const char *const keys[] = {"a", "ab", "b", "", "a\xff", "ba"};
    struct rt_summary *summary = rt_summary_new(key_one);
    size_t i;
    char *text;

    (void)state;
    assert_non_null(summary);
    for (i = 0; i < sizeof keys / sizeof keys[0]; i++)
        add_row(summary, keys[i], 10, 9, (uint64_t)i);
    add_row(summary, "ab", 10, 10, 0);
    assert_int_equal(summary->count, 6);
    text = emit(summary);
    expect_line(text, "ab", "group,ab,2,20,19,1,18,2,90.00,10.00,");
    expect_line(text, "a", "group,a,1,10,9,0,9,1,90.00,10.00,");
    expect_line(text, "", "group,,1,10,9,3,6,4,60.00,40.00,");
    free(text);
    rt_summary_free(summary);
}

/*
 * Blocks merged in input order give what one pass gives; a cleared summary
 * forgets everything and can be used again.
 */
static void test_merge_and_clear(void **state)
{
    struct rt_summary *whole = rt_summary_new(key_one),
                      *first = rt_summary_new(key_one),
                      *second = rt_summary_new(key_one);
    char *one, *merged;

    (void)state;
    assert_non_null(whole);
    assert_non_null(first);
    assert_non_null(second);
    add_groups(whole, 0, 40);
    add_groups(whole, 20, 60);
    add_groups(first, 0, 40);
    add_groups(second, 20, 60);
    assert_true(rt_summary_merge(first, second));
    one = emit(whole);
    merged = emit(first);
    assert_string_equal(merged, one);
    free(merged);
    rt_summary_clear(first);
    assert_int_equal(first->count, 0);
    assert_int_equal(first->total.rows, 0);
    add_groups(first, 0, 40);
    add_groups(first, 20, 60);
    merged = emit(first);
    assert_string_equal(merged, one);
    free(merged);
    free(one);
    rt_summary_free(whole);
    rt_summary_free(first);
    rt_summary_free(second);
}

/*
 * Rows whose mean is exact to about 30 digits: 1/7, 3/11 and so on of
 * large start counts, a few hundred of them per group.
 */
static void add_mixed(struct rt_summary *summary, int from, int to)
{
    char key[16];
    int i;

    for (i = from; i < to; i++) {
        uint64_t start = UINT64_C(1000003) * (uint64_t)(i % 97 + 1);

        snprintf(key, sizeof key, "m%d", i % 13);
        add_row(summary, key, start, start / (uint64_t)(i % 7 + 2),
                (uint64_t)(i % 5));
    }
}

/* Two hash keys, and the same rows merged in blocks: the same summary. */
static void test_keys_change_nothing(void **state)
{
    struct rt_summary *one = rt_summary_new(key_one);
    struct rt_summary *two = rt_summary_new(key_two);
    struct rt_summary *part = rt_summary_new(key_two);
    char *a, *b;

    (void)state;
    assert_non_null(one);
    assert_non_null(two);
    assert_non_null(part);
    add_groups(one, 0, GROUPS);
    add_mixed(one, 0, 3000);
    add_groups(two, 0, GROUPS);
    add_mixed(part, 0, 1000);
    assert_true(rt_summary_merge(two, part));
    rt_summary_clear(part);
    add_mixed(part, 1000, 3000);
    assert_true(rt_summary_merge(two, part));
    a = emit_with(one, 12, NULL);
    b = emit_with(two, 12, NULL);
    assert_string_equal(a, b);
    free(a);
    free(b);
    rt_summary_free(one);
    rt_summary_free(two);
    rt_summary_free(part);
}

struct heard {
    int count;
    char last[400];
};

static void hear(void *context, enum rt_severity severity, const char *file,
                 uint64_t line, const char *message)
{
    struct heard *heard = context;

    assert_int_equal(severity, RT_SEVERITY_WARNING);
    assert_null(file);
    assert_int_equal(line, 0);
    heard->count++;
    snprintf(heard->last, sizeof heard->last, "%s", message);
}

/*
 * A group of 1,025 pairs of rows a/s, (s - a)/s with distinct odd s, and
 * one row that puts the mean at exactly 50.5%: at -p 0 it is left empty,
 * with a warning naming the group; the other group and the total are not.
 */
static void test_undecided_mean(void **state)
{
    struct rt_summary *summary = rt_summary_new(key_one);
    struct heard heard = {0, ""};
    const struct rt_reporter reporter = {hear, &heard};
    uint64_t s = 1;
    char *text;
    int i;

    (void)state;
    assert_non_null(summary);
    for (i = 0; i < 1025; i++) {
        do
            s += 2;
        while (s % 5 == 0);
        add_row(summary, "a\tb", s, 1, 0);
        add_row(summary, "a\tb", s, s - 1, 0);
    }
    add_row(summary, "a\tb", 1000, 10755, 0);
    add_row(summary, "z", 1000, 900, 0);
    text = emit_with(summary, 0, &reporter);
    expect_line(text, "a\tb",
                "group,a\tb,2051,2632686,1326598,0,1326598,1306088,50,50,50,"
                "50,,0,1076\n");
    expect_line(text, "z",
                "group,z,1,1000,900,0,900,100,90,10,90,10,90,90,90\n");
    assert_int_equal(heard.count, 1);
    assert_string_equal(heard.last,
                        "warning: summary of group 'a\\tb': "
                        "mean_retention_rate left empty: it is within 10^-25 "
                        "of halfway between two values at -p 0, and its rows "
                        "have too many distinct start counts to decide "
                        "exactly");
    free(text);
    text = emit_with(summary, 1, &reporter);
    assert_int_equal(heard.count, 1);
    expect_line(text, "a\tb",
                "group,a\tb,2051,2632686,1326598,0,1326598,1306088,50.4,"
                "49.6,50.4,49.6,50.5,0.0,1075.5\n");
    free(text);
    rt_summary_free(summary);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_many_groups),
        cmocka_unit_test(test_similar_keys),
        cmocka_unit_test(test_merge_and_clear),
        cmocka_unit_test(test_keys_change_nothing),
        cmocka_unit_test(test_undecided_mean),
    };

    return cmocka_run_group_tests_name("summary", tests, NULL, NULL);
}
