/*
 * test_cli_beyond.c - figures beyond one period (--period, --per,
 * --lifetime, --margin, --discount) in the core command and retain ids,
 * and retain revenue: exact output, messages and exit statuses.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd_revenue.h"
#include "cli_table.h"
#include "run.h"
#include "table.h"

#define TRY "Try 'retain --help' for more information.\n"
#define INFINITE_WARNING                                                       \
    "churn is 0, so the expected and median lifetimes are infinite"
#define UNDEFINED_WARNING                                                      \
    "the retention rate is not between 0% and 100%, so rates per another "     \
    "period, lifetimes and lifetime value are not computed"

static const struct cli_row beyond_cases[] = {
    {"monthly to yearly, text",
     {"-s", "1000", "-e", "990", "-n", "0", "--period", "month", "--per",
      "year", "--only", "churn_rate_per"},
     NULL,
     0,
     "11.36\n",
     ""},
    {"monthly to yearly, json",
     {"-s", "1000", "-e", "990", "-n", "0", "--period", "month", "--per",
      "year", "-f", "json"},
     NULL,
     0,
     NULL,
     "",
     .golden = "beyond/monthly-to-yearly-json"},
    {"lifetime lines in text",
     {"-s", "1000", "-e", "975", "-n", "0", "--period", "month"},
     NULL,
     0,
     NULL,
     "",
     .golden = "beyond/lifetime-lines-in-text"},
    {"infinite lifetimes and lifetime value in text",
     {"-s", "100", "-e", "100", "-n", "0", "--period", "month", "--margin",
      "10"},
     NULL,
     0,
     NULL,
     "retain: warning: churn is 0, so the expected and median lifetimes and "
     "the undiscounted lifetime value are infinite\n",
     .golden = "beyond/infinite-lifetimes-and-lifetime-value-in"},
    {"lifetimes not computed in text: more new than end",
     {"-s", "100", "-e", "50", "-n", "60", "--lifetime"},
     NULL,
     0,
     NULL,
     "retain: warning: new (60) is greater than end (50): retained = end - "
     "new = -10, but no count of customers can be negative\n"
     "retain: warning: " UNDEFINED_WARNING "\n",
     .golden = "beyond/lifetimes-not-computed-in-text-more-new"},
    {"weeks to months in text: a fractional k",
     {"-s", "100", "-e", "95", "-n", "0", "--period", "week", "--per", "month"},
     NULL,
     0,
     NULL,
     "",
     .golden = "beyond/weeks-to-months-in-text-a-fractional-k"},
    {"a yearly period: lifetimes in years once",
     {"-s", "100", "-e", "90", "-n", "0", "--period", "year", "--only",
      "median_lifetime_years"},
     NULL,
     0,
     "6.58\n",
     ""},
    {"lifetime value with discount, csv",
     {"-s", "100", "-e", "80", "-n", "0", "--margin", "1", "--discount", "10%",
      "-f", "csv", "--no-header"},
     NULL,
     0,
     "100,80,0,80,20,80.00,20.00,80.00,20.00,,,,,5.00,,3.11,,1.00,10.00,3.67,"
     "\n",
     ""},
    {"discount as a fraction",
     {"-s", "100", "-e", "80", "-n", "0", "--margin", "1", "--discount", "0.10",
      "--only", "lifetime_value"},
     NULL,
     0,
     "3.67\n",
     ""},
    {"no discount is margin over churn",
     {"-s", "100", "-e", "80", "-n", "0", "--margin", "49.90", "--only",
      "lifetime_value", "--money-precision", "4"},
     NULL,
     0,
     "249.5000\n",
     ""},
    {"churn 0 in json is null with a warning",
     {"-s", "5", "-e", "5", "-n", "0", "--lifetime", "-f", "json"},
     NULL,
     0,
     NULL,
     "retain: warning: " INFINITE_WARNING "\n",
     .golden = "beyond/churn-0-in-json-is-null-with-a-warning"},
    {"churn 0 in csv is inf",
     {"-s", "5", "-e", "5", "-n", "0", "--lifetime", "-f", "tsv",
      "--no-header"},
     NULL,
     0,
     "5\t5\t0\t5\t0\t100.00\t0.00\t100.00\t0."
     "00\t\t\t\t\tinf\t\tinf\t\t\t\t\t" INFINITE_WARNING "\n",
     "retain: warning: " INFINITE_WARNING "\n"},
    {"inconsistent counts compute nothing beyond",
     {"-s", "100", "-e", "150", "-n", "0", "--only", "median_lifetime"},
     NULL,
     2,
     "",
     "retain: warning: end - new (150 - 0 = 150) is greater than start "
     "(100): more customers retained than there were at the start\n"
     "retain: warning: " UNDEFINED_WARNING "\n"
     "retain: option --only: median_lifetime is not computed: the retention "
     "rate is not between 0% and 100%\n"},
    {"only a field that needs --per",
     {"-s", "100", "-e", "80", "-n", "0", "--only", "retention_rate_per"},
     NULL,
     2,
     "",
     "retain: option --only: retention_rate_per needs --period and "
     "--per\n" TRY},
    {"bare discount is refused",
     {"-s", "100", "-e", "80", "-n", "0", "--margin", "1", "--discount", "10"},
     NULL,
     2,
     "",
     "retain: option --discount: a rate needs '%' or a decimal point: '10' "
     "(write 10% for a percentage, or a fraction with a point such as "
     "0.10)\n"},
    {"per needs period",
     {"-s", "100", "-e", "80", "-n", "0", "--per", "year"},
     NULL,
     2,
     "",
     "retain: option --per needs --period (the length of the measured "
     "period, to know how many of them make one year)\n" TRY},
    {"discount needs margin",
     {"-s", "100", "-e", "80", "-n", "0", "--discount", "1%"},
     NULL,
     2,
     "",
     "retain: option --discount needs --margin (it discounts the lifetime "
     "value)\n" TRY},
    {"lifetime needs new",
     {"-s", "100", "-e", "80", "--lifetime"},
     NULL,
     2,
     "",
     "retain: option --lifetime needs -n/--new (lifetimes, lifetime value "
     "and rates per another period come from the retention rate)\n" TRY},
    {"unknown period",
     {"-s", "100", "-e", "80", "-n", "0", "--period", "fortnight"},
     NULL,
     2,
     "",
     "retain: option --period: unknown length of period: 'fortnight' "
     "(expected day, week, month, quarter or year)\n"},
    {"bad margin",
     {"-s", "100", "-e", "80", "-n", "0", "--margin", "1,5"},
     NULL,
     2,
     "",
     "retain: option --margin: a decimal comma is not allowed: '1,5' "
     "(expected an amount such as 49.90, in digits with up to 6 "
     "decimals)\n"},

    /* retain revenue */
    {"revenue, the worked case",
     {"revenue", "--start-mrr", "100000", "--expansion", "15000",
      "--contraction", "5000", "--churned", "8000"},
     NULL,
     0,
     NULL,
     "",
     .golden = "beyond/revenue-the-worked-case"},
    {"revenue csv with decimals",
     {"revenue", "--start-mrr", "3", "--expansion", "0.5", "--contraction", "0",
      "--churned", "1", "-f", "csv", "-p", "3"},
     NULL,
     0,
     "start_mrr,expansion,contraction,churned,net_revenue_retention,"
     "gross_revenue_retention,warnings\n"
     "3,0.5,0,1,83.333,66.667,\n",
     ""},
    {"revenue losses above the start, strict",
     {"revenue", "--start-mrr", "100", "--expansion", "0", "--contraction",
      "60", "--churned", "50", "-f", "json", "--strict"},
     NULL,
     1,
     "{\"start_mrr\":100,\"expansion\":0,\"contraction\":60,\"churned\":50,"
     "\"net_revenue_retention\":-10.00,\"gross_revenue_retention\":-10.00,"
     "\"warnings\":[\"contraction + churned (110) is greater than start_mrr "
     "(100): more revenue lost than there was at the start\"]}\n",
     "retain: warning: contraction + churned (110) is greater than "
     "start_mrr (100): more revenue lost than there was at the start\n"},
    {"revenue only one figure",
     {"revenue", "--start-mrr", "100", "--expansion", "0", "--contraction", "0",
      "--churned", "1", "--only", "gross_revenue_retention"},
     NULL,
     0,
     "99.00\n",
     ""},
    {"revenue start of zero",
     {"revenue", "--start-mrr", "0", "--expansion", "0", "--contraction", "0",
      "--churned", "0"},
     NULL,
     2,
     "",
     "retain: option --start-mrr: the start is 0, so no rate is defined "
     "(expected an amount above 0)\n"},
    {"revenue missing amount",
     {"revenue", "--start-mrr", "100", "--expansion", "0", "--churned", "0"},
     NULL,
     2,
     "",
     "retain: missing option --contraction (revenue lost to downgrades; "
     "write 0 for none)\n"
     "Try 'retain revenue --help' for more information.\n"},
    {"revenue bad amount",
     {"revenue", "--start-mrr", "-5", "--expansion", "0", "--contraction", "0",
      "--churned", "0"},
     NULL,
     2,
     "",
     "retain: option --start-mrr: an amount cannot be negative: '-5' "
     "(expected an amount such as 49.90, in digits with up to 6 "
     "decimals)\n"},
    {"revenue unknown field",
     {"revenue", "--only", "nrr"},
     NULL,
     2,
     "",
     "retain: option --only: unknown field: 'nrr' (expected start_mrr, "
     "expansion, contraction, churned, net_revenue_retention, "
     "gross_revenue_retention or warnings)\n"},
    {"revenue help",
     {"revenue", "--help"},
     NULL,
     0,
     NULL,
     "",
     .golden = "help/revenue"},
};

/* Each row; under valgrind every third one (cli_row_check_sampled()). */
static void test_beyond_row(void **state)
{
    const struct cli_row *c = *state;

    cli_row_check_sampled(c, (size_t)(c - beyond_cases), 3);
}

int main(void)
{
    return TABLE_RUN("cli_beyond", beyond_cases, test_beyond_row);
}
