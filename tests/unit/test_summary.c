/*
 * test_summary.c - the summary per group: many groups (the table grows and
 * rehashes), groups whose keys differ in one byte or only in length, merging
 * in input order as the batch threads do, and clearing for reuse.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sink.h"
#include "summary.h"
#include "table.h"

#define GROUPS 300

static void add_row(struct rt_summary *summary, const char *key, uint64_t start,
                    uint64_t end, uint64_t new_customers)
{
    const struct rt_counts counts = {start, end, new_customers, true};
    struct rt_figures figures;

    assert_int_equal(rt_figures_compute(&counts, 2, &figures), RT_OK);
    assert_true(
        rt_summary_add(summary, true, key, strlen(key), &figures, NULL));
}

/* The summary as CSV text; the caller frees it. */
static char *emit(const struct rt_summary *summary)
{
    const struct rt_summary_format how = {RT_FORMAT_CSV, ',', "seg", 2,
                                          NULL,          0,   NULL};
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
    struct rt_summary *summary = rt_summary_new();
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
    struct rt_summary *summary = rt_summary_new();
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
    struct rt_summary *whole = rt_summary_new(), *first = rt_summary_new(),
                      *second = rt_summary_new();
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_many_groups),
        cmocka_unit_test(test_similar_keys),
        cmocka_unit_test(test_merge_and_clear),
    };

    return cmocka_run_group_tests_name("summary", tests, NULL, NULL);
}
