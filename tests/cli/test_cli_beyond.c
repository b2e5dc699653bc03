/*
 * test_cli_beyond.c - figures beyond one period (--period, --per,
 * --lifetime, --margin, --discount) in the core command and retain ids,
 * and retain revenue: exact output, messages and exit statuses.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd_revenue.h"
#include "run.h"
#include "table.h"

struct beyond_case {
    const char *name;
    const char *args[20];
    int status;
    const char *out;
    const char *err;
};

#define TRY   "Try 'retain --help' for more information.\n"
#define MINUS "\xe2\x88\x92"
#define DIV   "\xc3\xb7"
#define TIMES "\xc3\x97"
#define JSON_COUNTS                                                            \
    "{\"start\":1000,\"end\":990,\"new\":0,\"retained\":990,\"lost\":10,"      \
    "\"retention_rate\":99.00,\"churn_rate\":1.00,"                            \
    "\"simple_retention_rate\":99.00,\"simple_churn_rate\":1.00,"
#define INFINITE_WARNING                                                       \
    "churn is 0, so the expected and median lifetimes are infinite"
#define UNDEFINED_WARNING                                                      \
    "the retention rate is not between 0% and 100%, so rates per another "     \
    "period, lifetimes and lifetime value are not computed"

static const struct beyond_case beyond_cases[] = {
    {"monthly to yearly, text",
     {"-s", "1000", "-e", "990", "-n", "0", "--period", "month", "--per",
      "year", "--only", "churn_rate_per"},
     0,
     "11.36\n",
     ""},
    {"monthly to yearly, json",
     {"-s", "1000", "-e", "990", "-n", "0", "--period", "month", "--per",
      "year", "-f", "json"},
     0,
     JSON_COUNTS "\"period\":\"month\",\"per\":\"year\","
                 "\"retention_rate_per\":88.64,\"churn_rate_per\":11.36,"
                 "\"expected_lifetime\":100.00,"
                 "\"expected_lifetime_years\":8.33,"
                 "\"median_lifetime\":68.97,\"median_lifetime_years\":5.75,"
                 "\"margin\":null,\"discount_rate\":null,"
                 "\"lifetime_value\":null,\"warnings\":[]}\n",
     ""},
    {"lifetime lines in text",
     {"-s", "1000", "-e", "975", "-n", "0", "--period", "month"},
     0,
     "start (S)              1000\n"
     "end (E)                975\n"
     "new (N)                0\n"
     "retained (E " MINUS " N)       975\n"
     "lost (S " MINUS " retained)    25\n"
     "retention rate         [(975 " MINUS " 0) " DIV " 1000] " TIMES
     " 100 = 97.50%\n"
     "churn rate             (25 " DIV " 1000) " TIMES " 100 = 2.50%\n"
     "simple retention rate  (975 " DIV " 1000) " TIMES " 100 = 97.50%\n"
     "simple churn rate      [(1000 " MINUS " 975) " DIV " 1000] " TIMES
     " 100 = 2.50%\n"
     "period                 month\n"
     "expected lifetime      1 " DIV " (25 " DIV
     " 1000) = 40.00 months = 3.33 years\n"
     "median lifetime        ln 0.5 " DIV " ln(975 " DIV
     " 1000) = 27.38 months = 2.28 years\n",
     ""},
    {"infinite lifetimes and lifetime value in text",
     {"-s", "100", "-e", "100", "-n", "0", "--period", "month", "--margin",
      "10"},
     0,
     "start (S)              100\n"
     "end (E)                100\n"
     "new (N)                0\n"
     "retained (E " MINUS " N)       100\n"
     "lost (S " MINUS " retained)    0\n"
     "retention rate         [(100 " MINUS " 0) " DIV " 100] " TIMES
     " 100 = 100.00%\n"
     "churn rate             (0 " DIV " 100) " TIMES " 100 = 0.00%\n"
     "simple retention rate  (100 " DIV " 100) " TIMES " 100 = 100.00%\n"
     "simple churn rate      [(100 " MINUS " 100) " DIV " 100] " TIMES
     " 100 = 0.00%\n"
     "period                 month\n"
     "expected lifetime      1 " DIV " (0 " DIV " 100) = inf\n"
     "median lifetime        ln 0.5 " DIV " ln(100 " DIV " 100) = inf\n"
     "lifetime value         M " TIMES " (1 + D) " DIV " (1 + D " MINUS
     " r), a margin M counted at the\n"
     "                       start of each period the customer stays, "
     "discounted by D\n"
     "                       = 10.00 " TIMES " (1 + 0) " DIV " (1 + 0 " MINUS
     " (100 " DIV " 100)) = inf\n",
     "retain: warning: churn is 0, so the expected and median lifetimes and "
     "the undiscounted lifetime value are infinite\n"},
    {"lifetimes not computed in text: more new than end",
     {"-s", "100", "-e", "50", "-n", "60", "--lifetime"},
     0,
     "start (S)              100\n"
     "end (E)                50\n"
     "new (N)                60\n"
     "retained (E " MINUS " N)       -10\n"
     "lost (S " MINUS " retained)    110\n"
     "retention rate         [(50 " MINUS " 60) " DIV " 100] " TIMES
     " 100 = -10.00%\n"
     "churn rate             (110 " DIV " 100) " TIMES " 100 = 110.00%\n"
     "simple retention rate  (50 " DIV " 100) " TIMES " 100 = 50.00%\n"
     "simple churn rate      [(100 " MINUS " 50) " DIV " 100] " TIMES
     " 100 = 50.00%\n"
     "lifetime               not computed: the retention rate is not between "
     "0% and 100%\n",
     "retain: warning: new (60) is greater than end (50): retained = end - "
     "new = -10, but no count of customers can be negative\n"
     "retain: warning: " UNDEFINED_WARNING "\n"},
    {"weeks to months in text: a fractional k",
     {"-s", "100", "-e", "95", "-n", "0", "--period", "week", "--per", "month"},
     0,
     "start (S)              100\n"
     "end (E)                95\n"
     "new (N)                0\n"
     "retained (E " MINUS " N)       95\n"
     "lost (S " MINUS " retained)    5\n"
     "retention rate         [(95 " MINUS " 0) " DIV " 100] " TIMES
     " 100 = 95.00%\n"
     "churn rate             (5 " DIV " 100) " TIMES " 100 = 5.00%\n"
     "simple retention rate  (95 " DIV " 100) " TIMES " 100 = 95.00%\n"
     "simple churn rate      [(100 " MINUS " 95) " DIV " 100] " TIMES
     " 100 = 5.00%\n"
     "period                 week; a month is k = 487/112 weeks\n"
     "retention per month    (95 " DIV " 100)^(487/112) " TIMES
     " 100 = 80.01%\n"
     "churn per month        [1 " MINUS " (95 " DIV " 100)^(487/112)] " TIMES
     " 100 = 19.99%\n"
     "expected lifetime      1 " DIV " (5 " DIV
     " 100) = 20.00 weeks = 0.38 years\n"
     "median lifetime        ln 0.5 " DIV " ln(95 " DIV
     " 100) = 13.51 weeks = 0.26 years\n",
     ""},
    {"a yearly period: lifetimes in years once",
     {"-s", "100", "-e", "90", "-n", "0", "--period", "year", "--only",
      "median_lifetime_years"},
     0,
     "6.58\n",
     ""},
    {"lifetime value with discount, csv",
     {"-s", "100", "-e", "80", "-n", "0", "--margin", "1", "--discount", "10%",
      "-f", "csv", "--no-header"},
     0,
     "100,80,0,80,20,80.00,20.00,80.00,20.00,,,,,5.00,,3.11,,1.00,10.00,3.67,"
     "\n",
     ""},
    {"discount as a fraction",
     {"-s", "100", "-e", "80", "-n", "0", "--margin", "1", "--discount", "0.10",
      "--only", "lifetime_value"},
     0,
     "3.67\n",
     ""},
    {"no discount is margin over churn",
     {"-s", "100", "-e", "80", "-n", "0", "--margin", "49.90", "--only",
      "lifetime_value", "--money-precision", "4"},
     0,
     "249.5000\n",
     ""},
    {"churn 0 in json is null with a warning",
     {"-s", "5", "-e", "5", "-n", "0", "--lifetime", "-f", "json"},
     0,
     "{\"start\":5,\"end\":5,\"new\":0,\"retained\":5,\"lost\":0,"
     "\"retention_rate\":100.00,\"churn_rate\":0.00,"
     "\"simple_retention_rate\":100.00,\"simple_churn_rate\":0.00,"
     "\"period\":null,\"per\":null,\"retention_rate_per\":null,"
     "\"churn_rate_per\":null,\"expected_lifetime\":null,"
     "\"expected_lifetime_years\":null,\"median_lifetime\":null,"
     "\"median_lifetime_years\":null,\"margin\":null,"
     "\"discount_rate\":null,\"lifetime_value\":null,"
     "\"warnings\":[\"" INFINITE_WARNING "\"]}\n",
     "retain: warning: " INFINITE_WARNING "\n"},
    {"churn 0 in csv is inf",
     {"-s", "5", "-e", "5", "-n", "0", "--lifetime", "-f", "tsv",
      "--no-header"},
     0,
     "5\t5\t0\t5\t0\t100.00\t0.00\t100.00\t0."
     "00\t\t\t\t\tinf\t\tinf\t\t\t\t\t" INFINITE_WARNING "\n",
     "retain: warning: " INFINITE_WARNING "\n"},
    {"inconsistent counts compute nothing beyond",
     {"-s", "100", "-e", "150", "-n", "0", "--only", "median_lifetime"},
     2,
     "",
     "retain: warning: end - new (150 - 0 = 150) is greater than start "
     "(100): more customers retained than there were at the start\n"
     "retain: warning: " UNDEFINED_WARNING "\n"
     "retain: option --only: median_lifetime is not computed: the retention "
     "rate is not between 0% and 100%\n"},
    {"only a field that needs --per",
     {"-s", "100", "-e", "80", "-n", "0", "--only", "retention_rate_per"},
     2,
     "",
     "retain: option --only: retention_rate_per needs --period and "
     "--per\n" TRY},
    {"bare discount is refused",
     {"-s", "100", "-e", "80", "-n", "0", "--margin", "1", "--discount", "10"},
     2,
     "",
     "retain: option --discount: a rate needs '%' or a decimal point: '10' "
     "(write 10% for a percentage, or a fraction with a point such as "
     "0.10)\n"},
    {"per needs period",
     {"-s", "100", "-e", "80", "-n", "0", "--per", "year"},
     2,
     "",
     "retain: option --per needs --period (the length of the measured "
     "period, to know how many of them make one year)\n" TRY},
    {"discount needs margin",
     {"-s", "100", "-e", "80", "-n", "0", "--discount", "1%"},
     2,
     "",
     "retain: option --discount needs --margin (it discounts the lifetime "
     "value)\n" TRY},
    {"lifetime needs new",
     {"-s", "100", "-e", "80", "--lifetime"},
     2,
     "",
     "retain: option --lifetime needs -n/--new (lifetimes, lifetime value "
     "and rates per another period come from the retention rate)\n" TRY},
    {"unknown period",
     {"-s", "100", "-e", "80", "-n", "0", "--period", "fortnight"},
     2,
     "",
     "retain: option --period: unknown length of period: 'fortnight' "
     "(expected day, week, month, quarter or year)\n"},
    {"bad margin",
     {"-s", "100", "-e", "80", "-n", "0", "--margin", "1,5"},
     2,
     "",
     "retain: option --margin: a decimal comma is not allowed: '1,5' "
     "(expected an amount such as 49.90, in digits with up to 6 "
     "decimals)\n"},

    /* retain revenue */
    {"revenue, the worked case",
     {"revenue", "--start-mrr", "100000", "--expansion", "15000",
      "--contraction", "5000", "--churned", "8000"},
     0,
     "start MRR              100000\n"
     "expansion              15000\n"
     "contraction            5000\n"
     "churned                8000\n"
     "net retention (NRR)    [(100000 + 15000 " MINUS " 5000 " MINUS
     " 8000) " DIV " 100000] " TIMES " 100 = 102.00%\n"
     "gross retention (GRR)  [(100000 " MINUS " 5000 " MINUS " 8000) " DIV
     " 100000] " TIMES " 100 = 87.00%\n",
     ""},
    {"revenue csv with decimals",
     {"revenue", "--start-mrr", "3", "--expansion", "0.5", "--contraction", "0",
      "--churned", "1", "-f", "csv", "-p", "3"},
     0,
     "start_mrr,expansion,contraction,churned,net_revenue_retention,"
     "gross_revenue_retention,warnings\n"
     "3,0.5,0,1,83.333,66.667,\n",
     ""},
    {"revenue losses above the start, strict",
     {"revenue", "--start-mrr", "100", "--expansion", "0", "--contraction",
      "60", "--churned", "50", "-f", "json", "--strict"},
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
     0,
     "99.00\n",
     ""},
    {"revenue start of zero",
     {"revenue", "--start-mrr", "0", "--expansion", "0", "--contraction", "0",
      "--churned", "0"},
     2,
     "",
     "retain: option --start-mrr: the start is 0, so no rate is defined "
     "(expected an amount above 0)\n"},
    {"revenue missing amount",
     {"revenue", "--start-mrr", "100", "--expansion", "0", "--churned", "0"},
     2,
     "",
     "retain: missing option --contraction (revenue lost to downgrades; "
     "write 0 for none)\n"
     "Try 'retain revenue --help' for more information.\n"},
    {"revenue bad amount",
     {"revenue", "--start-mrr", "-5", "--expansion", "0", "--contraction", "0",
      "--churned", "0"},
     2,
     "",
     "retain: option --start-mrr: an amount cannot be negative: '-5' "
     "(expected an amount such as 49.90, in digits with up to 6 "
     "decimals)\n"},
    {"revenue unknown field",
     {"revenue", "--only", "nrr"},
     2,
     "",
     "retain: option --only: unknown field: 'nrr' (expected start_mrr, "
     "expansion, contraction, churned, net_revenue_retention, "
     "gross_revenue_retention or warnings)\n"},
    {"revenue help", {"revenue", "--help"}, 0, revenue_help_text, ""},
};

static void test_beyond(void **state)
{
    const struct beyond_case *c = *state;
    struct run_result r;

    assert_int_equal(run_retain(c->args, NULL, NULL, RUN_CAPTURE, &r), 0);
    assert_string_equal(r.err, c->err);
    assert_string_equal(r.out, c->out);
    assert_int_equal(r.status, c->status);
    run_result_free(&r);
}

int main(void)
{
    return TABLE_RUN("cli_beyond", beyond_cases, test_beyond);
}
