/*
 * test_cli_options.c - every option's messages in the core command, retain
 * batch and retain revenue, options that only change what another option
 * prints, and an infinite figure spelled one way per format on every path
 * (the core command, retain ids, batch rows and summaries, --only).
 */
#include <stdlib.h>
#include <string.h>

#include "cli_table.h"
#include "run.h"
#include "table.h"

#define TRY         "Try 'retain --help' for more information.\n"
#define TRY_BATCH   "Try 'retain batch --help' for more information.\n"
#define TRY_REVENUE "Try 'retain revenue --help' for more information.\n"
#define TRY_IDS     "Try 'retain ids --help' for more information.\n"
#define NOTHING_HEADER                                                         \
    "retain: option --no-header does nothing with --only (--only prints one "  \
    "figure, with no header line)\n"
/* The end of the message for an option a figure of --only ignores. */
#define NOTHING_WITH(field)                                                    \
    "does nothing with --only " field " (" field " does not depend on it)\n"
#define MONEY_EXPECTED                                                         \
    "(expected an amount such as 49.90, in digits with up to 6 decimals)"
#define RATE_EXPECTED                                                          \
    "(expected a rate such as 10% or 0.10, with up to 4 decimals before a "    \
    "'%' or 6 after a point)"
#define NEEDS_NEW                                                              \
    "needs -n/--new (lifetimes, lifetime value and rates per another "         \
    "period come from the retention rate)\n" TRY
#define NO_HEADER_NEEDS                                                        \
    "retain: option --no-header needs -f csv or -f tsv (only they have a "     \
    "header line)\n"
#define NO_HEADER         NO_HEADER_NEEDS TRY
#define NO_HEADER_REVENUE NO_HEADER_NEEDS TRY_REVENUE
#define REVENUE           "revenue", "--start-mrr", "100", "--expansion", "0"
#define INFINITE          "churn is 0, so the expected and median lifetimes are infinite"
#define INFINITE_VALUE                                                         \
    "churn is 0, so the expected and median lifetimes and the undiscounted "   \
    "lifetime value are infinite"
#define KEPT_ALL "start,end,new\n100,100,0\n50,50,0\n"

