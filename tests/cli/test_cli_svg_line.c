/*
 * test_cli_svg_line.c - retain batch -f svg and retain periods -f svg, run
 * as users run them.
 *
 * Each chart is compared byte for byte with its golden file,
 * golden/svg/NAME.svg, which cli/svg_check.sh also checks for
 * well-formedness (xmllint) and renders (rsvg-convert).  The rates in the
 * charts' descriptions are the ones csv prints for the same rows:
 *
 *   groups.csv, smb: 2024-01 (900 - 200) / 1000 = 70.00%, 2024-05
 *   (760 - 60) / 800 = 87.50%; ent: 2024-01 450 / 500 = 90.00%, 2024-05
 *   415 / 450 = 92.22%.  2024-03 smb ('x') and 2024-04 smb (S = 0) have
 *   no rate; 2024-04 ent has N > E, a retention below 0: gaps all three.
 *
 * The last tests read the charts themselves: with 200 x values, the x
 * labels shown must not overlap (widths estimated as the chart does, 0.6
 * em a character); with 30 groups, the legend names 12 series and says
 * how many more there are; beyond 5000 rows or 200 groups, no chart.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_table.h"
#include "run.h"
#include "svg_probe.h"
#include "table.h"

#define E           "retain: "
#define TRY_BATCH   "Try 'retain batch --help' for more information.\n"
#define TRY_PERIODS "Try 'retain periods --help' for more information.\n"
#define NOT_DRAWN                                                              \
    ": not with -f svg (the chart draws each row's retention and churn "       \
    "rate only; expected -f csv, tsv, json, text or markdown)\n"
#define NO_CHART                                                               \
    E "option -f/--format: svg draws a chart, which only retain batch, "       \
      "periods and cohorts make (expected text, json, csv, tsv or "            \
      "markdown here)\n"

struct svg_case {
    const char *name;
    const char *args[20];
    const char *in;
    int status;
    const char *golden; /* stdout is golden/svg/GOLDEN.svg; NULL: empty */
    const char *err;    /* NULL: empty */
};

