/*
 * test_chart_line.c - the line chart (src/chart/chart_line.c): what it
 * refuses, where lines break, how the legend and the layers come out.
 * The whole documents are the CLI tests' golden files; these read parts.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart_line.h"
#include "table.h"

#define GAP RT_CHART_GAP

static const char *const ticks[] = {"a", "b", "c", "d"};

/* Draws `chart` into memory: the status, and the text in *svg (freed by
   the caller). */
static enum rt_status draw(const struct rt_line_chart *chart, char **svg)
{
    struct rt_sink sink;
    enum rt_status status;

    rt_sink_init_memory(&sink);
    status = rt_chart_line_write(&sink, chart);
    rt_sink_put(&sink, '\0');
    *svg = sink.buf;
    return status;
}

static size_t occurrences(const char *text, const char *what)
{
    size_t n = 0;

    while ((text = strstr(text, what)) != NULL)
        n++, text++;
    return n;
}

struct refuse_case {
    const char *name;
    const char *title;
    const char *tick;
    long value;
};

static const struct refuse_case refuse_cases[] = {
    {"no title", NULL, "b", 0},
    {"a tick label missing", "t", NULL, 0},
    {"below 0%", "t", "b", -2},
    {"above 100%", "t", "b", RT_CHART_PPM_FULL + 1},
};

static void test_refuse(void **state)
{
    const struct refuse_case *c = *state;
    const char *labels[2] = {"a", c->tick};
    const long values[2] = {0, c->value};
    const struct rt_chart_series series = {"s", values, false, false};
    const struct rt_line_chart chart = {0,   0,      c->title, "d",     "x",
                                        "y", labels, 2,        &series, 1};
    char *svg;

    assert_int_equal(draw(&chart, &svg), RT_ERR_INVALID);
    assert_string_equal(svg, "");
    free(svg);
}

/* A gap breaks the line; a value alone between gaps is a point only. */
static void test_gaps(void **state)
{
    const long values[4] = {500000, GAP, 250000, 250000};
    const struct rt_chart_series series = {"s", values, false, false};
    const struct rt_line_chart chart = {0,   0,     "t", "d",     "x",
                                        "y", ticks, 4,   &series, 1};
    char *svg;

    (void)state;
    assert_int_equal(draw(&chart, &svg), RT_OK);
    assert_int_equal(occurrences(svg, "<path d=\"M"), 1);
    assert_int_equal(occurrences(svg, " L"), 1);
    assert_int_equal(occurrences(svg, "<circle"), 3);
    assert_null(strstr(svg, "no data"));
    free(svg);
}

/* 200 series: 12 named and "+188 more"; the emphasised one drawn last. */
static void test_many_series(void **state)
{
    static struct rt_chart_series series[200];
    static const long values[4] = {100000, 200000, 300000, 400000};
    const struct rt_line_chart chart = {1000, 600,   "t", "d",    "x",
                                        "y",  ticks, 4,   series, 200};
    char names[200][8], *svg;
    size_t i;

    (void)state;
    for (i = 0; i < 200; i++) {
        snprintf(names[i], sizeof names[i], "c%zu", i);
        series[i] = (struct rt_chart_series){names[i], values, true, i == 0};
    }
    assert_int_equal(draw(&chart, &svg), RT_OK);
    assert_non_null(strstr(svg, ">+188 more</text>"));
    assert_non_null(strstr(svg, ">c11</text>"));
    assert_null(strstr(svg, ">c12</text>"));
    /* The emphasised series: thicker, and its path after all others. */
    assert_int_equal(occurrences(svg, "stroke-width=\"3.5\""), 2);
    assert_non_null(strstr(strrchr(svg, 'M'), "stroke-width=\"3.5\""));
    free(svg);
}

static void test_no_data(void **state)
{
    const struct rt_line_chart chart = {0,   0,    "t", "d",  "x",
                                        "y", NULL, 0,   NULL, 0};
    char *svg;

    (void)state;
    assert_int_equal(draw(&chart, &svg), RT_OK);
    assert_non_null(strstr(svg, ">no data</text>"));
    assert_non_null(strstr(svg, "width=\"800\" height=\"500\""));
    assert_null(strstr(svg, "<path"));
    free(svg);
}

/* A write that failed before is reported, not lost. */
static void test_failed_sink(void **state)
{
    const struct rt_line_chart chart = {0,   0,    "t", "d",  "x",
                                        "y", NULL, 0,   NULL, 0};
    struct rt_sink sink;

    (void)state;
    rt_sink_init_memory(&sink);
    sink.failed = true;
    assert_int_equal(rt_chart_line_write(&sink, &chart), RT_ERR_IO);
    rt_sink_free(&sink);
}

int main(void)
{
    const struct CMUnitTest charts[] = {
        cmocka_unit_test(test_gaps),
        cmocka_unit_test(test_many_series),
        cmocka_unit_test(test_no_data),
        cmocka_unit_test(test_failed_sink),
    };
    int failed = TABLE_RUN("line chart refuses", refuse_cases, test_refuse);

    failed += cmocka_run_group_tests_name("line chart", charts, NULL, NULL);
    return failed ? 1 : 0;
}