static const struct cli_row option_cases[] = {
    /* A value that is another option: the value was forgotten. */
    {"value forgotten before a short option",
     {"-s", "-e", "5"},
     NULL,
     2,
     "",
     "retain: option -s/--start needs a value (got option '-e')\n" TRY},
    {"value forgotten before a long option",
     {"-s", "5", "-e", "--new=1"},
     NULL,
     2,
     "",
     "retain: option -e/--end needs a value (got option '--new=1')\n" TRY},
    {"value that looks like an option",
     {"-s", "5", "-e", "4", "--only", "-x"},
     NULL,
     2,
     "",
     "retain: option --only needs a value (got '-x', which looks like an "
     "option; write '--only=-x' if it is the value)\n" TRY},
    {"a negative number is still a value",
     {"-s", "-5", "-e", "4"},
     NULL,
     2,
     "",
     "retain: option -s/--start: a count cannot be negative: '-5' (expected "
     "a whole number from 0 to 9223372036854775807)\n"},
    {"an unknown option is quoted safely",
     {"-s", "5", "-e", "4", "--\x1b[31m"},
     NULL,
     2,
     "",
     "retain: unknown option '--\\x{1b}[31m'\n" TRY},
    {"batch: value forgotten",
     {"batch", "-d", "-f", "csv"},
     "",
     2,
     "",
     "retain: option -d/--delimiter needs a value (got option "
     "'-f')\n" TRY_BATCH},
    {"batch: a file name that looks like an option",
     {"batch", "--summary-file", "-x"},
     "",
     2,
     "",
     "retain: option --summary-file needs a value (got '-x', which looks "
     "like an option; write '--summary-file=-x' if it is the "
     "value)\n" TRY_BATCH},
    {"batch: the end of the options is no value",
     {"batch", "--start-col", "--", "a.csv"},
     "",
     2,
     "",
     "retain: option --start-col needs a value (got '--', which ends the "
     "options; write '--start-col=--' if it is the value)\n" TRY_BATCH},
    {"revenue: value forgotten",
     {"revenue", "--start-mrr", "--expansion", "0"},
     NULL,
     2,
     "",
     "retain: option --start-mrr needs a value (got option "
     "'--expansion')\n" TRY_REVENUE},

    /* Options that only change what another option prints need it. */
    {"money precision alone",
     {"-s", "100", "-e", "90", "-n", "0", "--money-precision", "3"},
     NULL,
     2,
     "",
     "retain: option --money-precision needs --margin (it sets the decimals "
     "of the lifetime value)\n" TRY},
    {"money precision without new either",
     {"-s", "100", "-e", "90", "--money-precision", "3"},
     NULL,
     2,
     "",
     "retain: option --money-precision needs --margin (it sets the decimals "
     "of the lifetime value)\n" TRY},
    {"money precision with margin",
     {"-s", "100", "-e", "90", "-n", "0", "--margin", "1", "--money-precision",
      "3", "--only", "lifetime_value"},
     NULL,
     0,
     "10.000\n",
     ""},
    {"batch: money precision alone adds no columns",
     {"batch", "--money-precision", "3"},
     "start,end,new\n100,90,0\n",
     2,
     "",
     "retain: option --money-precision needs --margin (it sets the decimals "
     "of the lifetime value)\n" TRY_BATCH},
    {"batch: discount alone",
     {"batch", "--discount", "1%"},
     "start,end,new\n100,90,0\n",
     2,
     "",
     "retain: option --discount needs --margin (it discounts the lifetime "
     "value)\n" TRY_BATCH},
    {"batch: per alone",
     {"batch", "--per", "year"},
     "start,end,new\n100,90,0\n",
     2,
     "",
     "retain: option --per needs --period (the length of the measured "
     "period, to know how many of them make one year)\n" TRY_BATCH},
    {"no header in text",
     {"-s", "100", "-e", "90", "--no-header"},
     NULL,
     2,
     "",
     NO_HEADER},
    {"no header in json",
     {"-s", "100", "-e", "90", "--no-header", "-f", "json"},
     NULL,
     2,
     "",
     NO_HEADER},
    {"revenue: no header in text",
     {REVENUE, "--contraction", "0", "--churned", "0", "--no-header"},
     NULL,
     2,
     "",
     NO_HEADER_REVENUE},
    {"revenue: no header in tsv",
     {REVENUE, "--contraction", "0", "--churned", "1", "--no-header", "-f",
      "tsv"},
     NULL,
     0,
     "100\t0\t0\t1\t99.00\t99.00\t\n",
     ""},
    {"a figure beyond the period needs new, naming the option",
     {"-s", "100", "-e", "90", "--period", "month"},
     NULL,
     2,
     "",
     "retain: option --period " NEEDS_NEW},
    {"the first such option is named",
     {"-s", "100", "-e", "90", "--margin", "5", "--lifetime"},
     NULL,
     2,
     "",
     "retain: option --margin " NEEDS_NEW},
    {"only a lifetime needs new",
     {"-s", "100", "-e", "90", "--only", "expected_lifetime"},
     NULL,
     2,
     "",
     "retain: option --only: expected_lifetime needs -n/--new (the count of "
     "new customers)\n" TRY},
    {"only a value needs margin, before any warning",
     {"-s", "100", "-e", "100", "-n", "0", "--only", "lifetime_value"},
     NULL,
     2,
     "",
     "retain: option --only: lifetime_value needs --margin\n" TRY},
    {"only a converted rate needs per",
     {"-s", "100", "-e", "90", "-n", "0", "--period", "month", "--only",
      "retention_rate_per"},
     NULL,
     2,
     "",
     "retain: option --only: retention_rate_per needs --per\n" TRY},
    {"only years need period",
     {"-s", "100", "-e", "90", "-n", "0", "--only", "median_lifetime_years"},
     NULL,
     2,
     "",
     "retain: option --only: median_lifetime_years needs --period\n" TRY},

    /* An option that can change nothing in the combination is refused. */
    {"no header with only",
     {"-s", "5", "-e", "5", "-n", "1", "-f", "csv", "--no-header", "--only",
      "retained"},
     NULL,
     2,
     "",
     NOTHING_HEADER TRY},
    {"precision with only a count",
     {"-s", "5", "-e", "4", "-n", "1", "-p", "3", "--only", "start"},
     NULL,
     2,
     "",
     "retain: option -p/--precision " NOTHING_WITH("start") TRY},
    {"precision with only the warnings",
     {"-s", "5", "-e", "4", "-n", "1", "--only", "warnings", "-p", "3"},
     NULL,
     2,
     "",
     "retain: option -p/--precision " NOTHING_WITH("warnings") TRY},
    {"precision with only the lifetime value",
     {"-s", "5", "-e", "4", "-n", "1", "--margin", "2", "-p", "3", "--only",
      "lifetime_value"},
     NULL,
     2,
     "",
     "retain: option -p/--precision " NOTHING_WITH("lifetime_value") TRY},
    {"margin with only a rate",
     {"-s", "5", "-e", "4", "-n", "1", "--margin", "2", "--money-precision",
      "3", "--only", "retention_rate"},
     NULL,
     2,
     "",
     "retain: option --margin " NOTHING_WITH("retention_rate") TRY},
    {"period with only a lifetime in periods",
     {"-s", "5", "-e", "4", "-n", "1", "--period", "month", "--only",
      "expected_lifetime"},
     NULL,
     2,
     "",
     "retain: option --period " NOTHING_WITH("expected_lifetime") TRY},
    {"per with only the warnings",
     {"-s", "5", "-e", "4", "-n", "1", "--period", "month", "--per", "year",
      "--only", "warnings"},
     NULL,
     2,
     "",
     "retain: option --per " NOTHING_WITH("warnings") TRY},
    {"lifetime with only a lifetime",
     {"-s", "5", "-e", "4", "-n", "1", "--lifetime", "--only",
      "median_lifetime"},
     NULL,
     2,
     "",
     "retain: option --lifetime does nothing with --only median_lifetime "
     "(--only asks for that figure already)\n" TRY},
    {"lifetime with period",
     {"-s", "5", "-e", "4", "-n", "1", "--lifetime", "--period", "month"},
     NULL,
     2,
     "",
     "retain: option --lifetime does nothing with --period (which adds the "
     "lifetimes too)\n" TRY},
    {"lifetime after margin",
     {"-s", "5", "-e", "4", "-n", "1", "--margin", "3", "--lifetime"},
     NULL,
     2,
     "",
     "retain: option --lifetime does nothing with --margin (which adds the "
     "lifetimes too)\n" TRY},
    {"strict without new",
     {"-s", "5", "-e", "6", "--strict"},
     NULL,
     2,
     "",
     "retain: option --strict needs -n/--new (without the count of new "
     "customers, the counts cannot contradict each other)\n" TRY},
    {"ids: no header with only",
     {"ids", "--no-header", "-f", "csv", "--only", "start", "one.txt",
      "two.txt"},
     NULL,
     2,
     "",
     NOTHING_HEADER TRY_IDS},
    {"ids: no header in json",
     {"ids", "--no-header", "-f", "json", "one.txt", "two.txt"},
     NULL,
     2,
     "",
     NO_HEADER_NEEDS TRY_IDS},
    {"ids: precision with only a count",
     {"ids", "-p", "1", "--only", "lost", "one.txt", "two.txt"},
     NULL,
     2,
     "",
     "retain: option -p/--precision " NOTHING_WITH("lost") TRY_IDS},
    {"ids: lifetime with period",
     {"ids", "--period", "month", "--lifetime", "one.txt", "two.txt"},
     NULL,
     2,
     "",
     "retain: option --lifetime does nothing with --period (which adds the "
     "lifetimes too)\n" TRY_IDS},
    {"revenue: no header with only",
     {REVENUE, "--contraction", "0", "--churned", "1", "-f", "csv",
      "--no-header", "--only", "net_revenue_retention"},
     NULL,
     2,
     "",
     NOTHING_HEADER TRY_REVENUE},
    {"revenue: precision with only an amount",
     {REVENUE, "--contraction", "0", "--churned", "1", "-p", "3", "--only",
      "churned"},
     NULL,
     2,
     "",
     "retain: option -p/--precision " NOTHING_WITH("churned") TRY_REVENUE},
    {"revenue: precision with only the warnings",
     {REVENUE, "--contraction", "0", "--churned", "1", "-p", "3", "--only",
      "warnings"},
     NULL,
     2,
     "",
     "retain: option -p/--precision " NOTHING_WITH("warnings") TRY_REVENUE},
    {"batch: lifetime with margin",
     {"batch", "--lifetime", "--margin", "5"},
     "",
     2,
     "",
     "retain: option --lifetime does nothing with --margin (which adds the "
     "lifetimes too)\n" TRY_BATCH},

    /* ... and kept where it can. */
    {"precision with only a rate",
     {"-s", "8", "-e", "1", "-n", "0", "-p", "0", "--only", "retention_rate"},
     NULL,
     0,
     "13\n",
     ""},
    {"period and precision with only a lifetime in years",
     {"-s", "100", "-e", "90", "-n", "0", "--period", "month", "-p", "1",
      "--only", "expected_lifetime_years"},
     NULL,
     0,
     "0.8\n",
     ""},
    {"discount and money precision with only the lifetime value",
     {"-s", "100", "-e", "90", "-n", "0", "--margin", "10", "--discount", "10%",
      "--money-precision", "3", "--only", "lifetime_value"},
     NULL,
     0,
     "55.000\n",
     ""},
    {"period and margin with only the warnings",
     {"-s", "5", "-e", "5", "-n", "0", "--period", "month", "--margin", "2",
      "--only", "warnings"},
     NULL,
     0,
     INFINITE_VALUE "\n",
     "retain: warning: " INFINITE_VALUE "\n"},
    {"strict with new",
     {"-s", "5", "-e", "6", "-n", "0", "--strict", "--only", "retained"},
     NULL,
     1,
     "6\n",
     "retain: warning: end - new (6 - 0 = 6) is greater than start (5): more "
     "customers retained than there were at the start\n"},
    {"revenue: precision with only a rate",
     {REVENUE, "--contraction", "0", "--churned", "1", "-p", "0", "--only",
      "net_revenue_retention"},
     NULL,
     0,
     "99\n",
     ""},

    /* Every message says what is wrong and what was expected. */
    {"unexpected argument",
     {"-s", "5", "-e", "4", "5"},
     NULL,
     2,
     "",
     "retain: unexpected argument '5' (the counts are given as options: -s "
     "START -e END -n NEW)\n" TRY},
    {"discount in percent too large",
     {"-s", "5", "-e", "4", "-n", "1", "--margin", "1", "--discount",
      "922337203685477.5808%"},
     NULL,
     2,
     "",
     "retain: option --discount: too large: '922337203685477.5808%' (the "
     "largest is 922337203685477.5807%)\n"},
    {"discount as a fraction too large",
     {"-s", "5", "-e", "4", "-n", "1", "--margin", "1", "--discount",
      "9223372036854.775808"},
     NULL,
     2,
     "",
     "retain: option --discount: too large: '9223372036854.775808' (the "
     "largest is 9223372036854.775807)\n"},
    {"discount with a decimal comma",
     {"-s", "5", "-e", "4", "-n", "1", "--margin", "1", "--discount", "2,5%"},
     NULL,
     2,
     "",
     "retain: option --discount: a decimal comma is not allowed: "
     "'2,5%' " RATE_EXPECTED "\n"},
    {"margin with thousands separators",
     {"-s", "5", "-e", "4", "-n", "1", "--margin", "1,000"},
     NULL,
     2,
     "",
     "retain: option --margin: thousands separators are not allowed: "
     "'1,000' " MONEY_EXPECTED "\n"},
    {"margin in exponent notation",
     {"-s", "5", "-e", "4", "-n", "1", "--margin", "1e3"},
     NULL,
     2,
     "",
     "retain: option --margin: exponent notation is not allowed: "
     "'1e3' " MONEY_EXPECTED "\n"},
    {"margin in hexadecimal",
     {"-s", "5", "-e", "4", "-n", "1", "--margin", "0x10"},
     NULL,
     2,
     "",
     "retain: option --margin: only decimal digits are allowed: "
     "'0x10' " MONEY_EXPECTED "\n"},
    {"batch: an empty summary file",
     {"batch", "--summary-file="},
     "",
     2,
     "",
     "retain: option --summary-file: empty value (expected a file name)\n"},
    {"batch: empty column names",
     {"batch", "--no-header", "--columns="},
     "",
     2,
     "",
     "retain: option --columns: empty value (expected the column names, "
     "separated by commas)\n"},
    {"batch: an empty group column",
     {"batch", "--group-by="},
     "",
     2,
     "",
     "retain: option --group-by: empty value (expected a column name)\n"},
    {"batch: an empty new column",
     {"batch", "--new-col="},
     "",
     2,
     "",
     "retain: option --new-col: empty value (expected a column name)\n"},
    {"batch: no threads",
     {"batch", "-j", "0"},
     "",
     2,
     "",
     "retain: option -j/--jobs: out of range: '0' (expected a whole number "
     "from 1 to 64)\n"},
    {"batch: too many threads",
     {"batch", "-j", "99999999999999999999"},
     "",
     2,
     "",
     "retain: option -j/--jobs: out of range: '99999999999999999999' "
     "(expected a whole number from 1 to 64)\n"},
    {"batch: threads that are not a number",
     {"batch", "--jobs=two"},
     "",
     2,
     "",
     "retain: option -j/--jobs: not a number of threads: 'two' (expected a "
     "whole number from 1 to 64)\n"},
    {"revenue: a missing start is above 0",
     {"revenue", "--expansion", "0", "--contraction", "0", "--churned", "0"},
     NULL,
     2,
     "",
     "retain: missing option --start-mrr (recurring revenue at the start, "
     "above 0)\n" TRY_REVENUE},
    {"revenue: a missing expansion may be 0",
     {"revenue", "--start-mrr", "100", "--contraction", "0", "--churned", "0"},
     NULL,
     2,
     "",
     "retain: missing option --expansion (revenue added by existing "
     "customers; write 0 for none)\n" TRY_REVENUE},
    {"revenue: unexpected argument",
     {REVENUE, "--contraction", "0", "--churned", "0", "x"},
     NULL,
     2,
     "",
     "retain: unexpected argument 'x' (the amounts are given as options, "
     "such as --start-mrr AMOUNT)\n" TRY_REVENUE},
    {"revenue: an amount with a decimal comma",
     {REVENUE, "--contraction", "0,5", "--churned", "0"},
     NULL,
     2,
     "",
     "retain: option --contraction: a decimal comma is not allowed: "
     "'0,5' " MONEY_EXPECTED "\n"},

    /* One spelling per format: inf in text, csv, tsv; null in json. */
    {"only an infinite lifetime in text",
     {"-s", "5", "-e", "5", "-n", "0", "--only", "expected_lifetime"},
     NULL,
     0,
     "inf\n",
     "retain: warning: " INFINITE "\n"},
    {"only an infinite lifetime in csv",
     {"-s", "5", "-e", "5", "-n", "0", "-f", "csv", "--only",
      "median_lifetime"},
     NULL,
     0,
     "inf\n",
     "retain: warning: " INFINITE "\n"},
    {"only an infinite lifetime in json is null",
     {"-s", "5", "-e", "5", "-n", "0", "-f", "json", "--only",
      "expected_lifetime"},
     NULL,
     0,
     "null\n",
     "retain: warning: " INFINITE "\n"},
    {"only an infinite lifetime value in json is null",
     {"-s", "5", "-e", "5", "-n", "0", "--margin", "2", "-f", "json", "--only",
      "lifetime_value"},
     NULL,
     0,
     "null\n",
     "retain: warning: " INFINITE_VALUE "\n"},
    {"only a length of period in json is a string",
     {"-s", "5", "-e", "4", "-n", "0", "--period", "month", "-f", "json",
      "--only", "period"},
     NULL,
     0,
     "\"month\"\n",
     ""},
    {"only a rate in json is a number",
     {"-s", "5", "-e", "4", "-n", "0", "-f", "json", "--only",
      "retention_rate"},
     NULL,
     0,
     "80.00\n",
     ""},
    {"only the warnings hold those beyond the period",
     {"-s", "5", "-e", "5", "-n", "0", "--lifetime", "--only", "warnings"},
     NULL,
     0,
     INFINITE "\n",
     "retain: warning: " INFINITE "\n"},
    {"only the warnings in json are the array",
     {"-s", "5", "-e", "5", "-n", "0", "--lifetime", "-f", "json", "--only",
      "warnings"},
     NULL,
     0,
     "[\"" INFINITE "\"]\n",
     "retain: warning: " INFINITE "\n"},
    {"only no warnings in json is an empty array",
     {"-s", "5", "-e", "4", "-n", "0", "-f", "json", "--only", "warnings"},
     NULL,
     0,
     "[]\n",
     ""},
    {"revenue: only the warnings in json",
     {REVENUE, "--contraction", "60", "--churned", "50", "-f", "json", "--only",
      "warnings"},
     NULL,
     0,
     "[\"contraction + churned (110) is greater than start_mrr (100): more "
     "revenue lost than there was at the start\"]\n",
     "retain: warning: contraction + churned (110) is greater than start_mrr "
     "(100): more revenue lost than there was at the start\n"},
    {"revenue: only a rate in json",
     {REVENUE, "--contraction", "6", "--churned", "5", "-f", "json", "--only",
      "gross_revenue_retention"},
     NULL,
     0,
     "89.00\n",
     ""},
    {"batch summary: inf in csv",
     {"batch", "--margin", "10", "--summary", "--no-header", "--columns",
      "start,end,new"},
     "100,100,0\n50,50,0\n",
     0,
     "100,100,0,100,0,100.00,0.00,100.00,0.00,inf,inf,inf,\"" INFINITE_VALUE
     "\"\n"
     "50,50,0,50,0,100.00,0.00,100.00,0.00,inf,inf,inf,\"" INFINITE_VALUE
     "\"\n",
     NULL,
     .golden = "options/batch-summary-inf-in-csv"},
    {"batch summary: null in json",
     {"batch", "--lifetime", "-f", "json", "--summary"},
     KEPT_ALL,
     0,
     NULL,
     NULL,
     .golden = "options/batch-summary-null-in-json"},
    {"batch summary: inf in text",
     {"batch", "--lifetime", "-f", "text", "--summary", "-p", "0"},
     "start,end,new\n7,7,0\n",
     0,
     NULL,
     "retain: (standard input):2: warning: " INFINITE "\n",
     .golden = "options/batch-summary-inf-in-text"},
};