static const struct svg_case svg_cases[] = {
    {"the README's example: two groups, one colour each",
     {"batch", "-f", "svg", "--group-by", "segment", "example.csv"},
     NULL,
     0,
     "batch_example"},
    {"groups with gaps: invalid, S = 0, N above E",
     {"batch", "-f", "svg", "--group-by", "segment", "groups.csv"},
     NULL,
     1,
     "batch_groups",
     E "groups.csv:6: error: field 'end': not a whole number: 'x' (expected "
       "a whole number from 0 to 9223372036854775807)\n" E
       "groups.csv:8: error: field 'start': start is 0, so no rate is "
       "defined (expected at least 1 customer at the start)\n" E
       "groups.csv:9: warning: new (480) is greater than end (450): "
       "retained = end - new = -30, but no count of customers can be "
       "negative\n"},
    {"no group: one retention and one churn line, -p 1 in the description",
     {"batch", "-f", "svg", "-p", "1", "example.csv"},
     NULL,
     0,
     "batch_one"},
    {"no new column: the simple rates",
     {"batch", "-f", "svg", "simple.csv"},
     NULL,
     0,
     "batch_simple"},
    {"no period column: x is the row number within each group",
     {"batch", "-f", "svg", "--group-by", "segment", "rows.csv"},
     NULL,
     0,
     "batch_rows"},
    {"the smallest size, many rows",
     {"batch", "-f", "svg", "--width", "320", "--height=320", "--group-by",
      "segment", "groups.csv"},
     NULL,
     1,
     "batch_small",
     E "groups.csv:6: error: field 'end': not a whole number: 'x' (expected "
       "a whole number from 0 to 9223372036854775807)\n" E
       "groups.csv:8: error: field 'start': start is 0, so no rate is "
       "defined (expected at least 1 customer at the start)\n" E
       "groups.csv:9: warning: new (480) is greater than end (450): "
       "retained = end - new = -30, but no count of customers can be "
       "negative\n"},
    {"hostile names: escaped, invalid UTF-8 and controls replaced",
     {"batch", "-f", "svg", "--group-by", "seg<ment>", "hostile.csv"},
     NULL,
     0,
     "batch_hostile"},
    {"groups laid out one after the other share one axis in time order",
     {"batch", "-f", "svg", "--group-by", "segment", "-"},
     "segment,period,start,end,new\n"
     "ent,2024-03,10,9,0\n"
     "ent,2024-04,10,8,0\n"
     "smb,2024-01,10,10,0\n"
     "smb,2024-02,10,5,0\n"
     "smb,2024-03,10,7,0\n"
     "smb,2024-04,10,6,0\n",
     0,
     "batch_segments_first"},
    {"a header without a period column and no rows: x is the row",
     {"batch", "-f", "svg", "-"},
     "start,end,new\n",
     0,
     "batch_empty_rows"},
    {"a header and no rows: the axes and \"no data\"",
     {"batch", "-f", "svg", "-"},
     "period,start,end,new\n",
     0,
     "batch_empty"},
    {"periods: S = 0 in May is a gap, exit 0",
     {"periods", "-f", "svg", "--as-of", "2024-05-31", "shop.csv"},
     NULL,
     0,
     "periods_example",
     E "warning: period 2024-05: no customer at the start of the period, so "
       "no rate is defined\n"},
    {"periods by plan: a plan that starts later does not reorder time",
     {"periods", "-f", "svg", "--group-by", "plan", "late.csv"},
     NULL,
     0,
     "periods_late_plan",
     "retain: note: 2024-05 is left out: it has not ended by the cut-off "
     "2024-05-02\n"},
    {"periods by plan",
     {"periods", "-f", "svg", "--group-by", "plan", "--as-of", "2024-04-30",
      "shop.csv"},
     NULL,
     0,
     "periods_plan"},
    {"batch refuses --summary with svg",
     {"batch", "-f", "svg", "--summary", "example.csv"},
     NULL,
     2,
     NULL,
     E "option --summary" NOT_DRAWN TRY_BATCH},
    {"batch refuses --summary-file with svg",
     {"batch", "-f", "svg", "--summary-file", "s.csv", "example.csv"},
     NULL,
     2,
     NULL,
     E "option --summary-file" NOT_DRAWN TRY_BATCH},
    {"batch refuses --only with svg",
     {"batch", "-f", "svg", "--only", "churn_rate", "example.csv"},
     NULL,
     2,
     NULL,
     E "option --only" NOT_DRAWN TRY_BATCH},
    {"batch refuses --lifetime with svg",
     {"batch", "--lifetime", "-f", "svg", "example.csv"},
     NULL,
     2,
     NULL,
     E "option --lifetime" NOT_DRAWN TRY_BATCH},
    {"batch names the first given of two options it does not draw",
     {"batch", "--only", "churn_rate", "--summary", "-f", "svg", "example.csv"},
     NULL,
     2,
     NULL,
     E "option --only" NOT_DRAWN TRY_BATCH},
    {"batch: --width without svg",
     {"batch", "--width", "400", "example.csv"},
     NULL,
     2,
     NULL,
     E "option --width: only with -f svg (it sizes the chart)\n" TRY_BATCH},
    {"batch: --width below 320",
     {"batch", "-f", "svg", "--width", "319", "example.csv"},
     NULL,
     2,
     NULL,
     E "option --width: out of range: '319' (expected a whole number of "
       "pixels from 320 to 10000)\n"},
    {"batch: --height above 10000",
     {"batch", "-f", "svg", "--height", "10001", "example.csv"},
     NULL,
     2,
     NULL,
     E "option --height: out of range: '10001' (expected a whole number of "
       "pixels from 320 to 10000)\n"},
    {"batch: --width not a number",
     {"batch", "-f", "svg", "--width", "80%", "example.csv"},
     NULL,
     2,
     NULL,
     E "option --width: not a number of pixels: '80%' (expected a whole "
       "number of pixels from 320 to 10000)\n"},
    {"periods refuses --summary with svg",
     {"periods", "-f", "svg", "--summary", "shop.csv"},
     NULL,
     2,
     NULL,
     E "option --summary" NOT_DRAWN TRY_PERIODS},
    {"periods refuses --per with svg",
     {"periods", "-f", "svg", "--per", "year", "shop.csv"},
     NULL,
     2,
     NULL,
     E "option --per" NOT_DRAWN TRY_PERIODS},
    {"the core command draws no chart",
     {"-s", "5", "-e", "4", "-f", "svg"},
     NULL,
     2,
     NULL,
     NO_CHART "Try 'retain --help' for more information.\n"},
    {"ids draws no chart",
     {"ids", "-f", "svg", "example.csv", "simple.csv"},
     NULL,
     2,
     NULL,
     NO_CHART "Try 'retain ids --help' for more information.\n"},
    {"revenue draws no chart",
     {"revenue", "-f", "svg", "--start-mrr", "100", "--expansion", "0",
      "--contraction", "0", "--churned", "0"},
     NULL,
     2,
     NULL,
     NO_CHART "Try 'retain revenue --help' for more information.\n"},
};

