/*
 * test_cli_svg_cohorts.c - retain cohorts -f svg (the heatmap and, with
 * --chart curve, the curves), run as users run it.
 *
 * Each chart is compared byte for byte with its golden file,
 * golden/svg/NAME.svg, which cli/svg_check.sh also checks for
 * well-formedness (xmllint) and renders (rsvg-convert).  shop.csv is the
 * README's worked example; up to 2024-03-31 its cells are those csv
 * prints (test_cli_cohorts.c):
 *
 *   2024-01,3,100.00,66.67,66.67
 *   2024-02,1,100.00,100.00,
 *   2024-03,1,100.00,,
 *   average,5,100.00,75.00,66.67
 *
 * so the golden heatmap holds the labels 66.67 (twice) and 75.00, and its
 * cells the scale's colours of 666667, 750000 and 1000000 ppm; the two
 * unobserved cells of 2024-02 and 2024-03 are hatched.
 *
 * The last tests read the charts themselves: with 200 cohorts, no two
 * texts of the heatmap overlap (widths estimated as the chart does, 0.6
 * em a character), the row and column labels are thinned and the cells
 * too small to hold a label have none.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_table.h"
#include "run.h"
#include "svg_probe.h"
#include "table.h"

#define E   "retain: "
#define TRY "Try 'retain cohorts --help' for more information.\n"

struct svg_case {
    const char *name;
    const char *args[20];
    int status;
    const char *golden; /* stdout is golden/svg/GOLDEN.svg; NULL: empty */
    const char *err;    /* NULL: empty */
};

static const struct svg_case svg_cases[] = {
    {"the README's heatmap",
     {"cohorts", "-f", "svg", "--as-of", "2024-03-31", "shop.csv"},
     0,
     "cohorts_heatmap"},
    {"0% is a colour, unobserved is hatched; mean, -p 1, small",
     {"cohorts", "-f", "svg", "--as-of", "2024-04-30", "--average", "mean",
      "-p", "1", "--width", "320", "--height", "320", "shop.csv"},
     0,
     "cohorts_mean_small"},
    {"no average row, on-or-after, the default cut-off",
     {"cohorts", "-f", "svg", "--no-average", "--mode", "on-or-after",
      "shop.csv"},
     0,
     "cohorts_no_average"},
    {"a subscription table, by quarter",
     {"cohorts", "-f", "svg", "--spans", "--period", "quarter", "--as-of",
      "2024-06-30", "subs.csv"},
     0,
     "cohorts_spans"},
    {"the curves: the average emphasised, a line per cohort",
     {"cohorts", "-f", "svg", "--chart", "curve", "--as-of", "2024-03-31",
      "shop.csv"},
     0,
     "cohorts_curve"},
    {"--chart without svg",
     {"cohorts", "--chart", "curve", "shop.csv"},
     2,
     NULL,
     E "option --chart: only with -f svg (it chooses the chart)\n" TRY},
    {"--width without svg",
     {"cohorts", "-f", "text", "--width", "400", "shop.csv"},
     2,
     NULL,
     E "option --width: only with -f svg (it sizes the chart)\n" TRY},
    {"--height below 320",
     {"cohorts", "-f", "svg", "--height", "200", "shop.csv"},
     2,
     NULL,
     E "option --height: out of range: '200' (expected a whole number of "
       "pixels from 320 to 10000)\n"},
    {"an unknown chart",
     {"cohorts", "-f", "svg", "--chart", "pie", "shop.csv"},
     2,
     NULL,
     E "option --chart: unknown chart: 'pie' (expected heatmap or curve)\n"},
    {"--counts with svg",
     {"cohorts", "-f", "svg", "--counts", "shop.csv"},
     2,
     NULL,
     E "option --counts: not with -f svg (the chart draws rates; expected "
       "-f csv, tsv, text or markdown)\n" TRY},
    {"--group-by with svg",
     {"cohorts", "-f", "svg", "--group-by", "plan", "shop.csv"},
     2,
     NULL,
     E "option --group-by: not with -f svg (the chart draws the cohorts of "
       "everyone; expected -f csv, tsv, json, text or markdown)\n" TRY},
    {"--long with svg",
     {"cohorts", "-f", "svg", "--long", "shop.csv"},
     2,
     NULL,
     E "option --long needs csv, tsv or markdown output (json and text "
       "always have every cell, and svg draws them)\n" TRY},
    {"more than 1000 columns",
     {"cohorts", "-f", "svg", "--period", "day", "far.csv"},
     2,
     NULL,
     E "too many columns to draw: 1097 (expected at most 1000 for -f svg; "
       "--max-periods 999 keeps that many)\n"},
    {"more than 1000 cohorts",
     {"cohorts", "-f", "svg", "--period", "day", "--max-periods", "3",
      "days.csv"},
     2,
     NULL,
     E "too many cohorts to draw: 1001 (expected at most 1000 for -f svg; a "
       "longer --period gives fewer, -f csv writes any number)\n"},
    {"periods has no --chart",
     {"periods", "-f", "svg", "--chart", "curve", "shop.csv"},
     2,
     NULL,
     E "option --chart is only for retain cohorts (periods has no cohorts, "
       "offsets or averages)\n"
       "Try 'retain periods --help' for more information.\n"},
};

