/*
 * test_cli_markdown.c - -f markdown in every command, run as users run it.
 *
 * Short outputs are given here byte for byte; the tables of batch,
 * cohorts and periods are golden files (tests/cli/golden/markdown, .md),
 * which tests/cli/markdown_render.py also renders with cmark-gfm to check
 * that the HTML tables have the cells they should.  The inputs are
 * hostile on purpose: group names and labels with pipes, backslashes
 * before pipes, line breaks, HTML, code, emphasis and links, which must
 * all stay text inside their cells.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_table.h"
#include "run.h"
#include "table.h"

#define E "retain: "
#define NO_HEADER                                                              \
    "option --no-header does not go with -f markdown (a Markdown table "       \
    "needs its header line)\n"
#define CORE_HEAD                                                              \
    "| start | end | new | retained | lost | retention_rate | churn_rate | "   \
    "simple_retention_rate | simple_churn_rate |\n"                            \
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"
#define MORE_RETAINED                                                          \
    "end - new (1100 - 0 = 1100) is greater than start (1000): more "          \
    "customers retained than there were at the start"

static const struct cli_row markdown_cases[] = {
    {"core: one row, numbers right",
     {"-s", "1000", "-e", "900", "-n", "200", "-f", "markdown"},
     NULL,
     0,
     CORE_HEAD "| 1000 | 900 | 200 | 700 | 300 | 70.00 | 30.00 | 90.00 | "
               "10.00 |\n"},
    {"core: warnings below the table as a list",
     {"-s", "1000", "-e", "1100", "-n", "0", "--format=markdown"},
     NULL,
     0,
     CORE_HEAD "| 1000 | 1100 | 0 | 1100 | -100 | 110.00 | -10.00 | 110.00 | "
               "-10.00 |\n"
               "\n"
               "- " MORE_RETAINED "\n",
     E "warning: " MORE_RETAINED "\n"},
    {"core: --only prints the figure bare",
     {"-s", "1000", "-e", "900", "-n", "200", "-f", "markdown", "--only",
      "churn_rate"},
     NULL,
     0,
     "30.00\n"},
    {"revenue: one row, amounts right",
     {"revenue", "--start-mrr", "1000", "--expansion", "100.5", "--contraction",
      "50", "--churned", "20", "-f", "markdown"},
     NULL,
     0,
     "| start_mrr | expansion | contraction | churned | net_revenue_retention "
     "| gross_revenue_retention |\n"
     "| ---: | ---: | ---: | ---: | ---: | ---: |\n"
     "| 1000 | 100.5 | 50 | 20 | 103.05 | 93.00 |\n"},
    {"ids: duplicate IDs listed below",
     {"ids", "-f", "markdown", "start.txt", "end.txt"},
     NULL,
     0,
     "| start | end | new | retained | lost | retention_rate | churn_rate | "
     "simple_retention_rate | simple_churn_rate |\n"
     "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"
     "| 3 | 2 | 1 | 1 | 2 | 33.33 | 66.67 | 66.67 | 33.33 |\n"
     "\n"
     "- start.txt:4: 1 duplicate ID, each counted once (this is the "
     "first)\n",
     E "start.txt:4: warning: 1 duplicate ID, each counted once (this is "
       "the first)\n"},
    /* A GFM table cannot be without its header line. */
    {"core --no-header refused",
     {"-f", "markdown", "--no-header", "-s", "1", "-e", "1", "-n", "0"},
     NULL,
     2,
     NULL,
     E NO_HEADER "Try 'retain --help' for more information.\n"},
    {"revenue --no-header refused",
     {"revenue", "-f", "markdown", "--no-header", "--start-mrr", "1",
      "--expansion", "0", "--contraction", "0", "--churned", "0"},
     NULL,
     2,
     NULL,
     E NO_HEADER "Try 'retain revenue --help' for more information.\n"},
    {"ids --no-header refused",
     {"ids", "-f", "markdown", "--no-header", "start.txt", "end.txt"},
     NULL,
     2,
     NULL,
     E NO_HEADER "Try 'retain ids --help' for more information.\n"},
    {"batch --no-header refused: no header would be written",
     {"batch", "-f", "markdown", "--no-header", "--columns",
      "period,start,end,new"},
     "2024-01,100,90,10\n",
     2,
     NULL,
     E NO_HEADER "Try 'retain batch --help' for more information.\n"},
    {"cohorts --no-header refused",
     {"cohorts", "--no-header", "-f", "markdown", "hostile.csv"},
     NULL,
     2,
     NULL,
     E NO_HEADER "Try 'retain cohorts --help' for more information.\n"},
    {"periods --no-header refused",
     {"periods", "-f", "markdown", "--no-header", "hostile.csv"},
     NULL,
     2,
     NULL,
     E NO_HEADER "Try 'retain periods --help' for more information.\n"},
};