static void test_svg_case(void **state)
{
    const struct svg_case *c = *state;
    struct run_result r;
    char golden[128];
    const char *err = c->err ? c->err : "";
    /* Under valgrind, every other row (the check's time budget). */
    char *kept =
        run_unwrap((c->status == 2 && !c->golden) || (c - svg_cases) % 2 != 0);
    int started = run_retain(c->args, c->in, NULL, RUN_CAPTURE, &r);

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

/*
 * Checks that no two x labels shown overlap, their widths estimated at
 * 0.6 em of 12 pixels a character, and returns how many are shown.
 */
static size_t check_x_labels(const char *svg)
{
    const char *at = strstr(svg, "<g class=\"x-ticks\"");
    const char *end = at ? strstr(at, "</g>") : NULL;
    long last_x = 0, last_width = 0;
    size_t shown = 0;

    assert_non_null(at);
    assert_non_null(end);
    while ((at = strstr(at + 1, "<text x=\"")) != NULL && at < end) {
        long x = svg_tenths(at + strlen("<text x=\""));
        const char *text = strchr(at, '>') + 1;
        long width =
            svg_characters(text, (size_t)(strstr(text, "</text>") - text)) * 72;

        if (shown > 0 && x - last_x < (width + last_width) / 2)
            fail_msg("x labels overlap: %.40s at %ld, after one at %ld", text,
                     x, last_x);
        last_x = x;
        last_width = width;
        shown++;
    }
    return shown;
}

/* Runs retain, which must exit 0 with nothing on stderr; the output. */
static char *chart_of(const char *const *args)
{
    struct run_result r;

    assert_int_equal(run_retain(args, NULL, NULL, RUN_CAPTURE, &r), 0);
    cli_expect_bytes("standard error", r.err, r.err_len, "", 0);
    assert_int_equal(r.status, 0);
    free(r.err);
    return r.out;
}

static void test_long_labels_thinned(void **state)
{
    static const char *const args[] = {"batch", "-f", "svg", "long.csv", NULL};
    char *svg = chart_of(args);
    size_t shown;

    (void)state;
    shown = check_x_labels(svg);
    assert_true(shown >= 2 && shown < 200);
    /* The labels are longer than 120 pixels: cut, with an ellipsis. */
    assert_non_null(strstr(svg, "\xe2\x80\xa6</text>"));
    free(svg);
}

static void test_row_numbers_thinned(void **state)
{
    static const char *const args[] = {"batch", "-f",          "svg", "--width",
                                       "400",   "numbers.csv", NULL};
    char *svg = chart_of(args);
    size_t shown;

    (void)state;
    shown = check_x_labels(svg);
    assert_true(shown >= 2 && shown < 200);
    assert_non_null(strstr(svg, ">1</text>"));
    free(svg);
}

static void test_many_groups_legend(void **state)
{
    static const char *const args[] = {
        "batch", "-f", "svg", "--group-by", "segment", "groups30.csv", NULL};
    char *svg = chart_of(args);

    (void)state;
    /* 30 groups, 60 series: 12 named, and the rest counted. */
    assert_non_null(strstr(svg, ">+48 more</text>"));
    assert_non_null(strstr(svg, ">g05 churn</text>"));
    assert_null(strstr(svg, ">g06 retention</text>"));
    free(svg);
}

static void test_too_many_rows(void **state)
{
    static const char *const args[] = {"batch", "-f", "svg", "-", NULL};
    struct run_result r;
    size_t size = 32 + 5001 * 16, used, i;
    char *in = malloc(size);
    static const char err[] =
        E "too many rows to draw: more than 5000 (expected at most 5000 for "
          "-f svg; -f csv writes any number)\n";

    (void)state;
    assert_non_null(in);
    used = (size_t)snprintf(in, size, "start,end,new\n");
    for (i = 0; i < 5001; i++)
        used += (size_t)snprintf(in + used, size - used, "10,9,1\n");
    assert_int_equal(run_retain(args, in, NULL, RUN_CAPTURE, &r), 0);
    cli_expect_bytes("standard error", r.err, r.err_len, err, strlen(err));
    cli_expect_bytes("standard output", r.out, r.out_len, "", 0);
    assert_int_equal(r.status, 2);
    run_result_free(&r);
    free(in);
}

static void test_too_many_groups(void **state)
{
    static const char *const args[] = {
        "batch", "-f", "svg", "--group-by", "g", "groups201.csv", NULL};
    static const char err[] =
        E "too many groups to draw: more than 200 (expected at most 200 for "
          "-f svg; -f csv writes any number)\n";
    struct run_result r;

    char *kept = run_unwrap(true);
    int started = run_retain(args, NULL, NULL, RUN_CAPTURE, &r);

    (void)state;
    run_rewrap(kept);
    assert_int_equal(started, 0);
    cli_expect_bytes("standard error", r.err, r.err_len, err, strlen(err));
    cli_expect_bytes("standard output", r.out, r.out_len, "", 0);
    assert_int_equal(r.status, 2);
    run_result_free(&r);
}

/* Writes a fixture of `rows` rows, each made by `row` from its number. */
static void write_rows(const char *name, const char *header, size_t rows,
                       void (*row)(char *, size_t, size_t))
{
    size_t size = 64 + rows * 128, used, i;
    char *text = malloc(size);

    if (!text)
        abort();
    used = (size_t)snprintf(text, size, "%s", header);
    for (i = 0; i < rows; i++) {
        row(text + used, size - used, i);
        used += strlen(text + used);
    }
    run_write_fixture(name, text);
    free(text);
}

static void long_row(char *buf, size_t size, size_t i)
{
    snprintf(buf, size,
             "the period numbered %03zu of a long series of them,%zu,%zu,%zu\n",
             i, 100 + i, 90 + i, i % 20);
}

static void number_row(char *buf, size_t size, size_t i)
{
    snprintf(buf, size, "%zu,%zu,%zu\n", 100 + i, 90 + i / 2, i % 30);
}

static void group_row(char *buf, size_t size, size_t i)
{
    snprintf(buf, size, "2024-%02zu,g%02zu,100,%zu,5\n", i / 30 + 1, i % 30,
             80 + i % 25);
}

static void group_201_row(char *buf, size_t size, size_t i)
{
    snprintf(buf, size, "%zu,10,9,1\n", i);
}

static void make_fixtures(void)
{
    char dir[] = "/tmp/retain-svg-line-XXXXXX";

    run_enter_fresh_dir(dir);
    run_write_fixture("example.csv", "period,segment,start,end,new\n"
                                     "2024-01,smb,1000,900,200\n"
                                     "2024-01,ent,500,480,30\n"
                                     "2024-02,smb,900,850,100\n");
    run_write_fixture("groups.csv", "period,segment,start,end,new\n"
                                    "2024-01,smb,1000,900,200\n"
                                    "2024-01,ent,500,480,30\n"
                                    "2024-02,smb,900,850,100\n"
                                    "2024-02,ent,480,470,20\n"
                                    "2024-03,smb,850,x,50\n"
                                    "2024-03,ent,470,460,10\n"
                                    "2024-04,smb,0,10,10\n"
                                    "2024-04,ent,500,450,480\n"
                                    "2024-05,smb,800,760,60\n"
                                    "2024-05,ent,450,440,25\n");
    run_write_fixture("simple.csv", "Period,start,end\n"
                                    "Q1,400,380\n"
                                    "Q2,380,390\n"
                                    "Q3,390,351\n");
    run_write_fixture("rows.csv", "segment,start,end,new\n"
                                  "a,100,90,10\n"
                                  "b,10,9,0\n"
                                  "a,90,99,20\n"
                                  "a,99,95,5\n");
    run_write_fixture("hostile.csv",
                      "period,seg<ment>,start,end,new\n"
                      "<b>&amp;</b>,\"a&b \"\"q\"\" 'x'\",10,9,1\n"
                      "]]><!--,\xff\x01\xc2\x85z,10,8,0\n"
                      "\xe2\x80\xae"
                      "RTL,\xe4\xb8\xad\xe6\x96\x87,10,7,0\n");
    run_write_fixture("late.csv", "customer_id,date,plan\n"
                                  "a,2024-03-01,A\n"
                                  "a,2024-04-01,A\n"
                                  "a,2024-05-01,A\n"
                                  "b,2024-01-01,B\n"
                                  "b,2024-02-01,B\n"
                                  "b,2024-03-01,B\n"
                                  "b,2024-05-02,B\n");
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
    write_rows("long.csv", "period,start,end,new\n", 200, long_row);
    write_rows("numbers.csv", "start,end,new\n", 200, number_row);
    write_rows("groups30.csv", "period,segment,start,end,new\n", 60, group_row);
    write_rows("groups201.csv", "g,start,end,new\n", 201, group_201_row);
}

int main(void)
{
    const struct CMUnitTest charts[] = {
        cmocka_unit_test(test_long_labels_thinned),
        cmocka_unit_test(test_row_numbers_thinned),
        cmocka_unit_test(test_many_groups_legend),
        cmocka_unit_test(test_too_many_rows),
        cmocka_unit_test(test_too_many_groups),
    };
    int failed;

    make_fixtures();
    failed = TABLE_RUN("svg line", svg_cases, test_svg_case);
    failed +=
        cmocka_run_group_tests_name("svg line charts", charts, NULL, NULL);
    return failed ? 1 : 0;
}