static void test_svg_case(void **state)
{
    const struct svg_case *c = *state;
    struct run_result r;
    char golden[128];
    const char *err = c->err ? c->err : "";
    char *kept = run_unwrap(c->status == 2 && !c->golden);
    int started = run_retain(c->args, NULL, NULL, RUN_CAPTURE, &r);

    run_rewrap(kept);
    assert_int_equal(started, 0);
    cli_expect_bytes("standard error", r.err, r.err_len, err, strlen(err));
    if (c->golden) {
        snprintf(golden, sizeof golden, "svg/%s.svg", c->golden);
        cli_expect_golden(golden, r.out, r.out_len);
    } else {
        cli_expect_bytes("standard output", r.out, r.out_len, "", 0);
    }
    assert_int_equal(r.status, c->status);
    run_result_free(&r);
}

/* The box a <text> takes, in tenths of a pixel. */
struct box {
    long left, right, top, bottom;
    const char *text;
};

/* The value of attribute NAME (with its =") in the tag at..end, or NULL. */
static const char *attribute(const char *at, const char *end, const char *name)
{
    const char *found = strstr(at, name);

    return found && found < end ? found + strlen(name) : NULL;
}

/*
 * The box of the <text> element at `at`: as wide as the chart estimates
 * (0.6 em a character), from 0.8 em above the baseline to 0.2 em below.
 */
static struct box text_box(const char *at)
{
    const char *tag_end = strchr(at, '>');
    const char *size = attribute(at, tag_end, " font-size=\"");
    const char *anchor = attribute(at, tag_end, " text-anchor=\"");
    const char *text = tag_end + 1;
    long x = svg_tenths(attribute(at, tag_end, " x=\""));
    long y = svg_tenths(attribute(at, tag_end, " y=\""));
    long font = size ? svg_tenths(size) : 160;
    long width =
        svg_characters(text, (size_t)(strstr(text, "</text>") - text)) * font *
        6 / 10;
    struct box box = {x, x + width, y - font * 8 / 10, y + font * 2 / 10, text};

    if (anchor && strncmp(anchor, "middle", 6) == 0) {
        box.left = x - width / 2;
        box.right = x + width / 2;
    } else if (anchor && strncmp(anchor, "end", 3) == 0) {
        box.left = x - width;
        box.right = x;
    }
    return box;
}

static bool overlap(const struct box *a, const struct box *b)
{
    return a->left < b->right && b->left < a->right && a->top < b->bottom &&
           b->top < a->bottom;
}

/* Fails when two texts of svg overlap; returns how many there are. */
static size_t check_no_overlap(const char *svg)
{
    size_t count = 0, cap = 64, i, j;
    struct box *boxes = malloc(cap * sizeof *boxes);
    const char *at = svg;

    assert_non_null(boxes);
    while ((at = strstr(at, "<text ")) != NULL) {
        if (count == cap) {
            cap *= 2;
            boxes = realloc(boxes, cap * sizeof *boxes);
            assert_non_null(boxes);
        }
        boxes[count++] = text_box(at);
        at++;
    }
    for (i = 0; i < count; i++)
        for (j = i + 1; j < count; j++)
            if (overlap(&boxes[i], &boxes[j]))
                fail_msg("texts overlap: %.30s and %.30s", boxes[i].text,
                         boxes[j].text);
    free(boxes);
    return count;
}

/* Runs retain, which must exit 0 with nothing on stderr; the output.
   unwrapped: without valgrind under memcheck (run_unwrap()). */
static char *chart_of(const char *const *args, bool unwrapped)
{
    struct run_result r;
    char *kept = run_unwrap(unwrapped);
    int started = run_retain(args, NULL, NULL, RUN_CAPTURE, &r);

    run_rewrap(kept);
    assert_int_equal(started, 0);
    cli_expect_bytes("standard error", r.err, r.err_len, "", 0);
    assert_int_equal(r.status, 0);
    free(r.err);
    return r.out;
}

/* How many times needle occurs in text. */
static size_t occurrences(const char *text, const char *needle)
{
    size_t count = 0;

    while ((text = strstr(text, needle)) != NULL) {
        count++;
        text++;
    }
    return count;
}