/* retain ids prints through the core command's output: the same spelling. */
static void test_ids_infinite(void **state)
{
    static const char *const args[] = {
        "ids",     "-f",      "json", "--only", "median_lifetime",
        "one.txt", "two.txt", NULL};
    struct run_result r;

    (void)state;
    assert_int_equal(run_retain(args, NULL, NULL, RUN_CAPTURE, &r), 0);
    assert_string_equal(r.err, "retain: warning: " INFINITE "\n");
    assert_string_equal(r.out, "null\n");
    assert_int_equal(r.status, 0);
    run_result_free(&r);
}

/*
 * Each row; under valgrind every eighth one (cli_row_check_sampled(): the
 * others run without it; the sanitizer stage runs them all).
 */
static void test_cli_options_row(void **state)
{
    const struct cli_row *c = *state;

    cli_row_check_sampled(c, (size_t)(c - option_cases), 8);
}

int main(void)
{
    char dir[] = "/tmp/retain-options-XXXXXX";
    const struct CMUnitTest plain[] = {cmocka_unit_test(test_ids_infinite)};

    run_enter_fresh_dir(dir);
    run_write_fixture("one.txt", "a\nb\n");
    run_write_fixture("two.txt", "b\na\n");
    return TABLE_RUN("cli_options", option_cases, test_cli_options_row) |
           cmocka_run_group_tests_name("cli_options ids", plain, NULL, NULL);
}