/* A run whose standard output is a golden Markdown file. */
struct golden_row {
    const char *name;
    const char *args[20];
    const char *in;
    int status;
    const char *golden; /* golden/markdown/NAME.md */
    const char *err;    /* standard error, exactly */
};

#define BATCH_IN                                                               \
    "period,segment,start,end,new\n"                                           \
    "2024-01,a|b,100,90,10\n"                                                  \
    "2024-02,\"<b>x</b> & `y` *e* [l](u)\",100,,10\n"                          \
    "2024-03,\"l1\nl2\\\",80,75,5\n"                                           \
    "2024-04,a|b,90,80,0\n"

static const struct golden_row golden_cases[] = {
    {"batch: rows, warnings in their cells, the summary a second table",
     {"batch", "-f", "markdown", "--group-by", "segment"},
     BATCH_IN,
     1,
     "batch",
     E "(standard input):3: error: field 'end': empty value: '' (expected "
       "a whole number from 0 to 9223372036854775807)\n"},
    {"cohorts: grouped, hostile group names",
     {"cohorts", "-f", "markdown", "--as-of", "2024-03-31", "--group-by",
      "plan", "hostile.csv"},
     NULL,
     0,
     "cohorts",
     ""},
    {"cohorts --long: one line per cell, the warnings listed below",
     {"cohorts", "-f", "markdown", "--long", "--as-of", "2024-02-29",
      "hostile.csv"},
     NULL,
     0,
     "cohorts-long",
     E "warning: left out 3 events dated after the cut-off --as-of "
       "2024-02-29\n"},
    {"periods: grouped with a summary",
     {"periods", "-f", "markdown", "--as-of", "2024-03-31", "--group-by",
      "plan", "--summary", "hostile.csv"},
     NULL,
     0,
     "periods",
     E "warning: period 2024-03 of segment '<b>z</b>': no customer at the "
       "start of the period, so no rate is defined\n"},
};

static void test_golden_row(void **state)
{
    const struct golden_row *row = *state;
    struct run_result result;
    char name[256];

    assert_int_equal(run_retain(row->args, row->in, NULL, RUN_CAPTURE, &result),
                     0);
    snprintf(name, sizeof name, "markdown/%s.md", row->golden);
    cli_expect_golden(name, result.out, result.out_len);
    cli_expect_bytes("stderr", result.err, result.err_len, row->err,
                     strlen(row->err));
    assert_int_equal(result.status, row->status);
    run_result_free(&result);
}

static void make_fixtures(void)
{
    char dir[] = "/tmp/retain-markdown-XXXXXX";

    run_enter_fresh_dir(dir);
    run_write_fixture("start.txt", "a|b\n<i>c</i>\nd\\\nd\\\n");
    run_write_fixture("end.txt", "a|b\nnew\n");
    /* Plans: a pipe, a backslash before a pipe, HTML, a line break, code,
       emphasis, a link, an entity, math and a backslash at the end. */
    run_write_fixture("hostile.csv", "customer_id,date,plan\n"
                                     "ann,2024-01-03,a|b\n"
                                     "bob,2024-01-15,x\\|y\n"
                                     "cat,2024-01-28,<b>z</b>\n"
                                     "ann,2024-02-03,a|b\n"
                                     "bob,2024-02-20,x\\|y\n"
                                     "dan,2024-02-10,\"l1\nl2\"\n"
                                     "ann,2024-03-05,a|b\n"
                                     "eve,2024-03-09,`c` *e* [l](u)\n"
                                     "fay,2024-03-12,&amp; $m$ w\\\n");
}

int main(void)
{
    int failed;

    make_fixtures();
    failed = TABLE_RUN("markdown", markdown_cases, cli_row_test);
    return failed + TABLE_RUN("markdown golden", golden_cases, test_golden_row);
}