static void test_many_cohorts_heatmap(void **state)
{
    static const char *const args[] = {"cohorts", "-f", "svg", "many.csv",
                                       NULL};
    char *svg = chart_of(args, true);
    size_t texts;

    (void)state;
    texts = check_no_overlap(svg);
    /* The oldest cohort and k = 0 are labelled; others are thinned out. */
    assert_non_null(strstr(svg, ">2008-01</text>"));
    assert_null(strstr(svg, ">2008-02</text>"));
    assert_non_null(strstr(svg, "\"middle\" font-size=\"11\">0</text>"));
    assert_null(strstr(svg, "\"middle\" font-size=\"11\">1</text>"));
    /* Rows of under 2 pixels hold no cell label: far fewer texts than
       the 20,100 observed cells. */
    assert_true(texts < 100);
    /* Every cohort's cells are drawn, the unobserved ones as one run. */
    assert_int_equal(occurrences(svg, "fill=\"url(#rt-unobserved)\""), 199 + 1);
    assert_non_null(strstr(svg, ">average</text>"));
    free(svg);
}

static void test_many_cohorts_small(void **state)
{
    static const char *const args[] = {"cohorts", "-f",       "svg",
                                       "--width", "320",      "--height",
                                       "320",     "many.csv", NULL};
    char *svg = chart_of(args, true);

    (void)state;
    check_no_overlap(svg);
    free(svg);
}

static void test_many_cohorts_curve(void **state)
{
    static const char *const args[] = {"cohorts", "-f",       "svg", "--chart",
                                       "curve",   "many.csv", NULL};
    char *svg = chart_of(args, true);

    (void)state;
    /* The average and the first 11 cohorts are named, 189 counted. */
    assert_non_null(strstr(svg, ">average (pooled)</text>"));
    assert_non_null(strstr(svg, ">+189 more</text>"));
    free(svg);
}

/* 200 monthly cohorts from 2008-01, one customer each, back after 1 and
   3 months. */
static void write_many(void)
{
    size_t size = 64 + 200 * 3 * 32, used, i, k;
    static const size_t offsets[] = {0, 1, 3};
    char *text = malloc(size);

    if (!text)
        abort();
    used = (size_t)snprintf(text, size, "customer_id,date\n");
    for (i = 0; i < 200; i++)
        for (k = 0; k < 3; k++) {
            size_t month = i + offsets[k];

            used += (size_t)snprintf(text + used, size - used,
                                     "c%zu,%zu-%02zu-15\n", i,
                                     2008 + month / 12, month % 12 + 1);
        }
    run_write_fixture("many.csv", text);
    free(text);
}

/* 1001 daily cohorts of one customer each, from 2020-01-01 (a leap
   year: day 366 is 2021-01-01). */
static void write_days(void)
{
    static const int month_days[] = {31, 29, 31, 30, 31, 30,
                                     31, 31, 30, 31, 30, 31};
    size_t size = 32 + 1001 * 24, used;
    char *text = malloc(size);
    int year = 2020, month = 0, day = 1, i;

    if (!text)
        abort();
    used = (size_t)snprintf(text, size, "customer_id,date\n");
    for (i = 0; i < 1001; i++) {
        used += (size_t)snprintf(text + used, size - used, "c%d,%d-%02d-%02d\n",
                                 i, year, month + 1, day);
        if (++day > month_days[month] - (month == 1 && year % 4 != 0)) {
            day = 1;
            if (++month == 12) {
                month = 0;
                year++;
            }
        }
    }
    run_write_fixture("days.csv", text);
    free(text);
}

static void make_fixtures(void)
{
    char dir[] = "/tmp/retain-svg-cohorts-XXXXXX";

    run_enter_fresh_dir(dir);
    run_write_fixture("shop.csv", "customer_id,date,plan\n"
                                  "ann,2024-01-03,basic\n"
                                  "bob,2024-01-15,pro\n"
                                  "cat,2024-01-28,basic\n"
                                  "ann,2024-02-02,basic\n"
                                  "bob,2024-02-20,pro\n"
                                  "dan,2024-02-11,pro\n"
                                  "ann,2024-03-05,basic\n"
                                  "dan,2024-03-09,pro\n"
                                  "eve,2024-03-17,basic\n"
                                  "cat,2024-03-30,basic\n");
    run_write_fixture("subs.csv", "customer_id,start_date,end_date\n"
                                  "a,2024-01-10,2024-02-20\n"
                                  "b,2024-01-15,\n"
                                  "c,2024-02-01,2024-05-01\n"
                                  "d,2024-04-03,\n"
                                  "e,2024-05-20,2024-06-10\n");
    run_write_fixture("far.csv", "customer_id,date\n"
                                 "a,2020-01-01\n"
                                 "a,2023-01-01\n");
    write_many();
    write_days();
}

int main(void)
{
    const struct CMUnitTest charts[] = {
        cmocka_unit_test(test_many_cohorts_heatmap),
        cmocka_unit_test(test_many_cohorts_small),
        cmocka_unit_test(test_many_cohorts_curve),
    };
    int failed;

    make_fixtures();
    failed = TABLE_RUN("svg cohorts", svg_cases, test_svg_case);
    failed +=
        cmocka_run_group_tests_name("svg cohort charts", charts, NULL, NULL);
    return failed ? 1 : 0;
}
